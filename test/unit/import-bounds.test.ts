// The bounds of an import row: its date-time within the dates accepted, counts and durations
// within what an operation can produce. Edges exact, today given (never the calendar's).
import { describe, expect, it } from 'vitest'
import { acceptedDates, dateWindow, LocalTimeReader } from '../../app/domain/import/local-time.ts'
import { readContactRow, readIntervalRow } from '../../app/domain/import/rows.ts'

const ZONE = 'America/Sao_Paulo'
// As of Wednesday 2026-11-25: 1990-01-01 to 2031-11-25, both whole days.
const window = dateWindow(acceptedDates('1990-01-01', '2026-11-25', 5), ZONE)

const intervalColumns = ['interval_start', 'channel', 'offered', 'answered', 'abandoned', 'answered_within_threshold', 'aht_seconds', 'asa_seconds', 'agents_staffed']
const intervalMapping = Object.fromEntries(intervalColumns.map((c, i) => [c, i]))
const contactColumns = ['contact_id', 'channel', 'arrived_at', 'outcome', 'wait_seconds', 'handle_seconds', 'agent', 'queue', 'fcr', 'nps']
const contactMapping = Object.fromEntries(contactColumns.map((c, i) => [c, i]))

/** An interval row with some cells given; the refusal's English sentence, or 'ok'. */
function interval(cells: Partial<Record<string, string>>): string {
  const record = intervalColumns.map((c) => cells[c] ?? { interval_start: '2026-11-20 08:00', channel: 'Voz' }[c] ?? '')
  const result = readIntervalRow(record, intervalMapping, new LocalTimeReader(ZONE), window)
  return result.ok ? 'ok' : result.problem.message
}

function contact(cells: Partial<Record<string, string>>): string {
  const defaults: Record<string, string> = { contact_id: 'A1', channel: 'E-mail', arrived_at: '2026-11-20 08:00', outcome: 'answered', wait_seconds: '30', handle_seconds: '300' }
  const record = contactColumns.map((c) => cells[c] ?? defaults[c] ?? '')
  const result = readContactRow(record, contactMapping, new LocalTimeReader(ZONE), window)
  return result.ok ? 'ok' : result.problem.message
}

const DAY = 86_400
const digits400 = '7'.repeat(400)

describe('the dates accepted', () => {
  it('run from the earliest date to the same day so many years after today', () => {
    expect(acceptedDates('1990-01-01', '2026-11-25', 5)).toEqual({ earliest: '1990-01-01', latest: '2031-11-25' })
    expect(acceptedDates('2000-06-30', '2028-02-29', 5)).toEqual({ earliest: '2000-06-30', latest: '2033-02-28' })
    expect(acceptedDates('1990-01-01', '2028-02-29', 4)).toEqual({ earliest: '1990-01-01', latest: '2032-02-29' })
  })

  it('are instants in the zone: São Paulo was on summer time (UTC−2) on 1 January 1990', () => {
    expect(new Date(window.from).toISOString()).toBe('1990-01-01T02:00:00.000Z')
    expect(new Date(window.until).toISOString()).toBe('2031-11-26T03:00:00.000Z')
  })

  it('take the first interval of 1990-01-01 and refuse the one before', () => {
    expect(interval({ interval_start: '1990-01-01 00:00', offered: '5' })).toBe('ok')
    expect(interval({ interval_start: '1989-12-31 23:45', offered: '5' })).toBe(
      'interval_start: 1989-12-31 23:45 is outside the dates accepted, 1990-01-01 to 2031-11-25',
    )
  })

  it('take the last interval of the day five years ahead and refuse the next', () => {
    expect(interval({ interval_start: '2031-11-25 23:45', offered: '5' })).toBe('ok')
    expect(interval({ interval_start: '2031-11-26 00:00', offered: '5' })).toMatch(/^interval_start: 2031-11-26 00:00 is outside/)
  })

  it('hold for contacts to the second, and for times with an offset', () => {
    expect(contact({ arrived_at: '1990-01-01 00:00:00' })).toBe('ok')
    expect(contact({ arrived_at: '1989-12-31 23:59:59' })).toMatch(/^arrived_at: 1989-12-31 23:59:59 is outside the dates accepted/)
    expect(contact({ arrived_at: '2031-11-25 23:59:59' })).toBe('ok')
    expect(contact({ arrived_at: '2031-11-26T02:59:59Z' })).toBe('ok') // 23:59:59 in São Paulo
    expect(contact({ arrived_at: '2031-11-26T03:00:00Z' })).toMatch(/is outside the dates accepted/)
    expect(contact({ arrived_at: '9999-12-31 12:00' })).toBe('arrived_at: 9999-12-31 12:00 is outside the dates accepted, 1990-01-01 to 2031-11-25')
    expect(contact({ arrived_at: '1900-01-01 12:00' })).toMatch(/is outside the dates accepted/)
  })
})

