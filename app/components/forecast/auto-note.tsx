// Auto's score beside the best method's over the same origins.
import { useTranslation } from 'react-i18next'
import type { ChannelOutcome } from '../../services/forecast.server.ts'
import { formatPercent } from '../../utils/format.ts'

/** Auto's own score is over fewer origins: name them and the best method over the same ones. */
export function AutoNote({ channel }: { channel: ChannelOutcome }) {
  const { t, i18n } = useTranslation()
  const comparison = channel.auto
  if (!comparison) return null
  const best = [...comparison.methods].sort((a, b) => (a.oneWeek.wape ?? Infinity) - (b.oneWeek.wape ?? Infinity))[0]
  if (!best) return null
  return (
    <p className="note" data-testid="auto-note">
      {t('forecast.autoNote', {
        origins: comparison.origins.oneWeek,
        auto: formatPercent(comparison.auto.oneWeek.wape, i18n.language, 1),
        method: t(`forecast.methods.${best.method}`),
        wape: formatPercent(best.oneWeek.wape, i18n.language, 1),
      })}
    </p>
  )
}
