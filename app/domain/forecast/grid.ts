// Between UTC intervals (what is stored and exported) and local day × slot series (what the
// methods learn on). A slot is a wall-clock interval of the local day, so 08:00–08:30 is the same
// slot on both sides of a DST change. On a day whose clock goes back, the repeated hour's
// intervals share their slots (history keeps their mean, a forecast is split between them); on a
// day that skips an hour, its slots have no interval (history marks them missing, which leaves
// that day out of training like a special day).
import { addDays, localDays, localMinuteOfDay, zoneOffsetMs, type DayRange } from '../intervals.ts'
import { createSeries, type DaySeries } from './series.ts'

export const forecastIntervals = [15, 30, 60] as const
export type ForecastInterval = (typeof forecastIntervals)[number]

export interface SlotInstant {
  /** UTC start of the interval, epoch ms. */
  start: number
  day: number
  slot: number
  /** Share of the slot's forecast this interval gets (½ in a repeated hour). */
  share: number
}

/**
 * A day of 24 hours starting at local midnight with one UTC offset: its local minute is the time
 * since its start. (A day whose midnight is skipped starts at 01:00 with one offset throughout,
 * and is not regular.)
 */
function isRegularDay(range: DayRange, timeZone: string): boolean {
  return range.end - range.start === 86_400_000 && zoneOffsetMs(range.start, timeZone) === zoneOffsetMs(range.end - 1, timeZone)
}

function daySlots(range: DayRange, index: number, timeZone: string, minutes: number): SlotInstant[] {
  const stepMs = minutes * 60_000
  const steady = isRegularDay(range, timeZone)
  const out: SlotInstant[] = []
  for (let t = range.start; t < range.end; t += stepMs) {
    const minute = steady ? (t - range.start) / 60_000 : localMinuteOfDay(t, timeZone)
    out.push({ start: t, day: index, slot: Math.floor(minute / minutes), share: 1 })
  }
  if (!steady) {
    const count = new Map<number, number>()
    for (const s of out) count.set(s.slot, (count.get(s.slot) ?? 0) + 1)
    for (const s of out) s.share = 1 / count.get(s.slot)!
  }
  return out
}

/** Every interval of the local days [firstDay, firstDay + days) with its day and slot. */
export function slotInstants(firstDay: string, days: number, timeZone: string, minutes: ForecastInterval): SlotInstant[] {
  if (days < 1) return []
  const ranges = localDays(firstDay, addDays(firstDay, days - 1), timeZone)
  return ranges.flatMap((range, i) => daySlots(range, i, timeZone, minutes))
}

/**
 * Sums values at UTC instants into the local day × slot series of [firstDay, firstDay + days).
 * Instants outside are ignored. Intervals with no value are 0. On DST days a repeated slot holds
 * the mean of its passes and a skipped slot is missing (NaN).
 */
export function seriesFromIntervals(
  points: Iterable<{ start: number; value: number }>,
  firstDay: string,
  days: number,
  timeZone: string,
  minutes: ForecastInterval,
): DaySeries {
  const slotsPerDay = 1440 / minutes
  const series = createSeries(firstDay, days, slotsPerDay)
  if (days < 1) return series
  const ranges = localDays(firstDay, addDays(firstDay, days - 1), timeZone)
  const steady = ranges.map((r) => isRegularDay(r, timeZone))
  let d = 0
  for (const { start, value } of points) {
    if (start < ranges[0]!.start || start >= ranges[ranges.length - 1]!.end) continue
    // Points usually come in time order: walk forward, search back only when they do not.
    if (start < ranges[d]!.start) d = 0
    while (start >= ranges[d]!.end) d++
    const range = ranges[d]!
    const minute = steady[d] ? (start - range.start) / 60_000 : localMinuteOfDay(start, timeZone)
    series.values[d * slotsPerDay + Math.floor(minute / minutes)]! += value
  }
  ranges.forEach((range, day) => {
    if (steady[day]) return
    const passes = new Array<number>(slotsPerDay).fill(0)
    for (const s of daySlots(range, day, timeZone, minutes)) passes[s.slot]!++
    passes.forEach((count, slot) => {
      const i = day * slotsPerDay + slot
      series.values[i] = count === 0 ? Number.NaN : series.values[i]! / count
    })
  })
  return series
}

/** 1 per day × slot of [firstDay, firstDay + days) holding at least one of the instants (a source's rows). */
export function presentSlots(
  starts: readonly number[],
  firstDay: string,
  days: number,
  timeZone: string,
  minutes: ForecastInterval,
): Uint8Array {
  const counts = seriesFromIntervals(
    starts.map((start) => ({ start, value: 1 })),
    firstDay,
    days,
    timeZone,
    minutes,
  )
  return Uint8Array.from(counts.values, (count) => (count > 0 ? 1 : 0))
}
