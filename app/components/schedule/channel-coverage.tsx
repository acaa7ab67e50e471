import { useTranslation } from 'react-i18next'
import { shownCoverage } from '../../domain/schedule/figures.ts'
import type { ChannelCoverage } from '../../services/schedules.server.ts'
import { formatDecimal, formatInteger, formatPercent } from '../../utils/format.ts'

/**
 * Coverage per channel of a schedule of several channels: each channel by the agents who work it,
 * an agent counted for one channel at a time (decision 010, Multi-skill).
 */
export function ChannelCoverageTable({ channels }: { channels: readonly ChannelCoverage[] }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  return (
    <>
      <p className="counts-title">{t('schedules.byChannel.title')}</p>
      <div className="scroll">
        <table className="data wrap-head" data-testid="channel-coverage">
          <thead>
            <tr>
              <th scope="col">{t('schedules.byChannel.channel')}</th>
              <th scope="col">{t('schedules.byChannel.owedHours')}</th>
              <th scope="col">{t('schedules.coverage')}</th>
              <th scope="col">{t('schedules.shortMinutes')}</th>
              <th scope="col">{t('schedules.shortAgentMinutes')}</th>
              <th scope="col">{t('schedules.byChannel.unreachableMinutes')}</th>
            </tr>
          </thead>
          <tbody>
            {channels.map((c) => (
              <tr key={c.key} data-channel={c.key}>
                <th scope="row">{c.name}</th>
                <td>{formatDecimal(c.owedHours, language, 1)}</td>
                <td>{formatPercent(shownCoverage(c.coverage, c.shortMinutes + c.unreachableMinutes > 0, 1), language, 1)}</td>
                <td>{formatInteger(c.shortMinutes, language)}</td>
                <td>{formatDecimal(c.shortAgentMinutes, language, 0)}</td>
                <td>{formatInteger(c.unreachableMinutes, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="note">{t('schedules.byChannel.note')}</p>
    </>
  )
}
