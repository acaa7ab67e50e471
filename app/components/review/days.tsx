import { Link } from '@remix-run/react'
import type { Attainment } from '../../domain/review.ts'
import { formatDay, formatShortDay } from '../../utils/format.ts'
import { useReviewFormats } from './formats.ts'
import { useDayLink } from './links.ts'
import { SummaryCells, SummaryHead } from './summary-columns.tsx'
import { chosenGoal, type ReviewPageView } from './view.ts'

/** Every day of the period; a day opens its intervals. */
export function Days({ view }: { view: ReviewPageView }) {
  const { t, language, metOf } = useReviewFormats()
  const dayLink = useDayLink()
  const goal = chosenGoal(view)
  const met = (a: Attainment) => (a.share === null ? '—' : metOf(a))
  return (
    <section className="panel" aria-labelledby="review-days-title">
      <h2 id="review-days-title">{t('review.daysTitle')}</h2>
      <div className="scroll rows">
        <table className="data wrap-head" data-testid="review-days">
          <SummaryHead first={t('review.day')} attainment={t(view.channel === null ? 'review.channelsMet' : 'review.dayMet')} />
          <tbody>
            {view.days.map((d) => (
              <tr key={d.key} className={view.day?.date === d.key ? 'is-chosen' : undefined}>
                <td>
                  <Link to={dayLink(d.key)} preventScrollReset aria-label={t('review.openDay', { day: formatDay(d.key, language) })}>
                    {formatShortDay(d.key, language)}
                  </Link>
                </td>
                <SummaryCells s={d} goal={goal} />
                <td>{met(d.attainment)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {view.channel === null && <p className="note">{t('review.pooledNote')}</p>}
    </section>
  )
}
