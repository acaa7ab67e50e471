// `wfm forecast`: forecasts from an interval CSV alone (no database), one JSON line per forecast
// interval and channel, in time order. Days with missing or incomplete rows (gaps) and the days
// the user names are left out of training and backtests, not read as zero contacts.
import { forecastChannel, type MethodRequest } from '../domain/forecast/forecast.ts'
import { gapsBeyond, type HistoryGap } from '../domain/forecast/gaps.ts'
import { presentSlots, slotInstants, type ForecastInterval } from '../domain/forecast/grid.ts'
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
  /** History days to leave out besides the gaps found (local dates). */
  skipDays?: readonly string[]
}

export interface CliForecastLine {
  start: string
  channel: string
  offered: number
  aht: number | null
}

export interface CliForecast {
  lines: CliForecastLine[]
  /** Gaps found per channel, left out of training. */
  gaps: { channel: string; gap: HistoryGap }[]
}

export function forecastFromRows(rows: readonly IntervalRow[], options: CliForecastOptions): CliForecast {
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
  const skipDays = options.skipDays ?? []
  const slots = slotInstants(options.start, options.horizonDays, options.timeZone, options.minutes)
  const gaps: CliForecast['gaps'] = []
  const perChannel = [...byChannel.values()].map(({ name, records }) => {
    const history = channelHistory(records, from, to, options.timeZone, options.minutes)
    const present = presentSlots(records.map((r) => r.start), from, history.volume.days, options.timeZone, options.minutes)
    const found = gapsBeyond(history.volume, skipDays, { present })
    for (const gap of found) gaps.push({ channel: name, gap })
    const unknownDays = [...skipDays, ...found.map((g) => g.date)]
    return { name, forecast: forecastChannel(history.volume, history.handle, { horizonDays: options.horizonDays, method: options.method, unknownDays }) }
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
  return { lines, gaps }
}

/** One stderr line per gap: what was left out and why. */
export function gapLine({ channel, gap }: CliForecast['gaps'][number]): string {
  return `${channel}: ${gap.date} left out (${gap.kind}: ${Math.round(gap.total)} contacts, usually ${Math.round(gap.usual)})`
}
