import { describe, expect, it } from 'vitest'
import { brazilNationalHolidays, easterSunday } from '../../app/domain/holidays.ts'

describe('Brazilian national holidays', () => {
  it('computes Easter Sunday (published dates)', () => {
    expect(easterSunday(2024)).toBe('2024-03-31')
    expect(easterSunday(2025)).toBe('2025-04-20')
    expect(easterSunday(2026)).toBe('2026-04-05')
    expect(easterSunday(2027)).toBe('2027-03-28')
    expect(easterSunday(2038)).toBe('2038-04-25')
  })

  it('lists the 2026 national holidays, with Good Friday on 3 April and 20 November', () => {
    expect(brazilNationalHolidays(2026).map((h) => h.date)).toEqual([
      '2026-01-01',
      '2026-04-03',
      '2026-04-21',
      '2026-05-01',
      '2026-09-07',
      '2026-10-12',
      '2026-11-02',
      '2026-11-15',
      '2026-11-20',
      '2026-12-25',
    ])
  })

  it('has no 20 November before Lei 14.759/2023 took effect', () => {
    expect(brazilNationalHolidays(2023).some((h) => h.date === '2023-11-20')).toBe(false)
  })
})
