// `wfm forecast`: forecasts from an interval CSV alone (no database), one JSON line per forecast
// interval and channel, in time order.
import { forecastChannel, type MethodRequest } from '../domain/forecast/forecast.ts'
import { slotInstants, type ForecastInterval } from '../domain/forecast/grid.ts'
import { channelHistory, type HistoryRecord } from '../domain/forecast/history.ts'
import type { IntervalRow } from '../domain/import/rows.ts'
import { addDays, localDateOf } from '../domain/intervals.ts'
import { roundTo } from '../utils/format.ts'

export interface CliForecastOptions {
  /** First forecast day (local); history is every row before it. */
  start: string
  horizonDays: number
  minutes: ForecastInterval
  timeZone: string
  method: MethodRequest
}

export interface CliForecastLine {
  start: string
  channel: string
  offered: number
  aht: number | null
}

export function forecastFromRows(rows: readonly IntervalRow[], options: CliForecastOptions): CliForecastLine[] {
  const byChannel = new Map<string, { name: string; records: HistoryRecord[] }>()
  let firstStart = Infinity
  for (const row of rows) {
    const key = row.channel.toLowerCase()
    let channel = byChannel.get(key)
    if (!channel) byChannel.set(key, (channel = { name: row.channel, records: [] }))
    // Handle seconds need the contacts handled: answered when given, else offered.
    const handled = row.answered ?? row.offered
    channel.records.push({
      start: row.start,
      offered: row.offered ?? 0,
      handleSec: row.ahtSec !== null && handled !== null ? row.ahtSec * handled : null,
      handled: row.ahtSec !== null ? handled : null,
    })
    firstStart = Math.min(firstStart, row.start)
  }
  if (byChannel.size === 0) throw new RangeError('the history file has no rows')
  const from = localDateOf(firstStart, options.timeZone)
  const to = addDays(options.start, -1)
  if (from > to) throw new RangeError(`the history starts on ${from}, not before --start ${options.start}`)
  const slots = slotInstants(options.start, options.horizonDays, options.timeZone, options.minutes)
  const perChannel = [...byChannel.values()].map(({ name, records }) => {
    const history = channelHistory(records, from, to, options.timeZone, options.minutes)
    return { name, forecast: forecastChannel(history.volume, history.handle, { horizonDays: options.horizonDays, method: options.method }) }
  })
  const lines: CliForecastLine[] = []
  for (const slot of slots) {
    for (const { name, forecast } of perChannel) {
      const i = slot.day * forecast.slotsPerDay + slot.slot
      const aht = forecast.aht[i]!
      lines.push({
        start: new Date(slot.start).toISOString(),
        channel: name,
        offered: roundTo(forecast.offered[i]! * slot.share, 3),
        aht: Number.isNaN(aht) ? null : roundTo(aht, 1),
      })
    }
  }
  return lines
}
