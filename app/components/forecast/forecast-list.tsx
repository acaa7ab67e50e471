// The saved forecasts, each opening its page, removable by those who may edit.
import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { ForecastSummary } from '../../services/forecast.server.ts'
import { formatDay, formatInstant } from '../../utils/format.ts'
import { useCan } from '../../utils/user.ts'
import { RowAction } from '../row-action.tsx'

export function ForecastList({ forecasts, timeZone }: { forecasts: ForecastSummary[]; timeZone: string }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const canEdit = useCan('editForecasts')
  return (
    <section className="panel" aria-labelledby="saved-title">
      <h2 id="saved-title">{t('forecast.saved')}</h2>
      {forecasts.length === 0 ? (
        <p className="note">{t('forecast.none')}</p>
      ) : (
        <div className="scroll">
          <table className="data" data-testid="forecast-list">
            <thead>
              <tr>
                <th scope="col">{t('forecast.name')}</th>
                <th scope="col" className="text">
                  {t('forecast.channels')}
                </th>
                <th scope="col">{t('forecast.firstDay')}</th>
                <th scope="col">{t('forecast.horizonDays')}</th>
                <th scope="col" className="text">
                  {t('forecast.method')}
                </th>
                <th scope="col">{t('forecast.created')}</th>
                {canEdit && <th scope="col" />}
              </tr>
            </thead>
            <tbody>
              {forecasts.map((f) => (
                <tr key={f.id}>
                  <td className="text">
                    <Link to={`/forecast/${f.id}`}>{f.name}</Link>
                  </td>
                  <td className="text">{f.channels.join(', ')}</td>
                  <td>{formatDay(f.firstDay, language)}</td>
                  <td>{f.horizonDays}</td>
                  <td className="text">{t(`forecast.methods.${f.method}`, { defaultValue: f.method })}</td>
                  <td>
                    {formatInstant(f.createdAt, language, timeZone)}{' '}
                    · {f.createdBy}
                  </td>
                  {canEdit && (
                    <td>
                      <RowAction
                        fields={{ intent: 'deleteForecast', forecastId: f.id }}
                        label={t('forecast.remove')}
                        confirm={t('forecast.confirmRemove')}
                      />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
