// Calibration: the efficiency k (effective servers = k × agents on duty) with which the channel's
// model best reproduces its history, by the model check's errors: k minimises
// MAE(abandonment) + MAE(SL) over the eligible intervals. Patience is not fitted here: the caller
// gives the estimator's (patience.ts), since fitting it beside k drifts to absurd values (issue 17).
//
// The objective is a sum of absolute errors, so it is continuous but kinked and may have flat
// stretches; a grid over 0.30–1.20 by 0.01 finds the basin and a golden-section search within one
// step either side of the best grid point refines it. Both are deterministic; the refined point is
// kept only when it is no worse than the grid's best.
import { checkInterval, isEligible, summarise, DEFAULT_ELIGIBILITY, type ChannelModel, type EligibilityRule, type IntervalActuals } from './model-check.ts'

export const EFFICIENCY_GRID = { from: 0.3, to: 1.2, step: 0.01 } as const

export interface Calibration {
  efficiency: number
  /** The errors at that efficiency; null where no interval had that actual. */
  abandonMae: number | null
  slMae: number | null
  abandonBias: number | null
  slBias: number | null
  /** Eligible intervals the fit used. */
  intervals: number
}

/** The golden ratio's conjugate, (√5 − 1) / 2. */
const INVERSE_PHI = (Math.sqrt(5) - 1) / 2

/** Minimum of f on [a, b] by golden-section search, to within `tolerance`. */
function goldenSection(f: (x: number) => number, a: number, b: number, tolerance: number): number {
  let c = b - INVERSE_PHI * (b - a)
  let d = a + INVERSE_PHI * (b - a)
  let fc = f(c)
  let fd = f(d)
  while (b - a > tolerance) {
    if (fc <= fd) {
      b = d
      d = c
      fd = fc
      c = b - INVERSE_PHI * (b - a)
      fc = f(c)
    } else {
      a = c
      c = d
      fc = fd
      d = a + INVERSE_PHI * (b - a)
      fd = f(d)
    }
  }
  return fc <= fd ? c : d
}

/**
 * The efficiency that fits the history best, or null when no interval is eligible or none has an
 * actual SL or abandonment (nothing to fit to).
 */
export function calibrateEfficiency(intervals: readonly IntervalActuals[], channel: ChannelModel, rule: EligibilityRule = DEFAULT_ELIGIBILITY): Calibration | null {
  const eligible = intervals.filter((actuals) => isEligible(actuals, rule))
  const summaryAt = (efficiency: number) => summarise(eligible.map((actuals) => checkInterval(actuals, channel, efficiency)))
  const first = summaryAt(1)
  if (first.slMae === null && first.abandonMae === null) return null
  const objective = (efficiency: number) => {
    const s = summaryAt(efficiency)
    return (s.abandonMae ?? 0) + (s.slMae ?? 0)
  }

  const { from, to, step } = EFFICIENCY_GRID
  const points = Math.round((to - from) / step)
  let best: number = from
  let bestValue = Infinity
  for (let i = 0; i <= points; i++) {
    const efficiency = Math.round((from + i * step) * 100) / 100 // whole hundredths, no drift
    const value = objective(efficiency)
    if (value < bestValue) {
      best = efficiency
      bestValue = value
    }
  }
  const refined = goldenSection(objective, Math.max(from, best - step), Math.min(to, best + step), 1e-4)
  const efficiency = objective(refined) <= bestValue ? refined : best

  const s = summaryAt(efficiency)
  return { efficiency, abandonMae: s.abandonMae, slMae: s.slMae, abandonBias: s.abandonBias, slBias: s.slBias, intervals: s.intervals }
}