describe('counts per interval', () => {
  it.each(['offered', 'answered', 'abandoned', 'answered_within_threshold'])('%s: 10^7 taken, 10^7 + 1 refused', (column) => {
    const full = { offered: '10000000', answered: '10000000', abandoned: '0', answered_within_threshold: '10000000' }
    const counts = column === 'abandoned' ? { ...full, answered: '0', answered_within_threshold: '0' } : full
    expect(interval({ ...counts, [column]: '10000000' })).toBe('ok')
    expect(interval({ ...counts, [column]: '10000001' })).toBe(`${column} 10000001 is more than 10000000 in one interval`)
  })

  it('refuses exponents, NaN, Infinity and a 400-digit number', () => {
    expect(interval({ offered: '1e23' })).toBe('offered "1e23" is not a number')
    expect(interval({ offered: '1E7' })).toBe('offered "1E7" is not a number')
    for (const text of ['NaN', 'Infinity', '-Infinity', '∞']) expect(interval({ offered: text })).toBe(`offered "${text}" is not a number`)
    // A message quotes the start of a long number only.
    expect(interval({ offered: digits400 })).toBe(`offered ${'7'.repeat(20)}… is more than 10000000 in one interval`)
    expect(interval({ offered: `-${digits400}` })).toMatch(/^offered -7+… is negative$/)
  })

  it('reads a long zero-padded number as its value', () => {
    expect(interval({ offered: `${'0'.repeat(390)}25` })).toBe('ok')
  })
})

describe('agents staffed', () => {
  it('takes fractions up to 10^5 and refuses more', () => {
    expect(interval({ agents_staffed: '12.5' })).toBe('ok')
    expect(interval({ agents_staffed: '100000' })).toBe('ok')
    expect(interval({ agents_staffed: '100000.01' })).toBe('agents_staffed 100000.01 is more than 100000 in one interval')
    expect(interval({ agents_staffed: digits400 })).toBe(`agents_staffed ${'7'.repeat(20)}… is more than 100000 in one interval`)
    expect(interval({ agents_staffed: '-1' })).toBe('agents_staffed -1 is negative')
  })
})

describe('durations', () => {
  it('handle time and TMA: up to 31 days', () => {
    expect(contact({ handle_seconds: String(31 * DAY) })).toBe('ok')
    expect(contact({ handle_seconds: String(31 * DAY + 1) })).toBe('handle_seconds 2678401 is more than 31 days')
    expect(interval({ offered: '1', aht_seconds: String(31 * DAY) })).toBe('ok')
    expect(interval({ offered: '1', aht_seconds: '2678400.5' })).toBe('aht_seconds 2678400.5 is more than 31 days')
  })

  it('waits and ASA: up to a year, for e-mail backlogs', () => {
    expect(contact({ wait_seconds: String(3 * DAY) })).toBe('ok') // an e-mail answered in three days
    expect(contact({ wait_seconds: String(365 * DAY) })).toBe('ok')
    expect(contact({ wait_seconds: String(365 * DAY + 1) })).toBe('wait_seconds 31536001 is more than 365 days')
    expect(interval({ offered: '1', asa_seconds: String(365 * DAY) })).toBe('ok')
    expect(interval({ offered: '1', asa_seconds: digits400 })).toBe(`asa_seconds ${'7'.repeat(20)}… is more than 365 days`)
    expect(contact({ wait_seconds: 'Infinity' })).toBe('wait_seconds "Infinity" is not a number')
  })
})

describe('NPS', () => {
  it('is a whole number from 0 to 10', () => {
    expect(contact({ nps: '0' })).toBe('ok')
    expect(contact({ nps: '10' })).toBe('ok')
    expect(contact({ nps: '11' })).toBe('nps 11 is outside 0–10')
    expect(contact({ nps: '7.5' })).toBe('nps 7.5 is not a whole number')
    expect(contact({ nps: digits400 })).toBe(`nps ${'7'.repeat(20)}… is outside 0–10`)
  })
})
