// The Volume page: offered contacts per local interval and channel over a period, and the
// weekday × hour profile (mean contacts per hour) that shows when the work arrives.
import { TZDate } from '@date-fns/tz'
import type { BucketSize } from '../domain/buckets.ts'
import { addDays, localDays } from '../domain/intervals.ts'
import { getActuals } from './actuals.server.ts'

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

export async function getVolume({
  from,
  to,
  size,
  channel,
  timeZone,
  allChannels,
}: {
  from: string
  /** Inclusive. */
  to: string
  size: BucketSize
  channel: string | null
  /** The operation's zone and channels, as the caller already read them. */
  timeZone: string
  allChannels: ReadonlyArray<{ key: string; name: string }>
}): Promise<VolumeView> {
  const channels = allChannels.filter((c) => !channel || c.key === channel).map((c) => ({ key: c.key, name: c.name }))
  const query = { from, to: addDays(to, 1), timeZone, channel }
  const rows = await getActuals({ ...query, size })
  const buckets = new Map<string, VolumeBucket>()
  for (const row of rows) {
    let bucket = buckets.get(row.start)
    if (!bucket) {
      const local = new TZDate(Date.parse(row.start), timeZone)
      const pad = (n: number) => String(n).padStart(2, '0')
      bucket = {
        day: `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`,
        time: `${pad(local.getHours())}:${pad(local.getMinutes())}`,
        offered: {},
        total: 0,
      }
      buckets.set(row.start, bucket)
    }
    bucket.offered[row.channel] = row.offered
    bucket.total += row.offered
  }

  // Mean per weekday and hour: the hour's contacts over every such weekday in the period.
  const hourly = size === 60 ? rows : await getActuals({ ...query, size: 60 })
  const sums = Array.from({ length: 7 }, () => new Array<number>(24).fill(0))
  for (const row of hourly) {
    const local = new TZDate(Date.parse(row.start), timeZone)
    sums[(local.getDay() + 6) % 7]![local.getHours()]! += row.offered
  }
  const weekdays = new Array<number>(7).fill(0)
  for (const day of localDays(from, to, timeZone)) weekdays[(new TZDate(day.start, timeZone).getDay() + 6) % 7]! += 1
  const heatmap = sums.map((hours, weekday) => hours.map((sum) => (weekdays[weekday]! > 0 ? sum / weekdays[weekday]! : 0)))
  const list = [...buckets.values()]
  return { timeZone, channels, buckets: list, heatmap, total: list.reduce((s, b) => s + b.total, 0) }
}
