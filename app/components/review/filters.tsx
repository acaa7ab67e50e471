import { Form, Link, useSearchParams } from '@remix-run/react'
import { NO_FORECAST } from '../../schemas/review.ts'
import { PeriodInputs } from '../period-inputs.tsx'
import { useReviewFormats } from './formats.ts'

interface ReviewFiltersProps {
  forecasts: Array<{ id: number; name: string; from: string; to: string }>
  channels: Array<{ key: string; name: string }>
  query: { forecastId: number | null; channel: string | null; from: string; to: string }
  periodError: string | null
}

/** The forecast, period and channel reviewed; the forecast's own days, and a link to them. */
export function ReviewFilters({ forecasts, channels, query, periodError }: ReviewFiltersProps) {
  const { t, shortDay } = useReviewFormats()
  const [search] = useSearchParams()
  const forecast = forecasts.find((f) => f.id === query.forecastId)
  const forecastPeriod = new URLSearchParams({ forecast: String(forecast?.id ?? ''), ...(query.channel ? { channel: query.channel } : {}) })
  return (
    <section className="panel" aria-labelledby="review-filters" key={search.toString()}>
      <h2 id="review-filters" className="visually-hidden">
        {t('review.filters')}
      </h2>
      <Form method="get" className="form-row">
        <input type="hidden" name="shown" value={query.forecastId ?? NO_FORECAST} />
        <label>
          {t('review.forecast')}
          <select name="forecast" defaultValue={query.forecastId ?? NO_FORECAST}>
            {forecasts.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
            <option value={NO_FORECAST}>{t('review.noForecast')}</option>
          </select>
        </label>
        <PeriodInputs period={query} error={periodError} />
        <label>
          {t('review.channel')}
          <select name="channel" defaultValue={query.channel ?? ''}>
            <option value="">{t('review.allChannels')}</option>
            {channels.map((c) => (
              <option key={c.key} value={c.key}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t('review.apply')}</button>
      </Form>
      {forecast && (
        <p className="note">
          {t('review.forecastDays', { from: shortDay(forecast.from), to: shortDay(forecast.to) })}{' '}
          {(forecast.from !== query.from || forecast.to !== query.to) && (
            <Link to={`?${forecastPeriod.toString()}`}>{t('review.useForecastPeriod')}</Link>
          )}
        </p>
      )}
    </section>
  )
}
