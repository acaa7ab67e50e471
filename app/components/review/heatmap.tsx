import { VarianceHeatmap } from '../review-charts.tsx'
import { useReviewFormats } from './formats.ts'
import { useSlotLink } from './links.ts'
import { SlotDrillDown } from './slot-drill-down.tsx'
import type { ReviewPageView } from './view.ts'

/** Volume variance by weekday and hour; a cell opens its intervals below. */
export function Heatmap({ view }: { view: ReviewPageView }) {
  const { t } = useReviewFormats()
  const slotLink = useSlotLink()
  const empty = view.heatmap.every((row) => row.every((v) => v === null))
  return (
    <section className="panel" aria-labelledby="review-heatmap-title">
      <h2 id="review-heatmap-title">{t('review.heatmapTitle')}</h2>
      {empty ? (
        <p className="note">{t('review.heatmapEmpty')}</p>
      ) : (
        <VarianceHeatmap heatmap={view.heatmap} cellLink={(weekday, hour) => slotLink({ weekday, hour })} chosen={view.slot} />
      )}
      <p className="note">{t('review.heatmapNote', { timeZone: view.timeZone })}</p>
      <SlotDrillDown view={view} />
    </section>
  )
}
