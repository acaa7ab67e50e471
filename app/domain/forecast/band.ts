// The band around a forecast: an 80% interval for the count in each interval. Arrivals are
// Poisson given the rate, but the rate itself is uncertain, so the variance is the mean times a
// dispersion measured on the backtest's one-day-ahead errors (quasi-Poisson: 1 = pure Poisson).
import jStat from 'jstat'

export const BAND_COVERAGE = 0.8
const z = jStat.normal.inv(0.5 + BAND_COVERAGE / 2, 0, 1)

/** Σ(actual − forecast)² ÷ Σ forecast, at least 1 (never narrower than Poisson). */
export function dispersionOf(squaredErrors: number, forecastTotal: number): number {
  if (!(forecastTotal > 0) || !Number.isFinite(squaredErrors)) return 1
  return Math.max(1, squaredErrors / forecastTotal)
}

export function band(forecast: ArrayLike<number>, dispersion: number): { lower: Float64Array; upper: Float64Array } {
  const lower = new Float64Array(forecast.length)
  const upper = new Float64Array(forecast.length)
  for (let i = 0; i < forecast.length; i++) {
    const mean = forecast[i]!
    const spread = z * Math.sqrt(dispersion * mean)
    lower[i] = Math.max(0, mean - spread)
    upper[i] = mean + spread
  }
  return { lower, upper }
}
