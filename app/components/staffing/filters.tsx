import { Form, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { StaffingView } from '../../services/staffing.server.ts'
import { formatDayMonth } from '../../utils/format.ts'

interface StaffingFiltersProps {
  forecasts: Array<{ id: number; name: string }>
  view: StaffingView
  scenarios: Array<{ id: number; name: string }>
  query: { scenario: number[] }
}

/** The forecast, week, channel and scheduling assumptions shown, and the scenarios compared. */
export function StaffingFilters({ forecasts, view, scenarios, query }: StaffingFiltersProps) {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const [search] = useSearchParams()
  return (
    <section className="panel" aria-labelledby="staffing-filters" key={search.toString()}>
      <h2 id="staffing-filters" className="visually-hidden">
        {t('staffing.apply')}
      </h2>
      <Form method="get" className="stack">
        <div className="form-row">
          <label>
            {t('staffing.forecast')}
            <select name="forecast" defaultValue={view.forecast.id}>
              {forecasts.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('staffing.week')}
            <select name="week" defaultValue={view.week.index}>
              {view.weeks.map((w) => (
                <option key={w.index} value={w.index}>
                  {t('staffing.weekOf', {
                    from: formatDayMonth(w.from, language),
                    to: formatDayMonth(w.to, language),
                  })}
                </option>
              ))}
              <option value={-1}>{t('staffing.wholeHorizon')}</option>
            </select>
          </label>
          <label>
            {t('staffing.channel')}
            <select name="channel" defaultValue={view.channel ?? ''}>
              <option value="">{t('staffing.allChannels')}</option>
              {view.channels.map((c) => (
                <option key={c.key} value={c.key}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <label title={t('staffing.weeklyHoursHelp')}>
            {t('staffing.weeklyHours')}
            <input name="weeklyHours" type="number" min={1} max={80} step="any" defaultValue={view.weeklyHours} size={5} />
          </label>
          <label>
            {t('staffing.workdays')}
            <input name="workdays" type="number" min={1} max={7} defaultValue={view.workdays} size={3} />
          </label>
        </div>
        {scenarios.length > 0 && (
          <fieldset className="form-row">
            <legend>{t('staffing.compare')}</legend>
            {scenarios.map((s) => (
              <label key={s.id} className="check">
                <input type="checkbox" name="scenario" value={s.id} defaultChecked={query.scenario.includes(s.id)} /> {s.name}
              </label>
            ))}
          </fieldset>
        )}
        <p className="note">{t('staffing.weeklyHoursHelp')}</p>
        <div>
          <button type="submit">{t('staffing.apply')}</button>
        </div>
      </Form>
    </section>
  )
}
