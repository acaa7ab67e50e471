// The forecast's days for a channel: model and adjusted totals, TMA, and each day's override.
import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { ForecastView } from '../../services/forecast.server.ts'
import { formatDay, formatDuration, formatInteger } from '../../utils/format.ts'
import { useCan } from '../../utils/user.ts'
import { DayOverride } from './day-override.tsx'

export function DaysTable({ channel, days, withoutAht }: Pick<ForecastView, 'channel' | 'days' | 'withoutAht'>) {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const canEdit = useCan('editForecasts')
  const totals = days.reduce((sum, d) => ({ model: sum.model + d.model, adjusted: sum.adjusted + d.adjusted }), { model: 0, adjusted: 0 })
  return (
    <section className="panel" aria-labelledby="days-title">
      <h2 id="days-title">{t('forecast.daysTitle', { channel: channel.name })}</h2>
      {withoutAht && (
        <p className="status" data-testid="forecast-without-aht">
          {withoutAht.planned
            ? t('forecast.plannedAhtUsed', {
                channel: channel.name,
                aht: withoutAht.planned.ahtSec === null ? '—' : formatDuration(withoutAht.planned.ahtSec, language),
              })
            : t('forecast.noAhtNoPlan', { channel: channel.name })}{' '}
          <Link to={`/settings#channel-${channel.id}`}>{t('plan.ahtFill.settings')}</Link>
        </p>
      )}
      <div className="scroll">
        <table className="data" data-testid="forecast-days">
          <thead>
            <tr>
              <th scope="col">{t('forecast.day')}</th>
              <th scope="col">{t('forecast.modelTotal')}</th>
              <th scope="col">{t('forecast.adjustedTotal')}</th>
              <th scope="col">{t('forecast.aht')}</th>
              {canEdit && <th scope="col">{t('forecast.adjust')}</th>}
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.day} data-day={d.day}>
                <td>{formatDay(d.day, language, { weekday: 'short', day: '2-digit', month: '2-digit' })}</td>
                <td>{formatInteger(d.model, language)}</td>
                <td className={Math.abs(d.adjusted - d.model) > 1e-6 ? 'adjusted' : undefined} data-testid="adjusted">
                  {formatInteger(d.adjusted, language)}
                </td>
                <td>{formatDuration(d.aht, language)}</td>
                {canEdit && (
                  <td>
                    <DayOverride day={d.day} channelId={channel.id} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td>{t('overview.total')}</td>
              <td>{formatInteger(totals.model, language)}</td>
              <td>{formatInteger(totals.adjusted, language)}</td>
              <td />
              {canEdit && <td />}
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  )
}
