import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { CoverageChart } from '../components/coverage-chart.tsx'
import { GeneralErrorBoundary } from '../components/error-boundary.tsx'
import { ChannelCoverageTable } from '../components/schedule/channel-coverage.tsx'
import { localDateOf, localMinuteOfDay } from '../domain/intervals.ts'
import { formatClock } from '../domain/opening-hours.ts'
import { shownCoverage } from '../domain/schedule/figures.ts'
import { MIN_INTEGER_SEC } from '../domain/schedule/time-limit.ts'
import type { ShiftViolation } from '../domain/schedule/violations.ts'
import { routeId } from '../schemas/id.ts'
import { editShiftSchema, scheduleDaySchema } from '../schemas/schedules.ts'
import { requireUser } from '../services/auth.server.ts'
import { editShift, getScheduleView, publishSchedule } from '../services/schedules.server.ts'
import { formatDay, formatDayMonth, formatShortDay, formatDecimal, formatDuration, formatInstant, formatInteger, formatPercent } from '../utils/format.ts'
import { useCan } from '../utils/user.ts'
import { answerBusy } from '../utils/database-busy.server.ts'
import { done, readForm, refuse, validate } from '../utils/form.server.ts'
import { useFormResult } from '../utils/form.ts'

const scheduleId = (params: LoaderFunctionArgs['params']) => routeId(params.id, 'Schedule not found')

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request)
  const search = new URL(request.url).searchParams
  const view = await getScheduleView(scheduleId(params), scheduleDaySchema.parse(search.get('day') ?? undefined) ?? null)
  if (!view) throw new Response('Schedule not found', { status: 404 })
  return view
}

/** What an edit's answer shows: the rules the shift breaks (saved anyway, or the refusal's reasons). */
type Broken = { violations: ShiftViolation[] }

export async function action(args: ActionFunctionArgs) {
  return answerBusy(args, act)
}

async function act({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, 'editSchedules')
  const id = scheduleId(params)
  const submission = await readForm(request)
  if (submission.intent === 'publish') {
    if (!(await publishSchedule(user, id))) throw new Response('Schedule not found', { status: 404 })
    return done('publish')
  }
  if (submission.intent === 'edit') {
    // One edit form per shift; its answer names the shift through the values sent back (shiftId).
    const parsed = validate(submission, editShiftSchema)
    if (!parsed.ok) return refuse<Broken>('edit', submission, { form: 'schedules.editErrors.invalid' }, { extra: { violations: [] } })
    const result = await editShift(user, id, parsed.data.shiftId, parsed.data)
    if (result.outcome === 'notFound') throw new Response('Shift not found', { status: 404 })
    if (result.outcome === 'refused')
      return refuse<Broken>('edit', submission, { form: 'schedules.editRefused' }, { extra: { violations: result.violations } })
    if (result.outcome !== 'saved')
      return refuse<Broken>('edit', submission, { form: `schedules.editErrors.${result.outcome}` }, { extra: { violations: [] } })
    return done<Broken>('edit', { violations: result.violations })
  }
  throw new Response('Unknown form', { status: 400 })
}

type View = ReturnType<typeof useLoaderData<typeof loader>>
type Shift = View['shifts'][number]

/** A broken rule in the reader's language. */
function violationText(t: TFunction, language: string, v: ShiftViolation, shift: { type: string }, channel: string | null): string {
  const key = `schedules.violations.${v.rule}`
  switch (v.rule) {
    case 'shiftType':
      return t(key, { type: shift.type })
    case 'length':
      return t(key, { minutes: formatInteger(v.minutes, language), expected: formatInteger(v.expectedMin, language) })
    case 'break':
      return t(key, { name: v.name, length: v.lengthMin, from: formatClock(v.from), to: formatClock(v.to), every: v.everyMin })
    case 'startTime':
      return t(key, { earliest: formatClock(v.earliest), latest: formatClock(v.latest), every: v.everyMin })
    case 'openingHours':
      return t(key, { open: formatClock(v.open), close: formatClock(v.close) })
    case 'channel':
      return t(key, { channel })
    case 'workDays':
      return t(key, { days: v.days, max: v.maxDays })
    case 'rest':
      return t(key, { rest: formatDuration(v.restMin * 60, language), min: formatDuration(v.minRestMin * 60, language) })
    case 'contract':
      return t(key, { hours: formatDecimal(v.hours, language, 1), weekly: formatDecimal(v.weeklyHours, language, 1) })
    case 'availability':
      return v.open === null || v.close === null ? t(`${key}Day`) : t(key, { open: formatClock(v.open), close: formatClock(v.close) })
    case 'contractShiftType':
      return t(key, { type: shift.type, types: v.allowed.join(', ') })
    case 'startTolerance':
      return t(key, { anchor: formatClock(v.anchor), tolerance: v.toleranceMin })
    default:
      return t(key)
  }
}

