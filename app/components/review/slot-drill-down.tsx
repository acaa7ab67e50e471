import { Link } from '@remix-run/react'
import { formatDayTime, formatWeekday } from '../../utils/format.ts'
import { ReviewChart } from '../review-charts.tsx'
import { useReviewFormats } from './formats.ts'
import { IntervalCells, IntervalHead } from './interval-columns.tsx'
import { SLOT_ANCHOR, useSlotLink } from './links.ts'
import { chosenGoal, type ReviewPageView } from './view.ts'

const capitalised = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1)

/** A heatmap cell's intervals: that weekday's hour in every week of the period. */
export function SlotDrillDown({ view }: { view: ReviewPageView }) {
  const { t, language } = useReviewFormats()
  const slotLink = useSlotLink()
  if (!view.slot) return null
  const { weekday, hour, intervals } = view.slot
  const goal = chosenGoal(view)
  const multi = view.channel === null
  const pad = (h: number) => String(h).padStart(2, '0')
  return (
    <div id={SLOT_ANCHOR} className="stack">
      <div className="chart-head">
        <h3 id="review-slot-title">
          {t('review.slotTitle', {
            weekday: capitalised(formatWeekday(weekday, language, 'long')),
            hour: pad(hour),
            next: pad((hour + 1) % 24),
          })}
        </h3>
        <Link to={slotLink(null)} preventScrollReset className="button secondary">
          {t('review.closeSlot')}
        </Link>
      </div>
      <ReviewChart
        testId="review-slot-chart"
        points={intervals.map((r) => ({ key: formatDayTime(r.day, r.minute, language), offered: r.offered, forecast: r.forecastOffered, serviceLevel: r.serviceLevel }))}
        slGoal={goal}
        formatKey={(key) => key}
      />
      <div className="scroll rows">
        <table className="data wrap-head" data-testid="review-slot-intervals" aria-labelledby="review-slot-title">
          <thead>
            <tr>
              <th scope="col">{t('review.interval')}</th>
              <IntervalHead multi={multi} />
            </tr>
          </thead>
          <tbody>
            {intervals.map((r) => (
              <tr key={`${r.start}-${r.channel ?? ''}`}>
                <td>{formatDayTime(r.day, r.minute, language)}</td>
                <IntervalCells row={r} multi={multi} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {intervals.length === 0 && <p className="note">{t('review.noData')}</p>}
      <p className="note">{t('review.slotNote', { timeZone: view.timeZone })}</p>
    </div>
  )
}
