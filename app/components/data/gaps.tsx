// The data page's panel of history gaps, channel by channel.
import { useTranslation } from 'react-i18next'
import type { SpecialDayKind } from '../../domain/forecast/special-days.ts'
import type { ChannelGaps } from '../../services/history-gaps.server.ts'
import { formatDay } from '../../utils/format.ts'
import { HistoryGaps } from '../history-gaps.tsx'

/** Each channel's gaps in its last year of data, to see and tag (forecasts leave them out by themselves). */
export function Gaps({ gaps, tagged }: { gaps: ChannelGaps[]; tagged: Readonly<Record<string, SpecialDayKind>> }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  if (gaps.length === 0) return null
  const found = gaps.filter((c) => c.gaps.length > 0)
  return (
    <section className="panel" aria-labelledby="gaps-title" data-testid="data-gaps">
      <h2 id="gaps-title">{t('gaps.title')}</h2>
      <p className="note">{t('gaps.intro')}</p>
      {found.length === 0 && <p>{t('gaps.none')}</p>}
      {found.map((c) => (
        <div key={c.channelId} className="stack spaced">
          <h3>{t('gaps.channelSpan', { channel: c.name, from: formatDay(c.from, language), to: formatDay(c.to, language) })}</h3>
          <HistoryGaps gaps={c.gaps} tagged={tagged} testId={`gaps-${c.channelId}`} />
        </div>
      ))}
    </section>
  )
}
