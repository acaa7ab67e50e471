// Each method's backtest errors over one day and one week ahead, the one used marked.
import { useTranslation } from 'react-i18next'
import type { Accuracy } from '../../domain/forecast/accuracy.ts'
import type { ChannelOutcome } from '../../services/forecast.server.ts'
import { formatDecimal, formatPercent } from '../../utils/format.ts'

export function BacktestTable({ channel }: { channel: ChannelOutcome }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const pct = (v: number | null) => formatPercent(v, language, 1)
  const cells = (a: Accuracy) => (
    <>
      <td>{pct(a.wape)}</td>
      <td>{a.bias === null ? '—' : `${a.bias > 0 ? '+' : ''}${pct(a.bias)}`}</td>
      <td>{pct(a.mape)}</td>
      <td>{formatDecimal(a.rmse, language, 1)}</td>
    </>
  )
  if (channel.scores.length === 0) return <p className="note">{t('forecast.noBacktest')}</p>
  const head = (
    <>
      <th scope="col">{t('forecast.wape')}</th>
      <th scope="col">{t('forecast.bias')}</th>
      <th scope="col">{t('forecast.mape')}</th>
      <th scope="col">{t('forecast.rmse')}</th>
    </>
  )
  return (
    <div className="scroll">
      <table className="data" data-testid="backtest-table">
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              {t('forecast.method')}
            </th>
            <th scope="colgroup" colSpan={4}>
              {t('forecast.oneDay')}
            </th>
            <th scope="colgroup" colSpan={4}>
              {t('forecast.oneWeek')}
            </th>
          </tr>
          <tr>
            {head}
            {head}
          </tr>
        </thead>
        <tbody>
          {channel.scores.map((s) => (
            <tr key={s.method} className={s.method === channel.method ? 'is-chosen' : undefined}>
              <th scope="row" className="text">
                {t(`forecast.methods.${s.method}`)}
                {s.method === channel.method && ` (${t('forecast.used')})`}
              </th>
              {cells(s.oneDay)}
              {cells(s.oneWeek)}
            </tr>
          ))}
          {channel.auto && (
            <tr title={t('forecast.autoRowHelp')}>
              <th scope="row" className="text">
                {t('forecast.autoRow')}
              </th>
              {cells(channel.auto.auto.oneDay)}
              {cells(channel.auto.auto.oneWeek)}
            </tr>
          )}
        </tbody>
      </table>
    </div>
  )
}
