// TMA (AHT) per interval: for each weekday and interval, the handle seconds of recent same
// weekdays ÷ the contacts handled (volume-weighted), after dropping intervals whose AHT is an
// outlier (beyond 3 scaled MADs of the weighted median: a stuck call, an export glitch), and
// shrunk towards the interval's all-weekday AHT and the channel's AHT where few contacts back it.
import { recentSameWeekdays } from './methods/same-weekday.ts'
import { weekdays, type DaySeries } from './series.ts'

const AHT_WEEKS = 8
/** Contacts' worth of weight the prior AHT gets when shrinking a thin estimate. */
const PRIOR_CONTACTS = 30
const OUTLIER_MADS = 3

export interface HandleHistory {
  /** Handle seconds per interval (answered contacts), NaN on days left out. */
  handleSec: DaySeries
  /** Contacts handled per interval, same grid. */
  handled: DaySeries
}

interface Point {
  aht: number
  weight: number
}

function weightedMedian(points: readonly Point[]): number {
  const sorted = [...points].sort((a, b) => a.aht - b.aht)
  const half = sorted.reduce((sum, p) => sum + p.weight, 0) / 2
  let seen = 0
  for (const p of sorted) {
    seen += p.weight
    if (seen >= half) return p.aht
  }
  return sorted[sorted.length - 1]!.aht
}

/** Σ handle ÷ Σ handled over the points that are not outliers. */
export function robustAht(points: readonly Point[]): { handle: number; handled: number } {
  if (points.length === 0) return { handle: 0, handled: 0 }
  const median = weightedMedian(points)
  const mad = 1.4826 * weightedMedian(points.map((p) => ({ aht: Math.abs(p.aht - median), weight: p.weight })))
  let handle = 0
  let handled = 0
  for (const p of points) {
    if (mad > 0 && Math.abs(p.aht - median) > OUTLIER_MADS * mad) continue
    handle += p.aht * p.weight
    handled += p.weight
  }
  return { handle, handled }
}

/**
 * AHT per interval for `horizonDays` days from `origin`, from the days before it; NaN where the
 * channel never handled a contact in the window (unknown).
 */
export function forecastAht(history: HandleHistory, origin: number, horizonDays: number): Float64Array {
  const { handleSec, handled } = history
  const s = handled.slotsPerDay
  const sources = recentSameWeekdays(handled, origin, AHT_WEEKS)
  const bySlot: Point[][] = Array.from({ length: s }, () => [])
  const byWeekdaySlot: Point[][] = Array.from({ length: 7 * s }, () => [])
  sources.forEach((days, w) => {
    for (const day of days) {
      for (let i = 0; i < s; i++) {
        const n = handled.values[day * s + i]!
        const seconds = handleSec.values[day * s + i]!
        if (!(n > 0) || Number.isNaN(seconds)) continue
        const point = { aht: seconds / n, weight: n }
        bySlot[i]!.push(point)
        byWeekdaySlot[w * s + i]!.push(point)
      }
    }
  })
  const channel = robustAht(bySlot.flat())
  const out = new Float64Array(horizonDays * s).fill(Number.NaN)
  if (channel.handled === 0) return out
  const channelAht = channel.handle / channel.handled
  const shrink = (own: { handle: number; handled: number }, prior: number) =>
    (own.handle + PRIOR_CONTACTS * prior) / (own.handled + PRIOR_CONTACTS)
  const slotAht = bySlot.map((points) => shrink(robustAht(points), channelAht))
  const weekday = weekdays({ firstDay: handled.firstDay, days: origin + horizonDays })
  for (let h = 0; h < horizonDays; h++) {
    const w = weekday[origin + h]!
    for (let i = 0; i < s; i++) out[h * s + i] = shrink(robustAht(byWeekdaySlot[w * s + i]!), slotAht[i]!)
  }
  return out
}
