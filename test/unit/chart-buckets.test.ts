import { describe, expect, it } from 'vitest'
import { barsOf, chartBars } from '../../app/domain/chart-buckets.ts'
import { addDays } from '../../app/domain/intervals.ts'

/** Every 15-minute bucket of `days` days from `from`, voz 1 and chat 2 contacts each. */
function quarterHours(from: string, days: number) {
  const buckets = []
  for (let d = 0; d < days; d++) {
    for (let m = 0; m < 1440; m += 15) {
      buckets.push({ day: addDays(from, d), time: `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`, offered: { voz: 1, chat: 2 } })
    }
  }
  return buckets
}

describe('chartBars', () => {
  it('keeps the buckets as they are when they fit', () => {
    const buckets = quarterHours('2026-11-23', 2)
    const { step, bars } = chartBars(buckets, 15)
    expect(step).toBe(15)
    expect(bars).toHaveLength(192)
    expect(bars[1]).toEqual({ day: '2026-11-23', time: '00:15', offered: { voz: 1, chat: 2 }, total: 3 })
  })

  it('sums 13 weeks of quarter hours into the smallest step that fits, keeping every contact', () => {
    const buckets = quarterHours('2026-08-26', 91)
    const { step, bars } = chartBars(buckets, 15, 800)
    // 15 min: 8,736 bars; 30: 4,368; 1 h: 2,184; 2 h: 1,092; 4 h: 546.
    expect(step).toBe(240)
    expect(bars).toHaveLength(546)
    expect(bars[0]).toEqual({ day: '2026-08-26', time: '00:00', offered: { voz: 16, chat: 32 }, total: 48 })
    expect(bars[5]!.time).toBe('20:00')
    expect(bars.reduce((sum, b) => sum + b.total, 0)).toBe(91 * 96 * 3)
  })

  it('goes to days, then Monday-to-Sunday weeks, and stops at weeks', () => {
    const days = Array.from({ length: 400 }, (_, i) => ({ day: addDays('2025-01-01', i), time: '00:00', offered: { voz: 1 } }))
    expect(chartBars(days, 'day', 500).step).toBe('day')
    const weeks = chartBars(days, 'day', 100)
    expect(weeks.step).toBe('week')
    // 2025-01-01 was a Wednesday: its week starts on Monday 30 December 2024, with 5 of its days.
    expect(weeks.bars[0]).toEqual({ day: '2024-12-30', time: null, offered: { voz: 5 }, total: 5 })
    expect(weeks.bars.reduce((sum, b) => sum + b.total, 0)).toBe(400)
    expect(chartBars(days, 'day', 10).step).toBe('week') // more than 10 weeks still: weeks
  })

  it('sums each channel over the buckets of a bar, whichever buckets have it', () => {
    const bars = barsOf(
      [
        { day: '2026-01-01', time: '08:00', offered: { voz: 3 } },
        { day: '2026-01-01', time: '08:30', offered: { chat: 1 } },
      ],
      60,
    )
    expect(bars).toEqual([{ day: '2026-01-01', time: '08:00', offered: { voz: 3, chat: 1 }, total: 4 }])
  })
})
