import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { AhtFill, PlanGap } from '../services/staffing.server.ts'
import { formatPercent } from '../utils/format.ts'

/**
 * The channels a plan leaves out, each with why and where to fix it, so a page never ends in a
 * dead end: the figures beside it cover the other channels only.
 */
export function PlanGaps({ gaps, scenario, title }: { gaps: readonly PlanGap[]; scenario?: string; title?: string }) {
  const { t } = useTranslation()
  if (gaps.length === 0) return null
  return (
    <section className="status error" role="alert" data-testid="plan-gaps">
      <strong>{title ?? (scenario ? t('plan.gapsInScenario', { scenario }) : t('plan.gapsTitle'))}</strong>
      <ul>
        {gaps.map((gap) => (
          <li key={`${gap.key}-${gap.reason}`}>
            {t(`plan.gaps.${gap.reason}`, { channel: gap.name })}{' '}
            {gap.reason !== 'traffic' && <Link to={`/settings#channel-${gap.channelId}`}>{t(`plan.fix.${gap.reason}`)}</Link>}
          </li>
        ))}
      </ul>
    </section>
  )
}

/** Where the forecast has no TMA and what the plan uses instead (the channel's planned TMA, or the forecast's mean). */
export function AhtFills({ fills }: { fills: readonly AhtFill[] }) {
  const { t, i18n } = useTranslation()
  if (fills.length === 0) return null
  return (
    <ul className="note" data-testid="aht-fills">
      {fills.map((fill) => (
        <li key={fill.key}>
          {fill.share >= 1
            ? t(`plan.ahtFill.whole.${fill.from}`, { channel: fill.name })
            : t(`plan.ahtFill.part.${fill.from}`, { channel: fill.name, share: formatPercent(fill.share, i18n.language, 0) })}{' '}
          <Link to={`/settings#channel-${fill.channelId}`}>{t('plan.ahtFill.settings')}</Link>
        </li>
      ))}
    </ul>
  )
}
