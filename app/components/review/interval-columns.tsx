import type { IntervalRow } from '../../services/review.server.ts'
import { formatDecimal } from '../../utils/format.ts'
import { SlCell } from '../sl-cell.tsx'
import { useReviewFormats } from './formats.ts'

// The columns of an interval, head and cells side by side so they stay in step; `multi` (all
// channels) leaves out the goal and the predicted abandonment, which are per channel.

export function IntervalCells({ row, multi }: { row: IntervalRow; multi: boolean }) {
  const { percent, signed, integer, duration, language } = useReviewFormats()
  return (
    <>
      <td>{integer(row.offered)}</td>
      <td>{row.forecastOffered === null ? '—' : formatDecimal(row.forecastOffered, language, 1)}</td>
      <td>{signed(row.variance)}</td>
      <td>{duration(row.ahtSec)}</td>
      <td>{duration(row.forecastAhtSec)}</td>
      <td>
        <SlCell value={row.serviceLevel} goal={row.slGoal} />
      </td>
      {!multi && <td>{percent(row.slGoal, 0)}</td>}
      <td>{duration(row.asaSec)}</td>
      <td>{percent(row.abandonRate)}</td>
      {!multi && <td>{percent(row.predictedAbandonRate)}</td>}
      <td>{row.agentsStaffed === null ? '—' : formatDecimal(row.agentsStaffed, language, 1)}</td>
      <td>{integer(row.plannedAgents)}</td>
    </>
  )
}

export function IntervalHead({ multi }: { multi: boolean }) {
  const { t } = useReviewFormats()
  return (
    <>
      <th scope="col">{t('review.offered')}</th>
      <th scope="col">{t('review.forecastOffered')}</th>
      <th scope="col">{t('review.variance')}</th>
      <th scope="col">{t('review.aht')}</th>
      <th scope="col">{t('review.forecastAht')}</th>
      <th scope="col">{t('review.sl')}</th>
      {!multi && <th scope="col">{t('review.goal')}</th>}
      <th scope="col">{t('review.asa')}</th>
      <th scope="col">{t('review.abandon')}</th>
      {!multi && <th scope="col">{t('review.predictedAbandonShort')}</th>}
      <th scope="col">
        <abbr title={t('review.agentsStaffedHelp')}>{t('review.agentsStaffed')}</abbr>
      </th>
      <th scope="col">{t('review.plannedAgents')}</th>
    </>
  )
}
