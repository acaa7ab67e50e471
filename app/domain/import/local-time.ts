// Local date-times from exports ("2026-11-24 08:15[:30]", "T" optional, UTC offset optional) to
// UTC instants. Without an offset the time is read in the import's IANA zone: a time that the
// clocks skipped (DST gap) is refused, and a time that happened twice (DST overlap) is the first
// of the two — unless the row before it (of the same series, e.g. channel) already reached that
// first one: then the clock went back, and this is the second pass (interval exports list the
// repeated hour twice, in order). Zone look-ups are cached per local
// quarter hour (every zone changes offset on a quarter hour), so a million rows cost a few
// thousand look-ups.
import { addDays, isLocalDate, parseLocalDate, startOfLocalDay, zoneOffsetMs } from '../intervals.ts'

const pattern = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i

const QUARTER_MS = 900_000
const MINUTE_MS = 60_000

export type LocalTimeResult =
  | { ok: true; instant: number }
  | { ok: false; code: 'notDateTime' | 'invalidDateTime' | 'noSuchDate' | 'notOffset' | 'dstGap'; value: string }

/** UTC offsets (ms) valid for local times in the quarter hour starting at `localQuarter`. */
function offsetsFor(localQuarter: number, timeZone: string): number[] {
  // Offsets in force a day before and after cover both sides of any transition nearby.
  const candidates = new Set<number>()
  for (const probe of [localQuarter - 86_400_000, localQuarter, localQuarter + 86_400_000]) {
    candidates.add(zoneOffsetMs(probe, timeZone))
  }
  const valid: number[] = []
  for (const offset of candidates) {
    // A reading is valid when the zone really has that offset at the instant it gives.
    if (zoneOffsetMs(localQuarter - offset, timeZone) === offset) valid.push(offset)
  }
  // Larger offset = earlier instant: the first occurrence comes first.
  return valid.sort((a, b) => b - a)
}

export class LocalTimeReader {
  readonly #timeZone: string
  readonly #cache = new Map<number, number[]>()

  constructor(timeZone: string) {
    this.#timeZone = timeZone
  }

  get timeZone(): string {
    return this.#timeZone
  }

  /**
   * `previous`: the instant of the series' row before this one, if any. `repeats`: whether the
   * same wall time twice means the second pass (interval rows, unique per channel) or not
   * (contacts, many per minute).
   */
  read(text: string, previous?: number, repeats = false): LocalTimeResult {
    const match = pattern.exec(text.trim())
    if (!match) return { ok: false, code: 'notDateTime', value: text }
    const [, y, mo, d, h, mi, s, fraction, zone] = match
    const year = Number(y)
    if (year < 1900) return { ok: false, code: 'invalidDateTime', value: text }
    const month = Number(mo)
    const day = Number(d)
    const hour = Number(h)
    const minute = Number(mi)
    const second = s === undefined ? 0 : Number(s)
    if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) {
      return { ok: false, code: 'invalidDateTime', value: text }
    }
    const wall = Date.UTC(year, month - 1, day, hour, minute, second, fraction ? Math.floor(Number(`0.${fraction}`) * 1000) : 0)
    if (new Date(wall).getUTCDate() !== day) return { ok: false, code: 'noSuchDate', value: `${y}-${mo}-${d}` }
    if (zone !== undefined) {
      if (zone.toUpperCase() === 'Z') return { ok: true, instant: wall }
      const sign = zone.startsWith('-') ? -1 : 1
      const digits = zone.slice(1).replace(':', '')
      const minutes = Number(digits.slice(2) || '0')
      const offsetMinutes = Number(digits.slice(0, 2)) * 60 + minutes
      if (offsetMinutes > 14 * 60 || minutes > 59) return { ok: false, code: 'notOffset', value: zone }
      return { ok: true, instant: wall - sign * offsetMinutes * MINUTE_MS }
    }
    const quarter = wall - (((wall % QUARTER_MS) + QUARTER_MS) % QUARTER_MS)
    let offsets = this.#cache.get(quarter)
    if (offsets === undefined) {
      offsets = offsetsFor(quarter, this.#timeZone)
      this.#cache.set(quarter, offsets)
    }
    if (offsets.length === 0) {
      return { ok: false, code: 'dstGap', value: text.trim() }
    }
    const first = wall - offsets[0]!
    if (offsets.length > 1 && previous !== undefined && (repeats ? previous >= first : previous > first)) {
      return { ok: true, instant: wall - offsets[1]! }
    }
    return { ok: true, instant: first }
  }
}

/** The local dates an import accepts, both included. */
export interface ImportDates {
  earliest: string
  latest: string
}

/** Those dates as instants in a zone: [from, until). */
export interface DateWindow extends ImportDates {
  from: number
  until: number
}

/**
 * From `earliest` to `yearsAhead` years after `today`, the same month and day (29 February → 28
 * February). The service chooses the values (IMPORT_EARLIEST_DATE, IMPORT_YEARS_AHEAD, today).
 */
export function acceptedDates(earliest: string, today: string, yearsAhead: number): ImportDates {
  const { year, month, date } = parseLocalDate(today)
  const pad = (n: number) => String(n).padStart(2, '0')
  const latest = `${year + yearsAhead}-${pad(month)}-${pad(date)}`
  return { earliest, latest: isLocalDate(latest) ? latest : `${year + yearsAhead}-${pad(month)}-28` }
}

export function dateWindow(dates: ImportDates, timeZone: string): DateWindow {
  return { ...dates, from: startOfLocalDay(dates.earliest, timeZone), until: startOfLocalDay(addDays(dates.latest, 1), timeZone) }
}
