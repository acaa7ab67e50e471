// The tabled zone offsets (app/domain/intervals.ts) against Intl itself, through @date-fns/tz's
// TZDate, the reference every page used before: random instants over three decades in zones with
// DST in either hemisphere, half-hour and 45-minute offsets, a 30-minute DST and a skipped day,
// and every minute around each offset change.
import { TZDate, tzOffset } from '@date-fns/tz'
import { format } from 'date-fns'
import { describe, expect, it } from 'vitest'
import { localDateOf, localIsoString, localMinuteOfDay, localTimeOf, zoneOffsetMs } from '../../app/domain/intervals.ts'
import { Random } from '../../app/domain/random.ts'

const zones = [
  'America/Sao_Paulo', // DST until 2019, starting at midnight (00:00 → 01:00)
  'America/New_York',
  'Europe/London', // UTC in winter: an offset of 0
  'Australia/Lord_Howe', // a 30-minute DST
  'Asia/Kathmandu', // +05:45
  'America/St_Johns', // −03:30 / −02:30
  'Pacific/Apia', // skipped 30 December 2011 (−10 → +14)
  'Africa/Casablanca', // DST suspended for Ramadan: four changes some years
  'UTC',
]

const reference = (instant: number, timeZone: string) => {
  const local = new TZDate(instant, timeZone)
  return {
    day: format(local, 'yyyy-MM-dd'),
    minute: local.getHours() * 60 + local.getMinutes(),
    iso: format(local, "yyyy-MM-dd'T'HH:mm:ssXXX"),
    offset: tzOffset(timeZone, new Date(instant)) * 60_000,
  }
}

const ours = (instant: number, timeZone: string) => ({
  day: localDateOf(instant, timeZone),
  minute: localMinuteOfDay(instant, timeZone),
  iso: localIsoString(instant, timeZone),
  offset: zoneOffsetMs(instant, timeZone),
})

describe('zone offsets tabled per year', () => {
  it('give the local date, minute, ISO text and offset Intl gives, for 2,000 random instants per zone, 2003–2031', () => {
    const random = new Random(20)
    const from = Date.UTC(2003, 0, 1)
    const to = Date.UTC(2032, 0, 1)
    for (const zone of zones) {
      for (let i = 0; i < 2000; i++) {
        // Whole seconds, as instants in the data are.
        const instant = Math.floor((from + random.uniform() * (to - from)) / 1000) * 1000
        expect(ours(instant, zone), `${zone} ${new Date(instant).toISOString()}`).toEqual(reference(instant, zone))
      }
    }
  }, 60_000)

  it('agree with Intl at every minute from two hours before to two hours after each offset change', () => {
    let changes = 0
    for (const zone of zones) {
      for (let year = 2003; year <= 2031; year++) {
        // Offset changes found by the reference alone: day by day, then hour by hour in a day that changes.
        for (let day = Date.UTC(year, 0, 1); day < Date.UTC(year + 1, 0, 1); day += 86_400_000) {
          if (tzOffset(zone, new Date(day)) === tzOffset(zone, new Date(day + 86_400_000))) continue
          for (let t = day; t < day + 86_400_000; t += 3_600_000) {
            if (tzOffset(zone, new Date(t)) === tzOffset(zone, new Date(t + 3_600_000))) continue
            changes++
            for (let m = t - 2 * 3_600_000; m <= t + 3 * 3_600_000; m += 60_000) {
              expect(ours(m, zone), `${zone} ${new Date(m).toISOString()}`).toEqual(reference(m, zone))
            }
          }
        }
      }
    }
    expect(changes).toBeGreaterThan(300)
  }, 60_000)

  it('reads the skipped day and the hour of a 23-hour day as Intl does', () => {
    // Apia: 29 December 2011 23:59 (−10) was followed by 31 December 00:00 (+14).
    const before = Date.UTC(2011, 11, 30, 9, 59)
    expect(localTimeOf(before, 'Pacific/Apia')).toEqual({ day: '2011-12-29', minute: 23 * 60 + 59 })
    expect(localTimeOf(before + 60_000, 'Pacific/Apia')).toEqual({ day: '2011-12-31', minute: 0 })
    // São Paulo, 4 November 2018: midnight did not exist, 00:00 −03 was 01:00 −02.
    expect(localTimeOf(Date.UTC(2018, 10, 4, 3, 0), 'America/Sao_Paulo')).toEqual({ day: '2018-11-04', minute: 60 })
    expect(localIsoString(Date.UTC(2018, 10, 4, 3, 0), 'America/Sao_Paulo')).toBe('2018-11-04T01:00:00-02:00')
    expect(localIsoString(Date.UTC(2026, 0, 1), 'Europe/London')).toBe('2026-01-01T00:00:00Z')
    expect(localIsoString(Date.UTC(2026, 0, 1), 'Asia/Kathmandu')).toBe('2026-01-01T05:45:00+05:45')
  })

  it('refuses an instant that is not a number and a zone that does not exist', () => {
    expect(() => localDateOf(Number.NaN, 'America/Sao_Paulo')).toThrow(RangeError)
    expect(() => localMinuteOfDay(Number.POSITIVE_INFINITY, 'America/Sao_Paulo')).toThrow(RangeError)
    expect(() => localDateOf(0, 'Mars/Olympus_Mons')).toThrow(RangeError)
  })
})
