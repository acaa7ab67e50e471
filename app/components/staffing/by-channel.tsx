import { useTranslation } from 'react-i18next'
import { staffingMethodOf } from '../../domain/channel.ts'
import type { StaffingView } from '../../services/staffing.server.ts'
import { formatDecimal, formatInteger, formatPercent } from '../../utils/format.ts'

/** The base plan per channel, with the model that staffs it (and its efficiency, when not the textbook 1). */
export function ByChannel({ view }: { view: StaffingView }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const base = view.plans[0]!
  return (
    <section className="panel" aria-labelledby="channels-title">
      <h2 id="channels-title">{t('staffing.channelsTitle')}</h2>
      <div className="scroll">
        <table className="data wrap-head" data-testid="staffing-channels">
          <thead>
            <tr>
              <th scope="col">{t('staffing.channel')}</th>
              <th scope="col" className="text">
                {t('staffing.model')}
              </th>
              <th scope="col">{t('staffing.volume')}</th>
              <th scope="col">{t('staffing.agentHours')}</th>
              <th scope="col">{t('staffing.scheduledHours')}</th>
              <th scope="col">{t('staffing.fte')}</th>
              <th scope="col">{t('staffing.peak')}</th>
              <th scope="col">{t('staffing.sl')}</th>
              <th scope="col">{t('staffing.abandon')}</th>
            </tr>
          </thead>
          <tbody>
            {view.channels
              .filter((c) => base.byChannel[c.key])
              .map((c) => {
                const totals = base.byChannel[c.key]!
                const model = staffingMethodOf(c)
                return (
                  <tr key={c.key}>
                    <td>{c.name}</td>
                    <td className="text">
                      {t(`staffing.models.${model}`)}
                      {model !== 'deferred' && c.efficiency !== 1 && (
                        <span className="note" data-testid="staffing-efficiency">
                          {' '}
                          {t('staffing.efficiencyInUse', { value: formatDecimal(c.efficiency, language, 2) })}
                        </span>
                      )}
                    </td>
                    <td>{formatInteger(totals.offered, language)}</td>
                    <td>{formatDecimal(totals.agentHours, language, 1)}</td>
                    <td>{formatDecimal(totals.scheduledHours, language, 1)}</td>
                    <td>{formatDecimal(totals.fte, language, 1)}</td>
                    <td>{formatInteger(totals.peakScheduled, language)}</td>
                    <td>{formatPercent(totals.serviceLevel, language)}</td>
                    <td>{formatPercent(totals.abandonRate, language)}</td>
                  </tr>
                )
              })}
          </tbody>
        </table>
      </div>
    </section>
  )
}
