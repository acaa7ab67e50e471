import { Link } from '@remix-run/react'
import type { Attainment } from '../../domain/review.ts'
import { formatDay, formatShortDay } from '../../utils/format.ts'
import { DayPager, usePagedDays } from '../paged-days.tsx'
import { useReviewFormats } from './formats.ts'
import { useDayLink } from './links.ts'
import { SummaryCells, SummaryHead } from './summary-columns.tsx'
import { chosenGoal, type ReviewPageView } from './view.ts'

/** Every day of the period, a month at a time when it is long; a day opens its intervals. */
export function Days({ view }: { view: ReviewPageView }) {
  const formats = useReviewFormats()
  const { t, language, metOf } = formats
  const dayLink = useDayLink()
  const goal = chosenGoal(view)
  const met = (a: Attainment) => (a.share === null ? '—' : metOf(a))
  // Up to two months on one page; longer periods a month at a time.
  const pages = usePagedDays(view.days, (d) => d.key, { by: 'month', maxRows: 62, openDay: view.day?.date ?? null })
  return (
    <section className="panel" aria-labelledby="review-days-title">
      <h2 id="review-days-title">{t('review.daysTitle')}</h2>
      <DayPager {...pages} shownCount={pages.shown.length} totalCount={view.days.length} unit="days" controls="review-days" />
      <div className="scroll rows">
        <table className="data wrap-head" id="review-days" data-testid="review-days">
          <SummaryHead first={t('review.day')} attainment={t(view.channel === null ? 'review.channelsMet' : 'review.dayMet')} />
          <tbody>
            {pages.shown.map((d) => (
              <tr key={d.key} className={view.day?.date === d.key ? 'is-chosen' : undefined}>
                <td>
                  <Link to={dayLink(d.key)} preventScrollReset aria-label={t('review.openDay', { day: formatDay(d.key, language) })}>
                    {formatShortDay(d.key, language)}
                  </Link>
                </td>
                <SummaryCells s={d} goal={goal} formats={formats} />
                <td>{met(d.attainment)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {view.channel === null && <p className="note">{t('review.pooledNote')}</p>}
      {pages.pages.length > 0 && <p className="note">{t('review.daysPagedNote')}</p>}
    </section>
  )
}
