import { afterEach, describe, expect, it, vi } from 'vitest'
import { todayIn } from '../../app/services/clock.server.ts'

afterEach(() => {
  vi.unstubAllEnvs()
  vi.useRealTimers()
})

describe('todayIn', () => {
  it('is the local date in the time zone given (the clock set, not read)', () => {
    vi.stubEnv('TODAY', '')
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.parse('2026-12-07T02:30:00Z')) // 23:30 on the 6th in São Paulo (UTC−3)
    expect(todayIn('America/Sao_Paulo')).toBe('2026-12-06')
    expect(todayIn('UTC')).toBe('2026-12-07')
    expect(todayIn('Asia/Tokyo')).toBe('2026-12-07')
  })

  it('is the date TODAY names, in any time zone', () => {
    vi.stubEnv('TODAY', '2027-01-01')
    expect(todayIn('America/Sao_Paulo')).toBe('2027-01-01')
    expect(todayIn('Pacific/Kiritimati')).toBe('2027-01-01')
  })

  it('refuses a TODAY that is not a date', () => {
    for (const bad of ['2026-02-30', '07/12/2026', 'amanhã']) {
      vi.stubEnv('TODAY', bad)
      expect(() => todayIn('UTC')).toThrow(`TODAY must be a date as YYYY-MM-DD, not "${bad}"`)
    }
  })
})
