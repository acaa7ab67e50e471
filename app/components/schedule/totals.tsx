// A schedule's totals as it is now, the minutes no shift can reach, and the solver's figures as generated.
import { useTranslation } from 'react-i18next'
import { localDateOf, localMinuteOfDay } from '../../domain/intervals.ts'
import { formatClock } from '../../domain/opening-hours.ts'
import { shownCoverage } from '../../domain/schedule/figures.ts'
import { MIN_INTEGER_SEC } from '../../domain/schedule/time-limit.ts'
import type { ScheduleView } from '../../services/schedules.server.ts'
import { formatDayMonth, formatDecimal, formatInteger, formatPercent } from '../../utils/format.ts'
import { ChannelCoverageTable } from './channel-coverage.tsx'

/** Minutes owed that no shift of the rules can reach: a rules problem, named with its times. */
function Unreachable({ view }: { view: ScheduleView }) {
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

export function Totals({ view }: { view: ScheduleView }) {
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
      {view.channels && <ChannelCoverageTable channels={view.channels} bySkill={view.shifts.some((s) => s.channels !== null)} />}
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
        {phases?.parts !== undefined &&
          phases.parts > 1 &&
          ` ${t('schedules.solveParts', { count: phases.parts, limit: formatInteger(phases.limitSec ?? solver.timeLimitSec, language) })}`}
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
