// The Volume page: offered contacts per local interval and channel over a period, and the
// weekday × hour profile (mean contacts per hour) that shows when the work arrives.
import type { BucketSize } from '../domain/buckets.ts'
import { addDays, daysBetween, localIsoString, localTimeOf, weekdayOf } from '../domain/intervals.ts'
import { parsePeriod, type Period } from '../schemas/period.ts'
import { volumeSizes } from '../schemas/volume.ts'
import { getActuals } from './actuals.server.ts'
import { todayIn } from './clock.server.ts'
import { keptWhileUnchanged } from './kept.server.ts'
import { getOperation, listChannels } from './operation.server.ts'


interface ResolvedVolume {
  timeZone: string
  channels: Awaited<ReturnType<typeof listChannels>>
  channel: string | null
}

/**
 * The page's query from its address, for the page and its CSV alike: the period (the last 7 days
 * by default), the bucket size as written (hourly up to two weeks, daily beyond, by default) and
 * the channel (all when the address names none that exists).
 */
export async function resolveVolumeQuery(search: URLSearchParams): Promise<
  ResolvedVolume & ({ period: Period; sizeText: string; size: BucketSize } | { error: string; requested: { from: string; to: string } })
> {
  const { timeZone } = await getOperation()
  const channels = await listChannels()
  const parsed = parsePeriod(search, todayIn(timeZone))
  const channel = channels.some((c) => c.key === search.get('channel')) ? search.get('channel') : null
  if ('error' in parsed) return { timeZone, channels, channel, error: parsed.error, requested: parsed.requested }
  const period: Period = parsed.period
  const span = daysBetween(period.from, period.to) + 1
  const asked = search.get('size')
  const sizeText = (volumeSizes as readonly string[]).includes(asked ?? '') ? asked! : span <= 14 ? '60' : 'day'
  const size: BucketSize = sizeText === 'day' || sizeText === 'week' ? sizeText : (Number(sizeText) as 15 | 30 | 60)
  return { timeZone, channels, channel, period, sizeText, size }
}

/** Every bucket and channel of the period as CSV (bucket_start local ISO 8601 with its offset, channel key, offered). */
export async function volumeCsv({ from, to, size, channel, timeZone, allChannels }: VolumeQuery): Promise<string> {
  const keys = new Set(allChannels.filter((c) => !channel || c.key === channel).map((c) => c.key))
  const rows = await getActuals({ from, to: addDays(to, 1), timeZone, channel, size })
  const lines = ['bucket_start,channel,offered']
  for (const row of rows) if (keys.has(row.channel)) lines.push(`${localIsoString(Date.parse(row.start), timeZone)},${row.channel},${row.offered}`)
  return `${lines.join('\n')}\n`
}

export interface VolumeBucket {
  /** Local date and time of the bucket start: "2026-11-20", "08:00". */
  day: string
  time: string
  /** Offered per channel key. */
  offered: Record<string, number>
  total: number
}

export interface VolumeView {
  timeZone: string
  channels: Array<{ key: string; name: string }>
  buckets: VolumeBucket[]
  /** heatmap[weekday 0=Mon…6=Sun][hour 0…23]: mean contacts offered in that hour. */
  heatmap: number[][]
  total: number
}

/** The period's volume, kept until the data changes (decision 013). */
export function getVolume(query: VolumeQuery): Promise<VolumeView> {
  const { from, to, size, channel, timeZone, allChannels } = query
  const key = `volume:${JSON.stringify([from, to, size, channel, timeZone, allChannels.map((c) => [c.key, c.name])])}`
  return keptWhileUnchanged(key, () => computeVolume(query))
}

interface VolumeQuery {
  from: string
  /** Inclusive. */
  to: string
  size: BucketSize
  channel: string | null
  /** The operation's zone and channels, as the caller already read them. */
  timeZone: string
  allChannels: ReadonlyArray<{ key: string; name: string }>
}

async function computeVolume({ from, to, size, channel, timeZone, allChannels }: VolumeQuery): Promise<VolumeView> {
  const channels = allChannels.filter((c) => !channel || c.key === channel).map((c) => ({ key: c.key, name: c.name }))
  const query = { from, to: addDays(to, 1), timeZone, channel }
  const rows = await getActuals({ ...query, size })
  const buckets = new Map<string, VolumeBucket>()
  const pad = (n: number) => String(n).padStart(2, '0')
  for (const row of rows) {
    let bucket = buckets.get(row.start)
    if (!bucket) {
      const { day, minute } = localTimeOf(Date.parse(row.start), timeZone)
      bucket = { day, time: `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`, offered: {}, total: 0 }
      buckets.set(row.start, bucket)
    }
    bucket.offered[row.channel] = row.offered
    bucket.total += row.offered
  }

  // Mean per weekday and hour: the hour's contacts over every such weekday in the period.
  const hourly = size === 60 ? rows : await getActuals({ ...query, size: 60 })
  const sums = Array.from({ length: 7 }, () => new Array<number>(24).fill(0))
  for (const row of hourly) {
    const { day, minute } = localTimeOf(Date.parse(row.start), timeZone)
    sums[(weekdayOf(day) + 6) % 7]![Math.floor(minute / 60)]! += row.offered
  }
  const weekdays = new Array<number>(7).fill(0)
  for (let i = 0, days = daysBetween(from, to); i <= days; i++) weekdays[(weekdayOf(addDays(from, i)) + 6) % 7]! += 1
  const heatmap = sums.map((hours, weekday) => hours.map((sum) => (weekdays[weekday]! > 0 ? sum / weekdays[weekday]! : 0)))
  const list = [...buckets.values()]
  return { timeZone, channels, buckets: list, heatmap, total: list.reduce((s, b) => s + b.total, 0) }
}
