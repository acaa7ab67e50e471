// Gaps in each channel's history, for the Data page: days inside its data without their rows (or
// with rows missing where that weekday always has volume, or far below the usual) — what a
// forecast leaves out of training by itself, listed so the analyst can see and tag them.
import { gapsBeyond, type HistoryGap } from '../domain/forecast/gaps.ts'
import { presentSlots } from '../domain/forecast/grid.ts'
import { channelHistory } from '../domain/forecast/history.ts'
import { addDays, daysBetween, startOfLocalDay } from '../domain/intervals.ts'
import { channelDataRanges, readHistory } from './forecast.server.ts'
import { keptWhileUnchanged } from './kept.server.ts'
import { listChannels } from './operation.server.ts'
import { listSpecialDays } from './special-days.server.ts'

export interface ChannelGaps {
  channelId: number
  name: string
  /** The days judged: the last year of the channel's data (all of it when less). */
  from: string
  to: string
  gaps: HistoryGap[]
}

/** Days judged per channel: a forecast's history is at most this long by default. */
const DAYS = 365

/** Each channel's gaps over the last year of its data, tagged special days set aside. */
export function listHistoryGaps(timeZone: string): Promise<ChannelGaps[]> {
  return keptWhileUnchanged(`history-gaps:${timeZone}`, async () => {
    const [channels, specialDays] = await Promise.all([listChannels(), listSpecialDays()])
    const ranges = await channelDataRanges(timeZone)
    const tagged = specialDays.map((d) => d.date)
    const out: ChannelGaps[] = []
    for (const channel of channels) {
      const range = ranges.get(channel.id)
      if (!range) continue
      const from = daysBetween(range.from, range.to) >= DAYS ? addDays(range.to, 1 - DAYS) : range.from
      const records = (await readHistory([channel.id], startOfLocalDay(from, timeZone), startOfLocalDay(addDays(range.to, 1), timeZone))).get(channel.id)!
      const { volume } = channelHistory(records, from, range.to, timeZone, 15)
      const present = presentSlots(records.map((r) => r.start), from, volume.days, timeZone, 15)
      out.push({ channelId: channel.id, name: channel.name, from, to: range.to, gaps: gapsBeyond(volume, tagged, { present }) })
    }
    return out
  })
}
