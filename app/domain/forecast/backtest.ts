// Rolling-origin evaluation (Tashman 2000): fit each method on the history before the earliest
// origin, forecast from every origin as if it were the last day of data, and score the next day
// and the next week against what happened. `auto` keeps the method with the lowest WAPE.
import { AccuracySums, type Accuracy } from './accuracy.ts'
import { zeroClosed } from './closed.ts'
import { keepInRange } from './guard.ts'
import { methods, methodIds, type MethodId } from './methods/index.ts'
import type { DaySeries } from './series.ts'

export const backtestHorizons = [1, 7] as const
export type BacktestHorizon = (typeof backtestHorizons)[number]

export interface BacktestOptions {
  /** Number of origins (default 8), latest first, `stepDays` apart (default 4: weekdays rotate). */
  origins?: number
  stepDays?: number
  /** Days of history an origin needs before it (default 28). */
  minTrainingDays?: number
  methods?: readonly MethodId[]
}

export interface OriginScore {
  origin: number
  horizon: BacktestHorizon
  sums: AccuracySums
}

export interface MethodBacktest {
  method: MethodId
  /** Parameters fitted at the earliest origin. */
  params: unknown
  accuracy: Record<BacktestHorizon, Accuracy>
  scores: OriginScore[]
}

export interface Backtest {
  /** Day indices of the origins, earliest first. */
  origins: number[]
  methods: MethodBacktest[]
}

/** Origins so that the longest horizon ends within the history: earliest first. */
export function backtestOrigins(series: DaySeries, options: BacktestOptions = {}): number[] {
  const { origins = 8, stepDays = 4, minTrainingDays = 28 } = options
  const longest = backtestHorizons[backtestHorizons.length - 1]!
  const list: number[] = []
  for (let origin = series.days - longest; origin >= minTrainingDays && list.length < origins; origin -= stepDays) {
    list.push(origin)
  }
  return list.reverse()
}

/**
 * A method's forecast from an origin, closed intervals zeroed and every interval kept in its
 * history's range: what the app would have shown.
 */
export function forecastFrom(method: MethodId, series: DaySeries, origin: number, horizonDays: number, params: unknown): Float64Array {
  const forecast = methods[method].predict(series, origin, horizonDays, params)
  return zeroClosed(series, origin, keepInRange(series, origin, forecast))
}

export function backtest(series: DaySeries, options: BacktestOptions = {}): Backtest {
  const origins = backtestOrigins(series, options)
  const chosen = (options.methods ?? methodIds).filter((id) => origins.length > 0 && origins[0]! >= methods[id].minHistoryDays)
  const s = series.slotsPerDay
  const longest = backtestHorizons[backtestHorizons.length - 1]!
  const results = chosen.map((id): MethodBacktest => {
    const method = methods[id]
    const firstParams = method.fit(series, origins[0]!)
    const pooled = backtestHorizons.map(() => new AccuracySums())
    const scores: OriginScore[] = []
    for (const origin of origins) {
      const params = method.refitEachOrigin && origin !== origins[0] ? method.fit(series, origin) : firstParams
      const forecast = forecastFrom(id, series, origin, longest, params)
      backtestHorizons.forEach((horizon, k) => {
        const sums = new AccuracySums()
        sums.addAll(forecast.subarray(0, horizon * s), series.values.subarray(origin * s, (origin + horizon) * s))
        pooled[k]!.merge(sums)
        scores.push({ origin, horizon, sums })
      })
    }
    const accuracy = Object.fromEntries(backtestHorizons.map((h, k) => [h, pooled[k]!.result()])) as Record<BacktestHorizon, Accuracy>
    return { method: id, params: firstParams, accuracy, scores }
  })
  return { origins, methods: results }
}

/** The horizon a forecast of `horizonDays` is judged on. */
export function horizonFor(horizonDays: number): BacktestHorizon {
  return horizonDays > 1 ? 7 : 1
}

export interface Choice {
  method: MethodId
  horizon: BacktestHorizon
  wape: number | null
  /** The next best method and its WAPE, to say by how much the choice won. */
  runnerUp: { method: MethodId; wape: number | null } | null
}

const rank = (w: number | null) => (w === null ? Infinity : w)

/** The method with the lowest pooled WAPE at the horizon; ties go to the simpler method. */
export function chooseMethod(result: Backtest, horizon: BacktestHorizon): Choice | null {
  const sorted = [...result.methods].sort((a, b) => rank(a.accuracy[horizon].wape) - rank(b.accuracy[horizon].wape))
  const [best, next] = sorted
  if (!best) return null
  return {
    method: best.method,
    horizon,
    wape: best.accuracy[horizon].wape,
    runnerUp: next ? { method: next.method, wape: next.accuracy[horizon].wape } : null,
  }
}

/** A method's pooled accuracy at a horizon over some of the origins. */
export function accuracyAt(method: MethodBacktest, horizon: BacktestHorizon, origins: readonly number[]): Accuracy {
  const sums = new AccuracySums()
  for (const score of method.scores) if (score.horizon === horizon && origins.includes(score.origin)) sums.merge(score.sums)
  return sums.result()
}

export interface AutoScore {
  accuracy: Accuracy
  /** The origins auto could be scored at (those with an earlier, finished evaluation). */
  origins: number[]
  /** Its score at each of them (the method it would have used there). */
  scores: OriginScore[]
}

/**
 * How `auto` itself would have scored, without hindsight: at each origin it uses the method with
 * the lowest WAPE over the earlier origins whose evaluation had ended by then. Origins with no
 * such earlier evaluation are not scored: compare auto with a method over `origins` only.
 */
export function autoAccuracy(result: Backtest, horizon: BacktestHorizon): AutoScore {
  const total = new AccuracySums()
  const scores: OriginScore[] = []
  for (const origin of result.origins) {
    let best: { wape: number; sums: AccuracySums } | null = null
    for (const m of result.methods) {
      const past = new AccuracySums()
      let current: AccuracySums | undefined
      for (const score of m.scores) {
        if (score.horizon !== horizon) continue
        if (score.origin + horizon <= origin) past.merge(score.sums)
        if (score.origin === origin) current = score.sums
      }
      const wape = past.result().wape
      if (wape !== null && current && (best === null || wape < best.wape)) best = { wape, sums: current }
    }
    if (best) {
      total.merge(best.sums)
      scores.push({ origin, horizon, sums: best.sums })
    }
  }
  return { accuracy: total.result(), origins: scores.map((s) => s.origin), scores }
}
