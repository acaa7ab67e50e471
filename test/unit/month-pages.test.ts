import { describe, expect, it } from 'vitest'
import { monthsOf } from '../../app/components/month-pages.tsx'

describe('monthsOf', () => {
  it('lists each month of days in order once, across a year end', () => {
    expect(monthsOf(['2025-12-30', '2025-12-31', '2026-01-01', '2026-02-28', '2026-03-01'])).toEqual(['2025-12', '2026-01', '2026-02', '2026-03'])
    expect(monthsOf([])).toEqual([])
  })
})
