import { describe, expect, it } from 'vitest'
import {
  INTERVAL_MS,
  addDays,
  daysBetween,
  spanOf,
  localDateOf,
  localDays,
  localInstant,
  localMinuteOfDay,
  parseLocalDate,
  startOfLocalDay,
  weekdayOf,
} from '../../app/domain/intervals.ts'

describe('calendar dates', () => {
  it('adds days across months and leap years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(daysBetween('2026-08-25', '2026-11-24')).toBe(91)
  })

  it('knows the weekday (2026-11-24 is a Tuesday)', () => {
    expect(weekdayOf('2026-11-24')).toBe(2)
    expect(weekdayOf('2026-11-22')).toBe(0)
  })

  it('refuses malformed and impossible dates', () => {
    expect(() => parseLocalDate('2026-02-30')).toThrow(/no such date/)
    expect(() => parseLocalDate('24/11/2026')).toThrow(/YYYY-MM-DD/)
  })
})

describe('local days in a time zone', () => {
  it('puts São Paulo midnight at 03:00 UTC (UTC−3, no DST since 2019)', () => {
    expect(new Date(startOfLocalDay('2026-11-24', 'America/Sao_Paulo')).toISOString()).toBe('2026-11-24T03:00:00.000Z')
  })

  it('gives 23- and 25-hour days at DST changes', () => {
    // Brazil's last DST began on 2018-11-04 at 00:00 (clocks jumped to 01:00, UTC−2): a 23-hour
    // day whose first minute is 01:00 local = 03:00 UTC.
    const [spring] = localDays('2018-11-04', '2018-11-04', 'America/Sao_Paulo')
    expect((spring!.end - spring!.start) / 3_600_000).toBe(23)
    expect(new Date(spring!.start).toISOString()).toBe('2018-11-04T03:00:00.000Z')
    // New York fell back on 2026-11-01: a 25-hour day.
    const [fall] = localDays('2026-11-01', '2026-11-01', 'America/New_York')
    expect((fall!.end - fall!.start) / 3_600_000).toBe(25)
  })

  it('chains days without gaps or overlaps', () => {
    const days = localDays('2026-10-20', '2026-11-10', 'America/New_York')
    expect(days).toHaveLength(22)
    for (let i = 1; i < days.length; i++) expect(days[i]!.start).toBe(days[i - 1]!.end)
    expect(localDays('2026-11-10', '2026-11-09', 'UTC')).toEqual([])
  })

  it('reads the local date and wall-clock minute of an instant', () => {
    const instant = Date.parse('2026-11-24T02:59:00Z') // 23:59 on the 23rd in São Paulo
    expect(localDateOf(instant, 'America/Sao_Paulo')).toBe('2026-11-23')
    expect(localMinuteOfDay(instant, 'America/Sao_Paulo')).toBe(23 * 60 + 59)
    expect(localMinuteOfDay(instant, 'Asia/Kathmandu')).toBe(8 * 60 + 44) // UTC+5:45
  })

  it('has UTC 15-minute intervals that are local 15-minute intervals, even at UTC+5:45', () => {
    const start = Date.parse('2026-11-24T13:45:00Z')
    expect(start % INTERVAL_MS).toBe(0)
    expect(localMinuteOfDay(start, 'Asia/Kathmandu') % 15).toBe(0)
    expect(localMinuteOfDay(start, 'Asia/Kolkata') % 15).toBe(0)
  })
})

describe('local wall-clock instants', () => {
  it('reads a local time on a day, also on the day clocks went forward (São Paulo, 2018-11-04, 00:00 → 01:00)', () => {
    expect(new Date(localInstant('2026-11-30', 8 * 60, 'America/Sao_Paulo')).toISOString()).toBe('2026-11-30T11:00:00.000Z')
    expect(new Date(localInstant('2018-11-04', 10 * 60, 'America/Sao_Paulo')).toISOString()).toBe('2018-11-04T12:00:00.000Z')
    // 00:30 did not exist that night: it moves forward by the gap.
    expect(localMinuteOfDay(localInstant('2018-11-04', 30, 'America/Sao_Paulo'), 'America/Sao_Paulo')).toBe(90)
    expect(new Date(localInstant('2026-03-08', 10 * 60, 'America/New_York')).toISOString()).toBe('2026-03-08T14:00:00.000Z')
  })
})

describe('the span of periods', () => {
  it('runs from the earliest first day to the latest last, and is null for none', () => {
    expect(spanOf([])).toBeNull()
    expect(
      spanOf([
        { from: '2026-03-01', to: '2026-03-10' },
        { from: '2003-03-03', to: '2003-10-24' },
        { from: '2026-01-05', to: '2026-12-06' },
      ]),
    ).toEqual({ from: '2003-03-03', to: '2026-12-06' })
  })
})
