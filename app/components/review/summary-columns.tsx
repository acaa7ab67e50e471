import type { PeriodSummary } from '../../domain/review.ts'
import { SlCell } from '../sl-cell.tsx'
import { useReviewFormats } from './formats.ts'

// The columns of a period's summary (a week, month or day), head and cells side by side so they
// stay in step.

/** Volume, forecast, SL, abandonment, TMA, FCR and NPS of a period's summary. */
export function SummaryCells({ s, goal }: { s: PeriodSummary; goal: number | null }) {
  const { percent, signed, integer, duration, nps, share } = useReviewFormats()
  return (
    <>
      <td>{integer(s.offered)}</td>
      <td>{s.forecastOffered === null ? '—' : integer(Math.round(s.forecastOffered))}</td>
      <td>{signed(s.volumeVariance)}</td>
      <td>
        <SlCell value={s.serviceLevel} goal={goal} />
      </td>
      <td>{share(s.intervalAttainment)}</td>
      <td>{percent(s.abandonRate)}</td>
      <td>{duration(s.ahtSec)}</td>
      <td>{duration(s.asaSec)}</td>
      <td>{percent(s.fcrRate)}</td>
      <td>{nps(s.nps)}</td>
      <td>{integer(s.npsResponses)}</td>
    </>
  )
}

export function SummaryHead({ first, attainment }: { first: string; attainment?: string }) {
  const { t } = useReviewFormats()
  return (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        <th scope="col">{t('review.offered')}</th>
        <th scope="col">{t('review.forecastOffered')}</th>
        <th scope="col">{t('review.variance')}</th>
        <th scope="col">{t('review.sl')}</th>
        <th scope="col">{t('review.intervalsMet')}</th>
        <th scope="col">{t('review.abandon')}</th>
        <th scope="col">{t('review.aht')}</th>
        <th scope="col">{t('review.asa')}</th>
        <th scope="col">{t('review.fcr')}</th>
        <th scope="col">{t('review.nps')}</th>
        <th scope="col">{t('review.npsResponses')}</th>
        {attainment && <th scope="col">{attainment}</th>}
      </tr>
    </thead>
  )
}
