import { Link } from '@remix-run/react'
import { formatClock } from '../../domain/opening-hours.ts'
import type { IntervalRow } from '../../services/review.server.ts'
import { formatDay } from '../../utils/format.ts'
import { ReviewChart } from '../review-charts.tsx'
import { useReviewFormats } from './formats.ts'
import { IntervalCells, IntervalHead } from './interval-columns.tsx'
import { DAY_ANCHOR, useDayLink } from './links.ts'
import { chosenGoal, type ReviewPageView } from './view.ts'

/** The day drilled into: its intervals as a chart and a table. */
export function DayDrillDown({ view }: { view: ReviewPageView }) {
  const { t, language } = useReviewFormats()
  const dayLink = useDayLink()
  if (!view.day) return null
  const goal = chosenGoal(view)
  const multi = view.channel === null
  // Closed hours at either end of the day (nothing offered, forecast or planned) are left out.
  const active = (r: IntervalRow) => r.offered > 0 || (r.forecastOffered ?? 0) >= 0.05 || (r.plannedAgents ?? 0) > 0
  const first = view.day.intervals.findIndex(active)
  const last = view.day.intervals.findLastIndex(active)
  const rows = first < 0 ? [] : view.day.intervals.slice(first, last + 1)
  return (
    <section className="panel" id={DAY_ANCHOR} aria-labelledby="review-day-title">
      <div className="chart-head">
        <h2 id="review-day-title">{t('review.dayTitle', { day: formatDay(view.day.date, language, { dateStyle: 'full' }) })}</h2>
        <Link to={dayLink(null)} preventScrollReset className="button secondary">
          {t('review.closeDay')}
        </Link>
      </div>
      <ReviewChart
        testId="review-day-chart"
        points={rows.map((r) => ({
          key: formatClock(r.minute),
          offered: r.offered,
          forecast: r.forecastOffered,
          serviceLevel: r.serviceLevel,
        }))}
        slGoal={goal}
        formatKey={(key) => key}
      />
      <div className="scroll rows">
        <table className="data wrap-head" data-testid="review-intervals">
          <thead>
            <tr>
              <th scope="col">{t('review.time')}</th>
              <IntervalHead multi={multi} />
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.start}>
                <td>{formatClock(r.minute)}</td>
                <IntervalCells row={r} multi={multi} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length === 0 && <p className="note">{t('review.noData')}</p>}
      <p className="note">{t(multi ? 'review.intervalsNoteAll' : 'review.intervalsNote', { timeZone: view.timeZone })}</p>
    </section>
  )
}
