import type { PeriodSummary } from '../../domain/review.ts'
import { slCell } from '../sl-cell.tsx'
import { useReviewFormats, type ReviewFormats } from './formats.ts'

// The columns of a period's summary (a week, month or day), head and cells side by side so they
// stay in step. The cells take the table's formats rather than a hook each: a year's tables have
// hundreds of rows, and a translation hook per row was a third of the page's server render.

/** Volume, forecast, SL, abandonment, TMA, FCR and NPS of a period's summary. */
export function SummaryCells({ s, goal, formats }: { s: PeriodSummary; goal: number | null; formats: ReviewFormats }) {
  const { t, language, percent, signed, integer, duration, nps, share } = formats
  return (
    <>
      <td>{integer(s.offered)}</td>
      <td>{s.forecastOffered === null ? '—' : integer(Math.round(s.forecastOffered))}</td>
      <td>{signed(s.volumeVariance)}</td>
      <td>{slCell(s.serviceLevel, goal, t, language)}</td>
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
