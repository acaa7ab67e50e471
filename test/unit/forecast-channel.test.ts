import { describe, expect, it } from 'vitest'
import { forecastAht, robustAht } from '../../app/domain/forecast/aht.ts'
import { forecastChannel, NotEnoughHistory } from '../../app/domain/forecast/forecast.ts'
import { createSeries } from '../../app/domain/forecast/series.ts'
import { treatmentOf } from '../../app/domain/forecast/special-days.ts'
import { seriesFromIntervals, slotInstants } from '../../app/domain/forecast/grid.ts'

// 2026-01-04 is a Sunday; two slots a day.
const SUNDAY = '2026-01-04'
const weekly = [
  [20, 10],
  [100, 60],
  [90, 50],
  [90, 50],
  [95, 55],
  [80, 40],
  [30, 0],
]

function history(weeks: number) {
  const volume = createSeries(SUNDAY, weeks * 7, 2)
  const handled = createSeries(SUNDAY, weeks * 7, 2)
  const handleSec = createSeries(SUNDAY, weeks * 7, 2)
  for (let d = 0; d < weeks * 7; d++) {
    for (let i = 0; i < 2; i++) {
      const v = weekly[d % 7]![i]!
      volume.values[d * 2 + i] = v
      handled.values[d * 2 + i] = v
      handleSec.values[d * 2 + i] = v * (i === 0 ? 300 : 240)
    }
  }
  return { volume, handle: { handled, handleSec } }
}

describe('TMA forecast', () => {
  it('is Σ handle ÷ Σ handled per weekday and interval', () => {
    const { handle } = history(8)
    const aht = forecastAht(handle, 56, 7)
    // Day 56 is a Sunday; aht[2] is Monday morning. Thousands of contacts back each estimate,
    // so shrinking towards the channel's mix of 300 s and 240 s moves it by < 0.01 s.
    expect(aht[2]).toBeCloseTo(300, 1)
    expect(aht[3]).toBeCloseTo(240, 1)
    // Saturday afternoon had no contacts: the afternoon's AHT over all weekdays (8 weeks × 265
    // contacts at 240 s) shrunk with 30 contacts' weight towards the channel's
    // (505 × 300 + 265 × 240) ÷ 770 s.
    const channel = (505 * 300 + 265 * 240) / 770
    expect(aht[13]).toBeCloseTo((8 * 265 * 240 + 30 * channel) / (8 * 265 + 30), 9)
  })

  it('drops an outlier interval (a stuck call) instead of averaging it in', () => {
    const points = [
      { aht: 300, weight: 50 },
      { aht: 310, weight: 40 },
      { aht: 290, weight: 45 },
      { aht: 5000, weight: 2 },
    ]
    const { handle, handled } = robustAht(points)
    expect(handle / handled).toBeCloseTo((300 * 50 + 310 * 40 + 290 * 45) / 135, 9)
  })

  it('shrinks a thin estimate towards the interval’s all-weekday AHT', () => {
    const { handle } = history(8)
    // One Monday morning with 2 contacts at 900 s (no outlier test can tell with 1 point).
    handle.handled.values[(7 * 7 + 1) * 2] = 2
    handle.handleSec.values[(7 * 7 + 1) * 2] = 1800
    const aht = forecastAht(handle, 56, 2)
    const monday = aht[2]!
    expect(monday).toBeGreaterThan(300)
    expect(monday).toBeLessThan(400)
  })

  it('is unknown (NaN) when nothing was handled', () => {
    const none = { handled: createSeries(SUNDAY, 14, 2), handleSec: createSeries(SUNDAY, 14, 2) }
    expect(forecastAht(none, 14, 1).every((v) => Number.isNaN(v))).toBe(true)
  })
})

describe('special days', () => {
  it('closed → 0; holiday without a percentage → like a Sunday; a percentage scales', () => {
    expect(treatmentOf({ date: '2026-01-01', kind: 'closed', name: 'x', adjustPct: 20 })).toEqual({ as: 'closed' })
    expect(treatmentOf({ date: '2026-01-01', kind: 'holiday', name: 'x', adjustPct: null })).toEqual({ as: 'sunday' })
    expect(treatmentOf({ date: '2026-01-01', kind: 'event', name: 'x', adjustPct: 25 })).toEqual({ as: 'scaled', factor: 1.25 })
    expect(treatmentOf({ date: '2026-01-01', kind: 'event', name: 'x', adjustPct: -150 })).toEqual({ as: 'scaled', factor: 0 })
  })
})

