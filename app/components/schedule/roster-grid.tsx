// The week's roster: each agent's shift per day, days off and hours against the contract; a name opens the shift on its day.
import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { localMinuteOfDay } from '../../domain/intervals.ts'
import { formatClock } from '../../domain/opening-hours.ts'
import type { ScheduleView } from '../../services/schedules.server.ts'
import { formatDay, formatShortDay, formatDecimal, formatInteger } from '../../utils/format.ts'
import { violationText } from './violations.tsx'

/** The week per agent: each day's shift or day off, and hours against the contract; shifts out of the rules flagged and listed. */
export function RosterGrid({ view }: { view: ScheduleView }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const byAgent = new Map<number, Map<number, ScheduleView['shifts'][number]>>()
  const open = view.shifts.filter((s) => s.agentId === null)
  for (const s of view.shifts) {
    if (s.agentId === null) continue
    let days = byAgent.get(s.agentId)
    if (!days) byAgent.set(s.agentId, (days = new Map()))
    days.set(s.day, s)
  }
  const clock = (s: ScheduleView['shifts'][number]) =>
    `${formatClock(localMinuteOfDay(s.start, view.schedule.timeZone))}–${formatClock(localMinuteOfDay(s.end, view.schedule.timeZone))}`
  const reasons = (s: ScheduleView['shifts'][number]) => s.violations.map((v) => violationText(t, language, v, s, view.channelNames)).join(' ')
  const warned = view.shifts.filter((s) => s.violations.length > 0)
  const dayOf = (s: ScheduleView['shifts'][number]) => formatShortDay(view.days[s.day]!.date, language)
  return (
    <>
      <div className="table-scroll">
        <table className="data roster" data-testid="roster">
          <thead>
            <tr>
              <th scope="col" className="text">
                {t('schedules.agent')}
              </th>
              {view.days.map((d) => (
                <th key={d.index} scope="col">
                  {formatDay(d.date, language, { weekday: 'short', day: '2-digit' })}
                </th>
              ))}
              <th scope="col">{t('schedules.hoursOfContract')}</th>
            </tr>
          </thead>
          <tbody>
            {view.agents.map((a) => (
              <tr key={a.id}>
                <th scope="row" className="text">
                  {a.name}
                </th>
                {view.days.map((d) => {
                  const s = byAgent.get(a.id)?.get(d.index)
                  if (!s) {
                    const off = a.daysOff.includes(d.index)
                    return (
                      <td key={d.index} className={off ? 'is-off' : 'is-idle'}>
                        {off ? t('schedules.dayOff') : '—'}
                      </td>
                    )
                  }
                  const warning = s.violations.length > 0
                  return (
                    <td
                      key={d.index}
                      className={[s.edited && 'is-edited', warning && 'is-warning'].filter(Boolean).join(' ')}
                      title={warning ? reasons(s) : undefined}
                    >
                      {warning && '⚠ '}
                      {clock(s)}
                    </td>
                  )
                })}
                <td>
                  {formatDecimal(a.hours, language, 1)} / {formatDecimal(a.weeklyHours, language, 0)}
                </td>
              </tr>
            ))}
            {open.length > 0 && (
              <tr className="is-open">
                <th scope="row" className="text">
                  {t('schedules.openShiftsRow')}
                </th>
                {view.days.map((d) => (
                  <td key={d.index}>{formatInteger(open.filter((s) => s.day === d.index).length, language)}</td>
                ))}
                <td />
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {warned.length > 0 && (
        <div className="roster-warnings" data-testid="roster-warnings">
          <h3>{t('schedules.outOfRulesTitle', { count: warned.length })}</h3>
          <ul>
            {warned.map((s) => (
              <li key={s.id}>
                <Link to={`?day=${s.day}&shift=${s.id}`} preventScrollReset>
                  {s.agentName ?? t('schedules.open')} · {dayOf(s)} {clock(s)}
                </Link>
                : {reasons(s)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  )
}
