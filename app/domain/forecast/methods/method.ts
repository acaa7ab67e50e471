import type { DaySeries } from '../series.ts'

/**
 * A forecasting method. `fit` learns parameters from the days before `origin` (a day index:
 * training is days [0, origin)); `predict` forecasts `horizonDays` days from `origin` with
 * parameters fitted at that origin or earlier.
 */
export interface ForecastMethod<P = unknown> {
  id: MethodId
  /** Observed days of history the method needs before an origin. */
  minHistoryDays: number
  /**
   * A backtest refits at every origin when fitting is cheap; otherwise it fits once, before the
   * earliest origin, and only filters the state forward (Holt-Winters' numerical fit).
   */
  refitEachOrigin: boolean
  fit(series: DaySeries, origin: number): P
  predict(series: DaySeries, origin: number, horizonDays: number, params: P): Float64Array
}

export const methodIds = ['seasonal-naive', 'average-4w', 'weighted-6w', 'top-down', 'holt-winters'] as const
export type MethodId = (typeof methodIds)[number]

export function isMethodId(value: string): value is MethodId {
  return (methodIds as readonly string[]).includes(value)
}

export function checkOrigin(series: DaySeries, origin: number, horizonDays: number): void {
  if (!Number.isInteger(origin) || origin < 0 || origin > series.days) {
    throw new RangeError(`origin must be a day index in [0, ${series.days}] (got ${origin})`)
  }
  if (!Number.isInteger(horizonDays) || horizonDays < 1) throw new RangeError(`horizonDays must be ≥ 1 (got ${horizonDays})`)
}
