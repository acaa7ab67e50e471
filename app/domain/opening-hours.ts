// When a channel is staffed, per weekday: the hours agents work. Deferred work (e-mail) is
// answered only then, whatever hour it arrives; schedules (issue 7) place shifts within them.

export interface OpeningHours {
  /** Local minutes after midnight, open ≤ close ≤ 1440. */
  open: number
  close: number
}

/** Sunday … Saturday; null = closed that day. */
export type WeekHours = ReadonlyArray<OpeningHours | null>

export const ALWAYS_OPEN: WeekHours = Array.from({ length: 7 }, () => ({ open: 0, close: 1440 }))

export function checkWeekHours(hours: WeekHours): void {
  if (hours.length !== 7) throw new RangeError('opening hours need 7 days, Sunday to Saturday')
  hours.forEach((day, weekday) => {
    if (day === null) return
    if (!(Number.isInteger(day.open) && Number.isInteger(day.close) && day.open >= 0 && day.close <= 1440 && day.open < day.close)) {
      throw new RangeError(`opening hours of weekday ${weekday}: open must be before close, within the day`)
    }
  })
}

/** Parses the stored JSON (null = always open). */
export function parseWeekHours(json: string | null): WeekHours {
  if (json === null) return ALWAYS_OPEN
  const hours = JSON.parse(json) as WeekHours
  checkWeekHours(hours)
  return hours
}

/**
 * Whether [minute, minute + length) from a local weekday lies wholly within the hours: each day it
 * touches has hours covering its part, so a stretch past midnight needs the day to close at 24:00
 * and the next to open at 00:00.
 */
export function withinWeekHours(hours: WeekHours, weekday: number, minute: number, length: number): boolean {
  let from = minute
  let left = length
  for (let w = weekday; left > 0; w = (w + 1) % 7) {
    const day = hours[w]
    const to = Math.min(1440, from + left)
    if (!day || from < day.open || to > day.close) return false
    left -= to - from
    from = 0
  }
  return true
}

/** Whether an interval [minute, minute + length) of a local weekday lies within the hours. */
export function isOpen(hours: WeekHours, weekday: number, minute: number, length: number): boolean {
  const day = hours[weekday]
  return day != null && minute < day.close && minute + length > day.open
}

/** "08:00" ↔ minutes; 24:00 is the end of the day. */
export function parseClock(text: string): number | null {
  const match = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(text.trim())
  if (!match) return null
  const minutes = Number(match[1]) * 60 + Number(match[2])
  return minutes <= 1440 ? minutes : null
}

export function formatClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}

/**
 * Hours when any of several channels is open: per weekday from the earliest opening to the latest
 * closing (closed when all are). Null when any channel is always staffed (null hours).
 */
export function unionWeekHours(list: ReadonlyArray<WeekHours | null>): WeekHours | null {
  if (list.length === 0 || list.some((hours) => hours === null)) return null
  return Array.from({ length: 7 }, (_, weekday) => {
    const open = list.map((hours) => hours![weekday]).filter((day): day is OpeningHours => !!day)
    if (open.length === 0) return null
    return { open: Math.min(...open.map((d) => d.open)), close: Math.max(...open.map((d) => d.close)) }
  })
}