/** The rules a shift breaks, listed. */
function Violations({ shift, violations, channel }: { shift: { type: string }; violations: ShiftViolation[]; channel: string | null }) {
  const { t, i18n } = useTranslation()
  return (
    <ul className="violations">
      {violations.map((v, k) => (
        <li key={k}>{violationText(t, i18n.language, v, shift, channel)}</li>
      ))}
    </ul>
  )
}

/** Minutes owed that no shift of the rules can reach: a rules problem, named with its times. */
function Unreachable({ view }: { view: View }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const { totals, schedule } = view
  const stretches = totals.unreachable
    .map((r) => {
      const clock = (instant: number) => formatClock(localMinuteOfDay(instant, schedule.timeZone))
      return `${formatDayMonth(localDateOf(r.start, schedule.timeZone), language)} ${clock(r.start)}–${clock(r.end)}`
    })
    .join(', ')
  return (
    <p className="status error" role="alert" data-testid="unreachable">
      <strong>{t('schedules.unreachableTitle')}</strong>{' '}
      {t('schedules.unreachable', {
        count: totals.unreachableMinutes,
        agentMinutes: formatDecimal(totals.unreachableAgentMinutes, language, 0),
        stretches,
      })}
    </p>
  )
}

function Totals({ view }: { view: View }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const { totals, solver } = view
  const now: Array<[string, string, string]> = [
    ['paid-hours', t('schedules.paidHours'), formatDecimal(totals.paidHours, language, 1)],
    ['coverage', t(view.channels ? 'schedules.coverageSummed' : 'schedules.coverage'), formatPercent(shownCoverage(totals.coverage, totals.short.length > 0, 1), language, 1)],
    ['shifts', t('schedules.shifts'), formatInteger(totals.shifts, language)],
    ['open-shifts', t('schedules.openShifts'), formatInteger(totals.openShifts, language)],
    ['short', t('schedules.shortIntervals'), formatInteger(totals.short.length, language)],
    ['short-minutes', t('schedules.shortMinutes'), formatInteger(totals.shortMinutes, language)],
    ['short-agent-minutes', t('schedules.shortAgentMinutes'), formatDecimal(totals.shortAgentMinutes, language, 0)],
    ['over-hours', t('schedules.overHours'), formatDecimal(totals.overHours, language, 1)],
    ['out-of-rules', t('schedules.outOfRules'), formatInteger(totals.outOfRules, language)],
    [
      'most-on-break',
      t('schedules.mostOnBreak'),
      totals.maxOnBreak === null
        ? formatInteger(totals.mostOnBreak, language)
        : t('schedules.mostOnBreakOfLimit', { most: formatInteger(totals.mostOnBreak, language), limit: formatInteger(totals.maxOnBreak, language) }),
    ],
  ]
  const generated: Array<[string, string, string]> = [
    ['objective', t('schedules.objective'), formatDecimal(solver.objective, language, 1)],
    ['lp-bound', t('schedules.lpBound'), formatDecimal(solver.lpBound, language, 1)],
    ['gap', t('schedules.gap'), formatPercent(solver.gap, language, 2)],
    // Schedules made before HiGHS's MIP bound was read, or solves that proved none, show the LP's alone.
    ...(solver.mipBound === null
      ? []
      : ([
          ['mip-bound', t('schedules.mipBound'), formatDecimal(solver.mipBound, language, 1)],
          ['best-gap', t('schedules.bestGap'), formatPercent(solver.bestGap, language, 2)],
        ] as Array<[string, string, string]>)),
  ]
  const list = (items: Array<[string, string, string]>, testId: string) => (
    <dl className="counts" data-testid={testId}>
      {items.map(([id, label, value]) => (
        <div key={id}>
          <dt>{label}</dt>
          <dd data-testid={id}>{value}</dd>
        </div>
      ))}
    </dl>
  )
  const seconds = (ms: number) => formatDecimal(ms / 1000, language, 1)
  const { phases } = solver
  return (
    <>
      {list(now, 'schedule-totals')}
      {totals.unreachableMinutes > 0 && <Unreachable view={view} />}
      {view.channels && <ChannelCoverageTable channels={view.channels} />}
      {totals.overBreakLimitMinutes > 0 && (
        <p className="status error" role="alert" data-testid="over-break-limit">
          {t('schedules.overBreakLimit', { count: totals.overBreakLimitMinutes, limit: totals.maxOnBreak })}
        </p>
      )}
      <p className="counts-title">{t('schedules.asGenerated')}</p>
      {list(generated, 'solver-figures')}
      <p className="note">
        {t('schedules.solverNote', { status: t(`schedules.solverStatuses.${solver.status}`, { defaultValue: solver.status }) })}
      </p>
      <p className="note" data-testid="solve-time">
        {phases?.limitSec !== undefined
          ? t('schedules.solveTimeWhole', {
              total: seconds(solver.totalMs),
              limit: formatInteger(phases.limitSec, language),
              relaxation: seconds(phases.relaxationMs),
              left: formatDecimal(phases.integerLimitSec, language, 1),
              floor: formatInteger(MIN_INTEGER_SEC, language),
              integer: seconds(phases.integerMs),
            })
          : phases
          ? t('schedules.solveTime', {
              total: seconds(solver.totalMs),
              relaxation: seconds(phases.relaxationMs),
              integer: seconds(phases.integerMs),
              limit: formatInteger(phases.integerLimitSec, language),
            })
          : t('schedules.solveTimeTotal', { total: seconds(solver.totalMs), limit: formatInteger(solver.timeLimitSec, language) })}
        {phases &&
          phases.repairedShifts > 0 &&
          ` ${t('schedules.solveRepair', { count: phases.repairedShifts, seconds: seconds(phases.repairMs) })}`}
      </p>
      {solver.editedSince && (
        <p className="note" data-testid="edited-since">
          {t('schedules.editedSince')}
        </p>
      )}
    </>
  )
}

