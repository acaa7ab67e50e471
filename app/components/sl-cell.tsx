import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { meetsSlGoal } from '../domain/metrics.ts'
import { formatPercent } from '../utils/format.ts'

/**
 * A service level coloured against its goal (decision 004's convention, met within a rounding
 * tolerance); uncoloured when there is no value or no single goal applies.
 */
export function SlCell({ value, goal }: { value: number | null; goal: number | null }) {
  const { t, i18n } = useTranslation()
  return slCell(value, goal, t, i18n.language)
}

/** SlCell's content without its hook, for tables of many rows that translate once for all of them. */
export function slCell(value: number | null, goal: number | null, t: TFunction, language: string) {
  const shown = formatPercent(value, language)
  if (value === null || goal === null) return <>{shown}</>
  const met = meetsSlGoal(value, goal)
  return (
    <span className={met ? 'good' : 'bad'} title={t(met ? 'serviceLevel.metGoal' : 'serviceLevel.missedGoal')}>
      {shown}
    </span>
  )
}
