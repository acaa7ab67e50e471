// A long period's volume drawn at the resolution the chart has room for: a bar a pixel or two wide
// is unreadable, and recharts draws 8,736 stacked 15-minute bars of 13 weeks × 4 channels in
// seconds. The buckets are summed into the smallest step, from the period's own up to a week,
// that gives at most `maxBars` bars; the table and the CSV keep every bucket.
import { addDays, weekdayOf } from './intervals.ts'

export type ChartStep = 15 | 30 | 60 | 120 | 240 | 'day' | 'week'

const steps: readonly ChartStep[] = [15, 30, 60, 120, 240, 'day', 'week']

/** About a bar per two pixels of a wide screen's chart. */
export const MAX_CHART_BARS = 800

export interface VolumeBar {
  /** The local day the bar starts; for a week, its Monday. */
  day: string
  /** Its local wall-clock start, "HH:mm", for steps within a day; null for days and weeks. */
  time: string | null
  offered: Record<string, number>
  total: number
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))
const clock = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`

/** The start of the bar holding a bucket (day and time) at `step`. */
function barOf(day: string, time: string, step: ChartStep): { day: string; time: string | null } {
  if (step === 'day') return { day, time: null }
  if (step === 'week') return { day: addDays(day, -((weekdayOf(day) + 6) % 7)), time: null }
  return { day, time: clock(Math.floor(minutesOf(time) / step) * step) }
}

/** The buckets summed into bars of `step` (per channel and in total), in order. */
export function barsOf(buckets: ReadonlyArray<{ day: string; time: string; offered: Record<string, number> }>, step: ChartStep): VolumeBar[] {
  const bars = new Map<string, VolumeBar>()
  for (const bucket of buckets) {
    const start = barOf(bucket.day, bucket.time, step)
    const key = `${start.day} ${start.time ?? ''}`
    let bar = bars.get(key)
    if (!bar) bars.set(key, (bar = { ...start, offered: {}, total: 0 }))
    for (const [channel, offered] of Object.entries(bucket.offered)) {
      bar.offered[channel] = (bar.offered[channel] ?? 0) + offered
      bar.total += offered
    }
  }
  return [...bars.values()]
}

/**
 * The smallest step from `size` (the buckets' own: minutes, 'day' or 'week') that gives at most
 * `maxBars` bars, and those bars; a week when even weeks are too many.
 */
export function chartBars(
  buckets: ReadonlyArray<{ day: string; time: string; offered: Record<string, number> }>,
  size: 15 | 30 | 60 | 'day' | 'week',
  maxBars = MAX_CHART_BARS,
): { step: ChartStep; bars: VolumeBar[] } {
  const candidates = steps.slice(steps.indexOf(size))
  for (const step of candidates) {
    const bars = barsOf(buckets, step)
    if (bars.length <= maxBars || step === 'week') return { step, bars }
  }
  throw new Error('unreachable: the last step is a week')
}
