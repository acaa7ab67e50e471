// `wfm staff`: the staffing plan, one JSON line per interval and channel, from a saved forecast
// or from a forecast CSV (interval_start,channel,offered,aht_seconds) with the channels' targets
// taken from the database.
import type { ChannelTargets } from '../domain/channel.ts'
import type { IntervalRow } from '../domain/import/rows.ts'
import { localDateOf, localMinuteOfDay, weekdayOf } from '../domain/intervals.ts'
import { roundTo } from '../utils/format.ts'
import { planChannel, type PlanInterval, type PlannedInterval } from '../domain/staffing-plan.ts'

export interface StaffLine {
  start: string
  channel: string
  offered: number
  aht: number | null
  agents: number
  agentsFractional: number
  scheduled: number
  scheduledFractional: number
  serviceLevel: number | null
  asa: number | null
  occupancy: number | null
  abandonRate: number | null
  backlog: number | null
}

const round = (x: number | null, digits: number) => (x === null ? null : roundTo(x, digits))

export function staffLine(start: number, channel: string, p: PlannedInterval): StaffLine {
  return {
    start: new Date(start).toISOString(),
    channel,
    offered: round(p.offered, 3)!,
    aht: p.offered > 0 || p.ahtSec > 0 ? round(p.ahtSec, 1) : null,
    agents: p.agents,
    agentsFractional: round(p.agentsFractional, 4)!,
    scheduled: p.scheduled,
    scheduledFractional: round(p.scheduledFractional, 4)!,
    serviceLevel: round(p.serviceLevel, 6),
    asa: round(p.asa, 2),
    occupancy: round(p.occupancy, 6),
    abandonRate: round(p.abandonRate, 6),
    backlog: round(p.backlog, 3),
  }
}

export class UnknownChannels extends Error {}

/**
 * Plans forecast rows read from a CSV. Each channel's intervals run contiguously from its first to
 * its last start (missing ones offer nothing), `intervalSec` apart: given, or the smallest gap
 * between starts; a start off that grid is refused (its volume would be lost).
 */
export function staffFromRows(
  rows: readonly IntervalRow[],
  channels: ReadonlyArray<ChannelTargets & { key: string; name: string }>,
  options: { timeZone: string; intervalSec?: number },
): StaffLine[] {
  const find = (name: string) =>
    channels.find((c) => c.key.toLowerCase() === name.toLowerCase() || c.name.toLowerCase() === name.toLowerCase())
  const unknown = [...new Set(rows.map((r) => r.channel).filter((name) => !find(name)))]
  if (unknown.length > 0) {
    throw new UnknownChannels(
      `unknown channel(s): ${unknown.join(', ')} (the database has: ${channels.map((c) => c.key).join(', ') || 'none'})`,
    )
  }
  const starts = [...new Set(rows.map((r) => r.start))].sort((a, b) => a - b)
  let intervalSec = options.intervalSec
  if (intervalSec === undefined) {
    let gap = Infinity
    for (let i = 1; i < starts.length; i++) gap = Math.min(gap, starts[i]! - starts[i - 1]!)
    intervalSec = Number.isFinite(gap) ? gap / 1000 : 1800
  }
  const stepMs = intervalSec * 1000
  const lines: StaffLine[] = []
  const byChannel = new Map<string, IntervalRow[]>()
  for (const row of rows) {
    const key = find(row.channel)!.key
    let list = byChannel.get(key)
    if (!list) byChannel.set(key, (list = []))
    list.push(row)
  }
  for (const [key, list] of byChannel) {
    const channel = find(key)!
    const at = new Map(list.map((r) => [r.start, r]))
    const first = list.reduce((min, r) => Math.min(min, r.start), Infinity)
    const last = list.reduce((max, r) => Math.max(max, r.start), -Infinity)
    const offGrid = list.find((r) => (r.start - first) % stepMs !== 0)
    if (offGrid) {
      throw new RangeError(
        `${channel.key} at ${new Date(offGrid.start).toISOString()} is not on the ${intervalSec}-second grid of its first interval`,
      )
    }
    const intervals: PlanInterval[] = []
    for (let t = first; t <= last; t += stepMs) {
      const row = at.get(t)
      const day = localDateOf(t, options.timeZone)
      intervals.push({
        start: t,
        day,
        weekday: weekdayOf(day),
        minute: localMinuteOfDay(t, options.timeZone),
        offered: row?.offered ?? 0,
        ahtSec: row?.ahtSec ?? null,
      })
    }
    planChannel(channel, intervals, { intervalSec }).forEach((p) => lines.push(staffLine(p.start, channel.key, p)))
  }
  return lines.sort((a, b) => a.start.localeCompare(b.start))
}
