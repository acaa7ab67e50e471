import { holtWinters } from './holt-winters.ts'
import type { ForecastMethod, MethodId } from './method.ts'
import { average4w, weighted6w } from './same-interval-average.ts'
import { seasonalNaive } from './seasonal-naive.ts'
import { topDown } from './top-down.ts'

export { methodIds, isMethodId, type MethodId, type ForecastMethod } from './method.ts'

/** Simplest first: a tie in a backtest goes to the simpler method. */
export const methods: Record<MethodId, ForecastMethod<any>> = {
  'seasonal-naive': seasonalNaive,
  'average-4w': average4w,
  'weighted-6w': weighted6w,
  'top-down': topDown,
  'holt-winters': holtWinters,
}

/** The industry's baselines, which `auto` must beat to be worth its complexity. */
export const sameIntervalAverages: readonly MethodId[] = ['seasonal-naive', 'average-4w', 'weighted-6w']
