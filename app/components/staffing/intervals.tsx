import { useTranslation } from 'react-i18next'
import type { StaffingView } from '../../services/staffing.server.ts'
import { formatDayTime, formatDecimal, formatDuration, formatInteger, formatPercent } from '../../utils/format.ts'

/** The base plan's intervals, folded away: agents required and scheduled, and their service. */
export function Intervals({ view }: { view: StaffingView }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  return (
    <details className="panel">
      <summary>
        <h2 className="inline">{t('staffing.intervalsTitle', { count: view.intervals.length })}</h2>
      </summary>
      <div className="scroll short">
        <table className="data" data-testid="staffing-intervals">
          <thead>
            <tr>
              <th scope="col">{t('staffing.start')}</th>
              <th scope="col">{t('staffing.offered')}</th>
              <th scope="col">{t('staffing.agents')}</th>
              <th scope="col">{t('staffing.fractional')}</th>
              <th scope="col">{t('staffing.scheduledCol')}</th>
              <th scope="col">{t('staffing.sl')}</th>
              <th scope="col">{t('staffing.asa')}</th>
              <th scope="col">{t('staffing.occupancy')}</th>
              <th scope="col">{t('staffing.abandon')}</th>
            </tr>
          </thead>
          <tbody>
            {view.intervals.map((i) => (
              <tr key={`${i.day} ${i.minute}`}>
                <td>{formatDayTime(i.day, i.minute, language)}</td>
                <td>{formatDecimal(i.offered, language, 1)}</td>
                <td>{formatInteger(i.agents, language)}</td>
                <td>{formatDecimal(i.agentsFractional, language, 2)}</td>
                <td>{formatInteger(i.scheduled, language)}</td>
                <td>{formatPercent(i.serviceLevel, language)}</td>
                <td>{formatDuration(i.asa, language)}</td>
                <td>{formatPercent(i.occupancy, language)}</td>
                <td>{formatPercent(i.abandonRate, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  )
}
