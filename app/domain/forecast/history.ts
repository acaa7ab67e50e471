// A channel's history as the methods want it, from interval records (the database's 15-minute
// aggregates or an interval CSV): offered volume, and handle seconds with the contacts handled
// where the source has them.
import type { HandleHistory } from './aht.ts'
import { seriesFromIntervals, type ForecastInterval } from './grid.ts'
import type { DaySeries } from './series.ts'
import { daysBetween } from '../intervals.ts'

export interface HistoryRecord {
  start: number
  offered: number
  /** Handle seconds and contacts handled; null when the source has no handle times. */
  handleSec: number | null
  handled: number | null
}

export interface ChannelHistory {
  volume: DaySeries
  /** Null when no record carried handle times. */
  handle: HandleHistory | null
}

/** Local days [from, to] inclusive, at the forecast interval. */
export function channelHistory(
  records: readonly HistoryRecord[],
  from: string,
  to: string,
  timeZone: string,
  minutes: ForecastInterval,
): ChannelHistory {
  const days = daysBetween(from, to) + 1
  const volume = seriesFromIntervals(
    records.map((r) => ({ start: r.start, value: r.offered })),
    from,
    days,
    timeZone,
    minutes,
  )
  const timed = records.filter((r) => r.handleSec !== null && r.handled !== null)
  if (timed.length === 0) return { volume, handle: null }
  return {
    volume,
    handle: {
      handleSec: seriesFromIntervals(
        timed.map((r) => ({ start: r.start, value: r.handleSec! })),
        from,
        days,
        timeZone,
        minutes,
      ),
      handled: seriesFromIntervals(
        timed.map((r) => ({ start: r.start, value: r.handled! })),
        from,
        days,
        timeZone,
        minutes,
      ),
    },
  }
}