describe('a channel forecast', () => {
  it('auto picks a method from the backtest, says by how much, and reproduces the pattern', () => {
    const { volume, handle } = history(10)
    const result = forecastChannel(volume, handle, { horizonDays: 7, method: 'auto' })
    expect(result.firstDay).toBe('2026-03-15')
    expect(result.choice?.horizon).toBe(7)
    expect(result.choice?.wape).toBe(0)
    expect(result.scores.map((s) => s.method)).toContain('holt-winters')
    expect(Array.from(result.offered.subarray(0, 4))).toEqual([20, 10, 100, 60])
    expect(result.aht[2]).toBeCloseTo(300, 1)
    expect(result.dispersion).toBe(1)
    expect(result.upper[2]).toBeGreaterThan(100)
  })

  it('leaves tagged days out of training and forecasts them as tagged', () => {
    const { volume, handle } = history(10)
    // Last Monday in history (9 March) was a holiday at a tenth of the volume: tagged, it must not
    // drag next Monday's forecast (seasonal naive would copy it).
    volume.values.fill(10, 64 * 2, 65 * 2)
    const specialDays = [
      { date: '2026-03-09', kind: 'holiday' as const, name: 'feriado', adjustPct: null },
      { date: '2026-03-17', kind: 'holiday' as const, name: 'feriado', adjustPct: null }, // Tuesday → as Sunday
      { date: '2026-03-18', kind: 'event' as const, name: 'campanha', adjustPct: 50 },
      { date: '2026-03-19', kind: 'closed' as const, name: 'fechado', adjustPct: null },
    ]
    const result = forecastChannel(volume, handle, { horizonDays: 7, method: 'seasonal-naive', specialDays })
    const day = (h: number) => Array.from(result.offered.subarray(h * 2, h * 2 + 2))
    expect(day(0)).toEqual([20, 10]) // Sunday
    expect(day(1)).toEqual([100, 60]) // Monday: from 2 March, the untagged Monday before
    expect(day(2)).toEqual([20, 10]) // holiday Tuesday as a Sunday
    expect(day(3)).toEqual([135, 75]) // Wednesday +50%
    expect(day(4)).toEqual([0, 0]) // closed
    expect(day(5)).toEqual([80, 40]) // Friday untouched
    // Untagged, the holiday is learned as a normal Monday.
    const untagged = forecastChannel(volume, handle, { horizonDays: 7, method: 'seasonal-naive', specialDays: specialDays.slice(1) })
    expect(Array.from(untagged.offered.subarray(2, 4))).toEqual([10, 10])
  })

  it('says which method lacks history instead of guessing', () => {
    const { volume } = history(2)
    expect(() => forecastChannel(volume, null, { horizonDays: 1, method: 'holt-winters' })).toThrow(NotEnoughHistory)
    const auto = forecastChannel(volume, null, { horizonDays: 1, method: 'auto' })
    expect(auto.method).toBe('seasonal-naive')
    expect(auto.choice).toBeNull()
    expect(auto.aht.every((v) => Number.isNaN(v))).toBe(true)
  })
})

describe('the local grid', () => {
  it('puts UTC intervals into local slots and back, São Paulo (UTC−3)', () => {
    const slots = slotInstants('2026-03-02', 1, 'America/Sao_Paulo', 30)
    expect(slots).toHaveLength(48)
    expect(new Date(slots[16]!.start).toISOString()).toBe('2026-03-02T11:00:00.000Z') // 08:00 local
    expect(slots[16]!.slot).toBe(16)
    const series = seriesFromIntervals(
      [
        { start: Date.parse('2026-03-02T11:00:00Z'), value: 3 },
        { start: Date.parse('2026-03-02T11:15:00Z'), value: 4 }, // same 30-minute slot
        { start: Date.parse('2026-03-03T02:45:00Z'), value: 5 }, // 23:45 local, still 2 March
        { start: Date.parse('2026-03-03T03:00:00Z'), value: 9 }, // 3 March: outside
      ],
      '2026-03-02',
      1,
      'America/Sao_Paulo',
      30,
    )
    expect(series.values[16]).toBe(7)
    expect(series.values[47]).toBe(5)
    expect(series.values.reduce((a, b) => a + b, 0)).toBe(12)
  })

  it('shares the repeated hour when the clock goes back and skips the lost one (New York)', () => {
    const back = slotInstants('2026-11-01', 1, 'America/New_York', 60)
    expect(back).toHaveLength(25)
    expect(back.filter((s) => s.slot === 1).map((s) => s.share)).toEqual([0.5, 0.5])
    const forward = slotInstants('2026-03-08', 1, 'America/New_York', 60)
    expect(forward).toHaveLength(23)
    expect(forward.some((s) => s.slot === 2)).toBe(false)
    // History of a 24/7 line at 40 an hour: the repeated hour keeps its mean, the lost hour is
    // missing (the day is then left out of training), the other hours are as they were.
    const fallBack = seriesFromIntervals(
      back.map((s) => ({ start: s.start, value: 40 })),
      '2026-11-01',
      1,
      'America/New_York',
      60,
    )
    expect(Array.from(fallBack.values)).toEqual(new Array(24).fill(40))
    const springForward = seriesFromIntervals(
      forward.map((s) => ({ start: s.start, value: 40 })),
      '2026-03-08',
      1,
      'America/New_York',
      60,
    )
    expect(springForward.values[1]).toBe(40)
    expect(springForward.values[2]).toBeNaN()
    expect(springForward.values[3]).toBe(40)
  })

  it('keeps wall-clock slots on a day whose midnight is skipped (Santiago, 2024-09-08)', () => {
    // The clock went from 00:00 to 01:00: the day starts at 01:00 local, with one offset.
    const slots = slotInstants('2024-09-08', 1, 'America/Santiago', 60)
    expect(slots).toHaveLength(23)
    expect(slots[0]!.slot).toBe(1)
    expect(new Date(slots[7]!.start).toISOString()).toBe('2024-09-08T11:00:00.000Z') // 08:00 at UTC−3
    expect(slots[7]!.slot).toBe(8)
  })
})
