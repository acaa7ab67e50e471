// The dates imports accept, from the settings and the clock's today (TODAY, never the calendar).
import { afterEach, describe, expect, it, vi } from 'vitest'
import { importDates, importWindow } from '../../app/services/import-dates.server.ts'

afterEach(() => vi.unstubAllEnvs())

describe('importDates', () => {
  it('is 1990-01-01 to five years after today by default', () => {
    vi.stubEnv('TODAY', '2026-11-25')
    vi.stubEnv('IMPORT_EARLIEST_DATE', '')
    vi.stubEnv('IMPORT_YEARS_AHEAD', '')
    expect(importDates('America/Sao_Paulo')).toEqual({ earliest: '1990-01-01', latest: '2031-11-25' })
    expect(importWindow('UTC')).toEqual({
      earliest: '1990-01-01',
      latest: '2031-11-25',
      from: Date.parse('1990-01-01T00:00:00Z'),
      until: Date.parse('2031-11-26T00:00:00Z'),
    })
  })

  it('follows IMPORT_EARLIEST_DATE and IMPORT_YEARS_AHEAD', () => {
    vi.stubEnv('TODAY', '2028-02-29')
    vi.stubEnv('IMPORT_EARLIEST_DATE', '2015-07-01')
    vi.stubEnv('IMPORT_YEARS_AHEAD', '1')
    expect(importDates('UTC')).toEqual({ earliest: '2015-07-01', latest: '2029-02-28' })
  })

  it('refuses settings that are not a date or a number of years, naming them', () => {
    vi.stubEnv('TODAY', '2026-11-25')
    vi.stubEnv('IMPORT_EARLIEST_DATE', '01/01/1990')
    expect(() => importDates('UTC')).toThrow('IMPORT_EARLIEST_DATE must be a date as YYYY-MM-DD, not "01/01/1990"')
    vi.stubEnv('IMPORT_EARLIEST_DATE', '2040-01-01')
    expect(() => importDates('UTC')).toThrow('IMPORT_EARLIEST_DATE 2040-01-01 is after the latest date accepted, 2031-11-25')
    vi.stubEnv('IMPORT_EARLIEST_DATE', '')
    for (const bad of ['0', '2.5', '-1', 'five', '101', '1e2']) {
      vi.stubEnv('IMPORT_YEARS_AHEAD', bad)
      expect(() => importDates('UTC')).toThrow(`IMPORT_YEARS_AHEAD must be a whole number of years from 1 to 100, not "${bad}"`)
    }
  })
})
