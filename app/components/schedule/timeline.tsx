// A day's shifts on a timeline, the chosen one editable (hand edits obey the rules generation follows).
import { Form, Link, useNavigation, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { localMinuteOfDay } from '../../domain/intervals.ts'
import { formatClock } from '../../domain/opening-hours.ts'
import type { ScheduleView } from '../../services/schedules.server.ts'
import { useFormResult } from '../../utils/form.ts'
import { useCan } from '../../utils/user.ts'
import { Violations, type Broken } from './violations.tsx'

/** The edit form of one shift: a refusal lists the broken rules and offers to save anyway. */
function EditShiftForm({ view, shift, start }: { view: ScheduleView; shift: ScheduleView['shifts'][number]; start: string }) {
  const { t } = useTranslation()
  const navigation = useNavigation()
  const edit = useFormResult<Broken, Broken>('edit')
  const refused = edit.refused && edit.value('shiftId', '') === String(shift.id) ? edit.refused : null
  return (
    <Form method="post" className="gantt-edit" preventScrollReset aria-label={t('schedules.editShift')}>
      <input type="hidden" name="intent" value="edit" />
      <input type="hidden" name="shiftId" value={shift.id} />
      <label>
        {t('schedules.start')}
        <input type="time" name="start" step={300} defaultValue={start} required />
      </label>
      <label>
        {t('schedules.agent')}
        <select name="agentId" defaultValue={shift.agentId ?? ''}>
          <option value="">{t('schedules.open')}</option>
          {view.agents.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </label>
      {shift.channels && (
        <p className="note" data-testid="shift-channels">
          {t('schedules.shiftChannels', { channels: shift.channels.map((key) => view.channelNames[key] ?? key).join(', ') })}
        </p>
      )}
      {refused && refused.violations.length > 0 && (
        <label className="inline">
          <input type="checkbox" name="force" /> {t('schedules.saveAnyway')}
        </label>
      )}
      <button type="submit" disabled={navigation.state !== 'idle'}>
        {t('schedules.saveShift')}
      </button>
      <Link to={`?day=${view.day}`} preventScrollReset>
        {t('schedules.cancel')}
      </Link>
      {refused && (
        <div className="field-error edit-refused" role="alert">
          {t(refused.errors.form!)}
          {refused.violations.length > 0 && <Violations shift={shift} violations={refused.violations} channelNames={view.channelNames} />}
        </div>
      )}
    </Form>
  )
}

/** One row per shift of the day: a bar from start to end with its breaks cut out; the selected row is editable. */
export function Timeline({ view }: { view: ScheduleView }) {
  const { t } = useTranslation()
  const [search] = useSearchParams()
  const canEdit = useCan('editSchedules')
  const editing = canEdit ? Number(search.get('shift')) : null
  const { axis, schedule } = view
  const span = axis.to - axis.from
  const minute = (t: number) => {
    const m = localMinuteOfDay(t, schedule.timeZone)
    // A shift that runs past midnight keeps counting on the same axis.
    return m < axis.from - 60 ? m + 1440 : m
  }
  const left = (m: number) => `${((m - axis.from) / span) * 100}%`
  const width = (from: number, to: number) => `${((to - from) / span) * 100}%`
  const shifts = view.shifts.filter((s) => s.day === view.day)
  const off = view.agents.filter((a) => a.daysOff.includes(view.day!))
  const hours: number[] = []
  for (let h = axis.from; h <= axis.to; h += 60) hours.push(h)
  // A phone's narrow track labels every 2nd or 3rd hour of a long day (app.css hides the others).
  const phoneStep = span <= 6 * 60 ? 60 : span <= 12 * 60 ? 120 : 180
  return (
    <div className="gantt" data-testid="gantt">
      <div className="gantt-row gantt-axis" aria-hidden="true">
        <span className="gantt-label" />
        <div className="gantt-track">
          {hours.map((h) => (
            <span key={h} className={h % phoneStep === 0 ? 'gantt-hour' : 'gantt-hour minor'} style={{ left: left(h) }}>
              {formatClock(h % 1440)}
            </span>
          ))}
        </div>
      </div>
      {shifts.map((s) => {
        const from = minute(s.start)
        const to = from + (s.end - s.start) / 60_000
        const label = s.agentName ?? t('schedules.open')
        const warned = s.violations.length > 0
        // A multi-skill schedule's shift names the channels it was planned for.
        const skills = s.channels && ` · ${s.channels.map((key) => view.channelNames[key] ?? key).join(', ')}`
        return (
          <div
            key={s.id}
            className={`gantt-row${s.agentId === null ? ' is-open' : ''}${warned ? ' has-warning' : ''}`}
            data-testid="gantt-row"
          >
            <span className="gantt-label">
              {warned && (
                <span className="warning-mark" title={t('schedules.outOfRules')}>
                  ⚠{' '}
                </span>
              )}
              {canEdit ? (
                <Link to={`?day=${view.day}&shift=${s.id}`} preventScrollReset aria-label={t('schedules.editShiftOf', { name: label })}>
                  {label}
                </Link>
              ) : (
                label
              )}
            </span>
            <div className="gantt-track">
              <span
                className={`gantt-bar${s.edited ? ' is-edited' : ''}${warned ? ' is-warning' : ''}`}
                style={{ left: left(from), width: width(from, to) }}
                title={`${s.type} ${formatClock(from % 1440)}–${formatClock(to % 1440)}${skills ?? ''}`}
              >
                {s.breaks.map((b) => {
                  const b0 = from + (b.start - s.start) / 60_000
                  return (
                    <span
                      key={b.start}
                      className="gantt-break"
                      style={{
                        left: `${((b0 - from) / (to - from)) * 100}%`,
                        width: `${((b.end - b.start) / 60_000 / (to - from)) * 100}%`,
                      }}
                      title={`${b.name} ${formatClock(b0 % 1440)}`}
                    />
                  )
                })}
                <span className="gantt-time">
                  {formatClock(from % 1440)}–{formatClock(to % 1440)}
                  {skills && <span className="gantt-skills">{skills}</span>}
                </span>
              </span>
            </div>
            {warned && (
              <div className="gantt-warning" data-testid="shift-warning">
                <Violations shift={s} violations={s.violations} channelNames={view.channelNames} />
              </div>
            )}
            {editing === s.id && <EditShiftForm view={view} shift={s} start={formatClock(from % 1440)} />}
          </div>
        )
      })}
      {off.length > 0 && (
        <p className="note" data-testid="days-off">
          {t('schedules.offToday', { count: off.length, names: off.map((a) => a.name).join(', ') })}
        </p>
      )}
    </div>
  )
}
