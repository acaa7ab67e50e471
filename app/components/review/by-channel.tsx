import type { Accuracy } from '../../domain/forecast/accuracy.ts'
import { SlCell } from '../sl-cell.tsx'
import { useReviewFormats } from './formats.ts'
import type { ReviewPageView } from './view.ts'

function AccuracyCells({ a }: { a: Accuracy }) {
  const { percent, signed } = useReviewFormats()
  return (
    <>
      <td>{percent(a.wape)}</td>
      <td>{signed(a.bias)}</td>
    </>
  )
}
/** Each channel's accuracy, service and quality over the period. */
export function ByChannel({ view }: { view: ReviewPageView }) {
  const { t, percent, integer, duration, nps, share } = useReviewFormats()
  return (
    <section className="panel" aria-labelledby="review-channels-title">
      <h2 id="review-channels-title">{t('review.channelsTitle')}</h2>
      <div className="scroll">
        <table className="data wrap-head" data-testid="review-channels">
          <thead>
            <tr>
              <th scope="col">{t('review.channel')}</th>
              <th scope="col">{t('review.offered')}</th>
              <th scope="col">{t('review.forecastOffered')}</th>
              <th scope="col">{t('review.volumeWape')}</th>
              <th scope="col">{t('review.volumeBias')}</th>
              <th scope="col">{t('review.ahtWape')}</th>
              <th scope="col">{t('review.ahtBias')}</th>
              <th scope="col">{t('review.sl')}</th>
              <th scope="col">{t('review.goal')}</th>
              <th scope="col">{t('review.intervalsMet')}</th>
              <th scope="col">{t('review.abandon')}</th>
              <th scope="col">{t('review.asa')}</th>
              <th scope="col">{t('review.fcr')}</th>
              <th scope="col">{t('review.nps')}</th>
            </tr>
          </thead>
          <tbody>
            {view.byChannel.map((c) => (
              <tr key={c.key}>
                <td>{c.name}</td>
                <td>{integer(c.offered)}</td>
                <td>{c.forecastOffered === null ? '—' : integer(Math.round(c.forecastOffered))}</td>
                <AccuracyCells a={c.volume} />
                <AccuracyCells a={c.aht} />
                <td>
                  <SlCell value={c.serviceLevel} goal={c.slGoal} />
                </td>
                <td>{percent(c.slGoal, 0)}</td>
                <td>{share(c.attainment)}</td>
                <td>{percent(c.abandonRate)}</td>
                <td>{duration(c.asaSec)}</td>
                <td>{percent(c.fcrRate)}</td>
                <td>{nps(c.nps)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
