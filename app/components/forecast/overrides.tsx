// The forecast's overrides, with the range form for those who may edit.
import { useTranslation } from 'react-i18next'
import type { ForecastView } from '../../services/forecast.server.ts'
import { formatDayTime, formatDecimal, formatInstant, formatInteger } from '../../utils/format.ts'
import { useCan } from '../../utils/user.ts'
import { RowAction } from '../row-action.tsx'
import { RangeOverride } from './range-override.tsx'

export function Overrides({ channels, channel, days, overrides, timeZone }: Pick<ForecastView, 'channels' | 'channel' | 'days' | 'overrides'> & { timeZone: string }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const canEdit = useCan('editForecasts')
  return (
    <section className="panel" aria-labelledby="overrides-title">
      <h2 id="overrides-title">{t('forecast.overrides')}</h2>
      {canEdit ? (
        <>
          <h3>{t('forecast.rangeTitle')}</h3>
          <RangeOverride channels={channels} channel={channel} days={days} />
        </>
      ) : (
        <p className="note">{t('readOnly.forecasts')}</p>
      )}
      <p className="note">{t('forecast.overrideNote')}</p>
      {overrides.length === 0 ? (
        <p className="note">{t('forecast.noOverrides')}</p>
      ) : (
        <div className="scroll">
          <table className="data" data-testid="overrides">
            <thead>
              <tr>
                <th scope="col">{t('forecast.period')}</th>
                <th scope="col">{t('forecast.channel')}</th>
                <th scope="col">{t('forecast.kind')}</th>
                <th scope="col">{t('forecast.amount')}</th>
                <th scope="col">{t('forecast.note')}</th>
                <th scope="col">{t('forecast.who')}</th>
                <th scope="col">{t('forecast.when')}</th>
                {canEdit && <th scope="col" />}
              </tr>
            </thead>
            <tbody>
              {overrides.map((o) => (
                <tr key={o.id}>
                  <td>
                    {formatDayTime(o.from.day, o.from.minute, language)} – {formatDayTime(o.to.day, o.to.minute, language)}
                  </td>
                  <td className="text">{o.channel ?? t('forecast.allChannels')}</td>
                  <td className="text">{t(o.kind === 'percent' ? 'forecast.percentLong' : 'forecast.valueLong')}</td>
                  <td>
                    {o.kind === 'percent'
                      ? `${o.amount > 0 ? '+' : ''}${formatDecimal(o.amount, language, 1)}%`
                      : formatInteger(o.amount, language)}
                  </td>
                  <td className="text">{o.note ?? ''}</td>
                  <td className="text">{o.createdBy}</td>
                  <td>
                    {formatInstant(o.createdAt, language, timeZone)}
                  </td>
                  {canEdit && (
                    <td>
                      <RowAction fields={{ intent: 'deleteOverride', overrideId: o.id }} label={t('forecast.removeOverride')} />
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
