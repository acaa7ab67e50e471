import { Link } from '@remix-run/react'
import { addDays } from '../../domain/intervals.ts'
import type { Attainment } from '../../domain/review.ts'
import { formatDay } from '../../utils/format.ts'
import { useReviewFormats } from './formats.ts'
import { usePeriodLink } from './links.ts'
import { SummaryCells, SummaryHead } from './summary-columns.tsx'
import { chosenGoal, type ReviewPageView } from './view.ts'

/** "YYYY-MM" → its last day. */
const lastDayOfMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number)
  return addDays(`${m === 12 ? y! + 1 : y}-${String(m === 12 ? 1 : m! + 1).padStart(2, '0')}-01`, -1)
}
/** The period by week and by month; a row opens the review of its days. */
export function Trend({ view }: { view: ReviewPageView }) {
  const formats = useReviewFormats()
  const { t, shortDay, language, metOf } = formats
  const periodLink = usePeriodLink(view)
  const goal = chosenGoal(view)
  const met = (a: Attainment) => (a.share === null ? '—' : metOf(a))
  return (
    <section className="panel" aria-labelledby="review-trend-title">
      <h2 id="review-trend-title">{t('review.trendTitle')}</h2>
      <h3>{t('review.byWeek')}</h3>
      <div className="scroll">
        <table className="data wrap-head" data-testid="review-weeks">
          <SummaryHead first={t('review.week')} attainment={t(view.channel === null ? 'review.channelsMet' : 'review.weekMet')} />
          <tbody>
            {view.weeks.map((w) => (
              <tr key={w.key}>
                <td>
                  <Link to={periodLink(w.key, addDays(w.key, 6))}>{t('review.weekOf', { day: shortDay(w.key) })}</Link>
                </td>
                <SummaryCells s={w} goal={goal} formats={formats} />
                <td>{met(w.attainment)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{t('review.byMonth')}</h3>
      <div className="scroll">
        <table className="data wrap-head" data-testid="review-months">
          <SummaryHead first={t('review.month')} />
          <tbody>
            {view.months.map((m) => (
              <tr key={m.key}>
                <td>
                  <Link to={periodLink(`${m.key}-01`, lastDayOfMonth(m.key))}>
                    {formatDay(`${m.key}-01`, language, { month: 'long', year: 'numeric' })}
                  </Link>
                </td>
                <SummaryCells s={m} goal={goal} formats={formats} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="note">{t('review.trendNote')}</p>
      {view.channel === null && <p className="note">{t('review.pooledNote')}</p>}
    </section>
  )
}
