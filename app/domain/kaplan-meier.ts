// Kaplan–Meier estimate of customer patience. A contact that abandoned after waiting w shows its
// patience was w (an event); one answered after waiting w shows only that its patience was more
// than w (censored there). At each time with events, S(t) = S(t⁻) · (1 − d/n) with d the events
// at t and n the contacts still waiting just before t. At equal times events come before
// censorings (the standard convention): a contact answered at t was still at risk at t.
// Beside it, the exponential fit of patience.ts (mean = total wait ÷ abandoned) gives
// S(t) = exp(−t/mean); the gap between the two shows whether patience is exponential.

export interface SurvivalStep {
  /** Wait at which the curve steps down, seconds. */
  timeSec: number
  /** P(patience > timeSec) just after the step. */
  survival: number
  /** Contacts still waiting just before timeSec (events and censorings at timeSec included). */
  atRisk: number
  /** Abandonments at timeSec. */
  events: number
}

export interface PatienceSurvival {
  /** One step per distinct wait with abandonments, ascending; S = 1 before the first. */
  steps: SurvivalStep[]
  abandoned: number
  answered: number
  /** The first wait at which S ≤ 0.5; null when the curve stays above one half. */
  medianSec: number | null
  /**
   * ∫ S(t) dt from 0 to the longest wait observed: the mean patience restricted to that horizon
   * (the curve is unknown beyond it). Null with no contact.
   */
  restrictedMeanSec: number | null
  /** The longest wait observed, seconds (null with no contact). */
  horizonSec: number | null
}

function assertWaits(name: string, waits: readonly number[]): void {
  for (const w of waits) {
    if (!Number.isFinite(w) || w < 0) throw new RangeError(`${name} must be finite waits ≥ 0 seconds (got ${w})`)
  }
}

export function kaplanMeier({ abandonedWaitsSec, answeredWaitsSec }: { abandonedWaitsSec: readonly number[]; answeredWaitsSec: readonly number[] }): PatienceSurvival {
  assertWaits('abandonedWaitsSec', abandonedWaitsSec)
  assertWaits('answeredWaitsSec', answeredWaitsSec)
  const events = [...abandonedWaitsSec].sort((a, b) => a - b)
  const censored = [...answeredWaitsSec].sort((a, b) => a - b)
  const total = events.length + censored.length

  const steps: SurvivalStep[] = []
  let survival = 1
  let atRisk = total
  let e = 0
  let c = 0
  while (e < events.length) {
    const t = events[e]!
    // Contacts answered before t have left the risk set.
    while (c < censored.length && censored[c]! < t) {
      c++
      atRisk--
    }
    let d = 0
    while (e < events.length && events[e] === t) {
      d++
      e++
    }
    survival *= 1 - d / atRisk
    steps.push({ timeSec: t, survival, atRisk, events: d })
    atRisk -= d
  }

  const horizonSec = total === 0 ? null : Math.max(events.at(-1) ?? 0, censored.at(-1) ?? 0)
  let restrictedMeanSec: number | null = null
  if (horizonSec !== null) {
    let area = 0
    let previousTime = 0
    let previousSurvival = 1
    for (const step of steps) {
      area += (step.timeSec - previousTime) * previousSurvival
      previousTime = step.timeSec
      previousSurvival = step.survival
    }
    restrictedMeanSec = area + (horizonSec - previousTime) * previousSurvival
  }
  return {
    steps,
    abandoned: events.length,
    answered: censored.length,
    medianSec: steps.find((s) => s.survival <= 0.5)?.timeSec ?? null,
    restrictedMeanSec,
    horizonSec,
  }
}

/** Survival of an exponential patience with the given mean: exp(−t/mean). */
export function exponentialSurvival(meanSec: number, timeSec: number): number {
  if (!(meanSec > 0)) throw new RangeError(`meanSec must be > 0 (got ${meanSec})`)
  return Math.exp(-timeSec / meanSec)
}
