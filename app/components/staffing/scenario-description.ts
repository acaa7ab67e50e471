import { useTranslation } from 'react-i18next'
import type { ScenarioChanges } from '../../domain/scenario.ts'
import { formatDayMonth, formatDecimal, formatPercent } from '../../utils/format.ts'

/** A change in percent with its sign ("+10%"). */
export const signedPercent = (pct: number, language: string) => `${pct > 0 ? '+' : ''}${formatDecimal(pct, language, pct % 1 === 0 ? 0 : 1)}%`

/** A short line saying what a scenario changes. */
export function useDescribeScenario() {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  return (changes: ScenarioChanges, names: Record<string, string>) => {
    const parts: string[] = []
    if (changes.volumePct) parts.push(`${t('staffing.volume')} ${signedPercent(changes.volumePct, language)}`)
    if (changes.ahtPct) parts.push(`${t('forecast.aht')} ${signedPercent(changes.ahtPct, language)}`)
    for (const [key, c] of Object.entries(changes.channels)) {
      const bits: string[] = []
      if (c.volumePct) bits.push(`${t('staffing.volume')} ${signedPercent(c.volumePct, language)}`)
      if (c.ahtPct) bits.push(`${t('forecast.aht')} ${signedPercent(c.ahtPct, language)}`)
      if (c.slGoal !== undefined) bits.push(`${t('staffing.slGoal')} ${formatPercent(c.slGoal, language, 0)}`)
      if (c.slThresholdSec !== undefined) bits.push(`${t('staffing.threshold')} ${c.slThresholdSec}`)
      if (c.shrinkage !== undefined) bits.push(`${t('staffing.shrinkage')} ${formatPercent(c.shrinkage, language, 0)}`)
      if (c.rolloutFromPct !== undefined) bits.push(`${c.rolloutFromPct}% → ${c.rolloutToPct}%`)
      parts.push(`${names[key] ?? key}: ${bits.join(', ')}`)
    }
    for (const [day, pct] of Object.entries(changes.days))
      parts.push(`${formatDayMonth(day, language)} ${signedPercent(pct, language)}`)
    return parts.length > 0 ? parts.join('; ') : t('staffing.unchanged')
  }
}
