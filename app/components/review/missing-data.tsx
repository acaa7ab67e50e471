import { formatDay } from '../../utils/format.ts'
import { PlanGaps } from '../plan-gaps.tsx'
import { useReviewFormats } from './formats.ts'
import type { ReviewPageView } from './view.ts'

/** What the data lacks, named: blanks on the page are explained, never read as zeros. */
export function MissingData({ view }: { view: ReviewPageView }) {
  const { t, language } = useReviewFormats()
  const { missing } = view
  const list = (names: string[]) => new Intl.ListFormat(language, { type: 'conjunction' }).format(names)
  const notes = (['actualAht', 'forecastAht', 'serviceLevel', 'abandonment'] as const)
    .filter((key) => missing[key].length > 0)
    .map((key) => t(`review.missing.${key}`, { channels: list(missing[key]) }))
  if (missing.agents) notes.push(t('review.missing.agents'))
  for (const { channel, days } of missing.days) {
    const shown = days.slice(0, 10).map((d) => formatDay(d, language, { day: '2-digit', month: '2-digit' }))
    notes.push(t('review.missing.days', { channel, count: days.length, days: list(days.length > 10 ? [...shown, '…'] : shown) }))
  }
  if (notes.length === 0 && missing.planGaps.length === 0) return null
  return (
    <section className="panel" aria-labelledby="review-missing" data-testid="review-missing">
      <h2 id="review-missing">{t('review.missing.title')}</h2>
      {notes.length > 0 && (
        <ul className="note">
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      <PlanGaps gaps={missing.planGaps} title={t('review.missing.planGaps')} />
    </section>
  )
}
