import { useTranslation } from 'react-i18next'
import type { StaffingView } from '../../services/staffing.server.ts'
import { formatDecimal, formatShortDay } from '../../utils/format.ts'

/** Scheduled hours and FTE per day, for the base plan and each scenario. */
export function Days({ view }: { view: StaffingView }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const channelName = view.channel ? view.channels.find((c) => c.key === view.channel)?.name ?? view.channel : t('staffing.allChannels')
  return (
    <section className="panel" aria-labelledby="days-title">
      <h2 id="days-title">{t('staffing.daysTitle', { channel: channelName })}</h2>
      <div className="scroll">
        <table className="data" data-testid="staffing-days">
          <thead>
            <tr>
              <th scope="col">{t('staffing.day')}</th>
              {view.plans.map((p) => (
                <th key={p.id} scope="colgroup" colSpan={2}>
                  {p.id === 0 ? t('staffing.base') : p.name}
                </th>
              ))}
            </tr>
            <tr>
              <th scope="col" />
              {view.plans.map((p) => [
                <th key={`${p.id}-h`} scope="col">
                  {t('staffing.scheduledHours')}
                </th>,
                <th key={`${p.id}-f`} scope="col">
                  {t('staffing.fte')}
                </th>,
              ])}
            </tr>
          </thead>
          <tbody>
            {view.days.map((d) => (
              <tr key={d.day}>
                <td>{formatShortDay(d.day, language)}</td>
                {view.plans.map((p) => [
                  <td key={`${p.id}-h`}>{formatDecimal(d.plans[p.id]?.scheduledHours ?? 0, language, 1)}</td>,
                  <td key={`${p.id}-f`}>{formatDecimal(d.plans[p.id]?.fte ?? 0, language, 1)}</td>,
                ])}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