function DayTabs({ view }: { view: View }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  return (
    <nav className="tabs" aria-label={t('schedules.days')}>
      <Link to="?" aria-current={view.day === null ? 'page' : undefined} preventScrollReset>
        {t('schedules.wholeWeek')}
      </Link>
      {view.days.map((d) => (
        <Link key={d.index} to={`?day=${d.index}`} aria-current={view.day === d.index ? 'page' : undefined} preventScrollReset>
          {formatShortDay(d.date, language)}
          <small> {formatPercent(shownCoverage(d.coverage, d.short > 0, 0), language, 0)}</small>
        </Link>
      ))}
    </nav>
  )
}

/** The edit form of one shift: a refusal lists the broken rules and offers to save anyway. */
function EditShiftForm({ view, shift, start }: { view: View; shift: Shift; start: string }) {
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
          {refused.violations.length > 0 && <Violations shift={shift} violations={refused.violations} channel={view.schedule.channelName} />}
        </div>
      )}
    </Form>
  )
}

/** One row per shift of the day: a bar from start to end with its breaks cut out; the selected row is editable. */
function Timeline({ view }: { view: View }) {
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
                title={`${s.type} ${formatClock(from % 1440)}–${formatClock(to % 1440)}`}
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
                </span>
              </span>
            </div>
            {warned && (
              <div className="gantt-warning" data-testid="shift-warning">
                <Violations shift={s} violations={s.violations} channel={view.schedule.channelName} />
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

/** The week per agent: each day's shift or day off, and hours against the contract; shifts out of the rules flagged and listed. */
function RosterGrid({ view }: { view: View }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const byAgent = new Map<number, Map<number, Shift>>()
  const open = view.shifts.filter((s) => s.agentId === null)
  for (const s of view.shifts) {
    if (s.agentId === null) continue
    let days = byAgent.get(s.agentId)
    if (!days) byAgent.set(s.agentId, (days = new Map()))
    days.set(s.day, s)
  }
  const clock = (s: Shift) =>
    `${formatClock(localMinuteOfDay(s.start, view.schedule.timeZone))}–${formatClock(localMinuteOfDay(s.end, view.schedule.timeZone))}`
  const reasons = (s: Shift) => s.violations.map((v) => violationText(t, language, v, s, view.schedule.channelName)).join(' ')
  const warned = view.shifts.filter((s) => s.violations.length > 0)
  const dayOf = (s: Shift) => formatShortDay(view.days[s.day]!.date, language)
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

export default function ScheduleRoute() {
  const view = useLoaderData<typeof loader>()
  const published = useFormResult('publish').done
  const edited = useFormResult<Broken>('edit').done
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const navigation = useNavigation()
  const canEdit = useCan('editSchedules')
  const { schedule } = view
  const lastDay = view.days[view.days.length - 1]!.date
  return (
    <>
      <div className="chart-head">
        <div>
          <p className="back">
            <Link to="/schedules">{t('nav.schedules')}</Link>
          </p>
          <h1>
            {schedule.channelName ?? t('schedules.allChannelsTitle')} ·{' '}
            {formatDayMonth(schedule.firstDay, language)}
          </h1>
          <p className="note" data-testid="schedule-meta">
            {t('schedules.meta', {
              from: formatDay(schedule.firstDay, language),
              to: formatDay(lastDay, language),
              channel: schedule.channelName ?? t('schedules.allChannelsShort'),
              by: schedule.createdBy,
            })}{' '}
            <span className={`badge ${schedule.status}`} data-testid="schedule-status">
              {t(`schedules.statuses.${schedule.status}`)}
            </span>
            {schedule.publishedAt &&
              ` ${t('schedules.publishedBy', { by: schedule.publishedBy, at: formatInstant(schedule.publishedAt, language, schedule.timeZone) })}`}
          </p>
        </div>
        <div className="quick">
          {canEdit && schedule.status === 'draft' && (
            <Form method="post">
              <input type="hidden" name="intent" value="publish" />
              <button type="submit" disabled={navigation.state !== 'idle'}>
                {t('schedules.publish')}
              </button>
            </Form>
          )}
          <a className="button secondary" href={`/schedules/${schedule.id}/csv`} download>
            {t('schedules.exportCsv')}
          </a>
        </div>
      </div>
      {!canEdit && <p className="note">{t('readOnly.schedules')}</p>}
      {published && (
        <p className="status" role="status">
          {t('schedules.published')}
        </p>
      )}
      {edited && (
        <p className={`status${edited.violations.length > 0 ? ' error' : ''}`} role="status">
          {t(edited.violations.length > 0 ? 'schedules.shiftSavedAnyway' : 'schedules.shiftSaved')}
        </p>
      )}

      <section className="panel" aria-labelledby="totals-title">
        <h2 id="totals-title">{t('schedules.totals')}</h2>
        <Totals view={view} />
      </section>

      <section className="panel" aria-labelledby="coverage-title">
        <h2 id="coverage-title">{t('schedules.coverageTitle')}</h2>
        <DayTabs view={view} />
        <CoverageChart points={view.chart} withDay={view.day === null} />
        <p className="note">{t('schedules.coverageNote', { timeZone: schedule.timeZone })}</p>
      </section>

      <section className="panel" aria-labelledby="people-title">
        <h2 id="people-title">{view.day === null ? t('schedules.rosterTitle') : t('schedules.timelineTitle')}</h2>
        {view.day === null ? (
          <>
            <p className="note">{t('schedules.rosterHelp')}</p>
            <RosterGrid view={view} />
          </>
        ) : (
          <>
            <p className="note">{t(canEdit ? 'schedules.timelineHelp' : 'readOnly.timelineHelp')}</p>
            <Timeline view={view} />
          </>
        )}
      </section>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
