// Local intervals of any length from 15-minute UTC intervals: the local start of the 30-minute,
// hourly, daily or weekly bucket an instant falls in, in an IANA time zone, DST included. Zone
// offsets come from the tables of intervals.ts (one Intl look-up per day per zone and year), so a
// year of 15-minute rows is bucketed in a few milliseconds.
import { addDays, localDateOf, startOfLocalDay, weekdayOf, zoneOffsetMs } from './intervals.ts'

export type BucketSize = 15 | 30 | 60 | 'day' | 'week'

export const bucketSizes: readonly BucketSize[] = [15, 30, 60, 'day', 'week']

/** Seconds of each bucket size, as the CLI spells them (900 … 604800). */
export function bucketFromSeconds(seconds: number): BucketSize | null {
  const bySeconds: Record<number, BucketSize> = { 900: 15, 1800: 30, 3600: 60, 86_400: 'day', 604_800: 'week' }
  return bySeconds[seconds] ?? null
}

const MINUTE_MS = 60_000

export class LocalBuckets {
  #last: { start: number; end: number; offset: number | null; day: string } | undefined

  constructor(
    private readonly timeZone: string,
    private readonly size: BucketSize,
  ) {}

  #dayOf(instant: number) {
    const last = this.#last
    if (last !== undefined && instant >= last.start && instant < last.end) return last
    const day = localDateOf(instant, this.timeZone)
    const start = startOfLocalDay(day, this.timeZone)
    const end = startOfLocalDay(addDays(day, 1), this.timeZone)
    const first = zoneOffsetMs(start, this.timeZone)
    const final = zoneOffsetMs(end - 1, this.timeZone)
    this.#last = { start, end, offset: first === final ? first : null, day }
    return this.#last
  }

  /** The instant the bucket holding `instant` starts. */
  startOf(instant: number): number {
    const day = this.#dayOf(instant)
    if (this.size === 'day') return day.start
    if (this.size === 'week') {
      // Weeks start on Monday, the usual planning week in Brazil.
      const back = (weekdayOf(day.day) + 6) % 7
      return back === 0 ? day.start : startOfLocalDay(addDays(day.day, -back), this.timeZone)
    }
    const sizeMs = this.size * MINUTE_MS
    const offset = day.offset ?? zoneOffsetMs(instant, this.timeZone)
    const local = instant + offset
    return instant - (((local % sizeMs) + sizeMs) % sizeMs)
  }
}

export interface OffsetSegment {
  from: number
  to: number
  /** UTC offset in force throughout, milliseconds. */
  offsetMs: number
}

/**
 * [from, to) cut where the zone's UTC offset changes (DST), found by checking each day and
 * then each quarter hour of a day that changes: ~1 look-up per day.
 */
export function offsetSegments(from: number, to: number, timeZone: string): OffsetSegment[] {
  const offsetAt = (t: number) => zoneOffsetMs(t, timeZone)
  const DAY = 86_400_000
  const QUARTER = 900_000
  const segments: OffsetSegment[] = []
  let segmentStart = from
  let current = offsetAt(from)
  for (let dayStart = from; dayStart < to; dayStart += DAY) {
    const dayEnd = Math.min(to, dayStart + DAY)
    if (offsetAt(dayEnd - 1) === current) continue
    for (let t = dayStart; t < dayEnd; t += QUARTER) {
      const offset = offsetAt(t)
      if (offset !== current) {
        segments.push({ from: segmentStart, to: t, offsetMs: current })
        segmentStart = t
        current = offset
      }
    }
  }
  segments.push({ from: segmentStart, to, offsetMs: current })
  return segments.filter((s) => s.to > s.from)
}
