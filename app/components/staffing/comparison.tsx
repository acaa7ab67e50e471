import { useTranslation } from 'react-i18next'
import type { StaffingView } from '../../services/staffing.server.ts'
import { formatDay, formatDecimal, formatInteger, formatPercent } from '../../utils/format.ts'
import { signedPercent } from './scenario-description.ts'

/** The base plan beside each scenario compared: hours, FTE, peak and the service they give. */
export function Comparison({ view }: { view: StaffingView }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const base = view.plans[0]!
  const delta = (value: number, reference: number) =>
    reference > 0 && value !== reference ? ` (${signedPercent(((value - reference) / reference) * 100, language)})` : ''
  return (
    <section className="panel" aria-labelledby="comparison-title">
      <h2 id="comparison-title">
        {t('staffing.comparisonTitle', { from: formatDay(view.week.from, language), to: formatDay(view.week.to, language) })}
      </h2>
      <div className="scroll">
        <table className="data wrap-head" data-testid="staffing-comparison">
          <thead>
            <tr>
              <th scope="col">{t('staffing.plan')}</th>
              <th scope="col">{t('staffing.volume')}</th>
              <th scope="col">{t('staffing.agentHours')}</th>
              <th scope="col">{t('staffing.scheduledHours')}</th>
              <th scope="col">{t('staffing.fte')}</th>
              <th scope="col">{t('staffing.peak')}</th>
              <th scope="col">{t('staffing.sl')}</th>
              <th scope="col">{t('staffing.abandon')}</th>
              <th scope="col">{t('staffing.slAtBase')}</th>
              <th scope="col">{t('staffing.abandonAtBase')}</th>
            </tr>
          </thead>
          <tbody>
            {view.plans.map((p) => (
              <tr key={p.id} data-plan={p.id}>
                <th scope="row" className="text">
                  {p.id === 0 ? t('staffing.base') : p.name}
                </th>
                <td>{formatInteger(p.totals.offered, language)}</td>
                <td data-testid="agent-hours">
                  {formatDecimal(p.totals.agentHours, language, 1)}
                  {delta(p.totals.agentHours, base.totals.agentHours)}
                </td>
                <td data-testid="scheduled-hours">
                  {formatDecimal(p.totals.scheduledHours, language, 1)}
                  {delta(p.totals.scheduledHours, base.totals.scheduledHours)}
                </td>
                <td data-testid="fte">{formatDecimal(p.totals.fte, language, 1)}</td>
                <td data-testid="peak">{formatInteger(p.totals.peakScheduled, language)}</td>
                <td>{formatPercent(p.totals.serviceLevel, language)}</td>
                <td>{formatPercent(p.totals.abandonRate, language)}</td>
                <td data-testid="sl-at-base">{p.atBase ? formatPercent(p.atBase.serviceLevel, language) : '—'}</td>
                <td>{p.atBase ? formatPercent(p.atBase.abandonRate, language) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="note">{t('staffing.comparisonNote')}</p>
    </section>
  )
}
