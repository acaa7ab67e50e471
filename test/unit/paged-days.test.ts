import { describe, expect, it } from 'vitest'
import { pagesOf } from '../../app/components/paged-days.tsx'

describe('pagesOf', () => {
  it('lists each month of days in order once, across a year end', () => {
    expect(pagesOf(['2025-12-30', '2025-12-31', '2026-01-01', '2026-02-28', '2026-03-01'], 'month')).toEqual(['2025-12', '2026-01', '2026-02', '2026-03'])
    expect(pagesOf([], 'month')).toEqual([])
  })

  it('lists each day once, for rows of intervals', () => {
    expect(pagesOf(['2025-12-31', '2025-12-31', '2026-01-01', '2026-01-01', '2026-01-03'], 'day')).toEqual(['2025-12-31', '2026-01-01', '2026-01-03'])
  })
})
