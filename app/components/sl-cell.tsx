import { useTranslation } from 'react-i18next'
import { meetsSlGoal } from '../domain/metrics.ts'
import { formatPercent } from '../utils/format.ts'

/**
 * A service level coloured against its goal (decision 004's convention, met within a rounding
 * tolerance); uncoloured when there is no value or no single goal applies.
 */
export function SlCell({ value, goal }: { value: number | null; goal: number | null }) {
  const { t, i18n } = useTranslation()
  const shown = formatPercent(value, i18n.language)
  if (value === null || goal === null) return <>{shown}</>
  const met = meetsSlGoal(value, goal)
  return (
    <span className={met ? 'good' : 'bad'} title={t(met ? 'serviceLevel.metGoal' : 'serviceLevel.missedGoal')}>
      {shown}
    </span>
  )
}
