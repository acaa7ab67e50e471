import { describe, expect, it } from 'vitest'
import { accuracy } from '../../app/domain/forecast/accuracy.ts'
import { accuracyAt, autoAccuracy, backtest, backtestOrigins, chooseMethod, horizonFor } from '../../app/domain/forecast/backtest.ts'
import { band, dispersionOf } from '../../app/domain/forecast/band.ts'
import { createSeries } from '../../app/domain/forecast/series.ts'
import { applyOverrides } from '../../app/domain/forecast/overrides.ts'

describe('accuracy', () => {
  it('WAPE, bias, MAPE over non-zero actuals and RMSE, by hand', () => {
    // errors +10, −10, +5 (actual 0), actual NaN skipped
    const a = accuracy([110, 90, 5, 7], [100, 100, 0, Number.NaN])
    expect(a.wape).toBeCloseTo(25 / 200, 15)
    expect(a.bias).toBeCloseTo(5 / 200, 15)
    expect(a.mape).toBeCloseTo(0.1, 15) // (0.1 + 0.1) / 2: the zero actual has no percentage
    expect(a.rmse).toBeCloseTo(Math.sqrt(225 / 3), 12)
    expect(a.intervals).toBe(3)
  })

  it('is undefined (null), not infinite, when nothing was offered', () => {
    const a = accuracy([1, 2], [0, 0])
    expect([a.wape, a.bias, a.mape]).toEqual([null, null, null])
    expect(a.rmse).toBeCloseTo(Math.sqrt(2.5), 15)
  })
})

describe('backtest', () => {
  // One slot a day, a weekly cycle 7 weeks long (49 days), then noise-free repeats.
  const weekly = [0, 100, 90, 90, 95, 80, 30]
  const series = createSeries('2026-01-04', 70, 1) // a Sunday
  for (let d = 0; d < 70; d++) series.values[d] = weekly[d % 7]!

  it('places origins so a week of actuals follows each, at least 28 days in', () => {
    expect(backtestOrigins(series, { origins: 3, stepDays: 4 })).toEqual([55, 59, 63])
    expect(backtestOrigins(series, { origins: 100, stepDays: 7 })).toEqual([28, 35, 42, 49, 56, 63])
  })

  it('scores a perfect weekly pattern at WAPE 0 and picks the simplest method on a tie', () => {
    const result = backtest(series)
    const naive = result.methods.find((m) => m.method === 'seasonal-naive')!
    expect(naive.accuracy[7].wape).toBe(0)
    expect(naive.accuracy[1].intervals).toBe(8)
    expect(naive.accuracy[7].intervals).toBe(56)
    expect(chooseMethod(result, 7)?.method).toBe('seasonal-naive')
  })

  it('auto is scored without hindsight: each origin uses what earlier origins showed', () => {
    // Weeks alternate between two levels: seasonal naive is always a week behind (WAPE ~ 1/3),
    // the 4-week average sits in the middle (1/6).
    const alternating = createSeries('2026-01-04', 84, 1)
    for (let d = 0; d < 84; d++) alternating.values[d] = Math.floor(d / 7) % 2 === 0 ? 100 : 200
    const result = backtest(alternating, { methods: ['seasonal-naive', 'average-4w'], stepDays: 7, origins: 4 })
    expect(result.origins).toEqual([56, 63, 70, 77])
    expect(chooseMethod(result, 7)?.method).toBe('average-4w')
    const auto = autoAccuracy(result, 7)
    // The first origin has no earlier evaluation: origins 63, 70, 77 (weeks at 200, 100, 200) are
    // scored, all with the average (150): |error| 3 × 350 over actual 1400 + 700 + 1400.
    expect(auto.origins).toEqual([63, 70, 77])
    expect(auto.accuracy.intervals).toBe(21)
    expect(auto.accuracy.wape).toBeCloseTo(1050 / 3500, 12)
    // The methods over the same origins: the average's is the same, seasonal naive's |±100| × 21.
    const naive = result.methods.find((m) => m.method === 'seasonal-naive')!
    expect(accuracyAt(naive, 7, auto.origins).wape).toBeCloseTo(2100 / 3500, 12)
  })

  it('judges a forecast of more than a day on the week-ahead horizon', () => {
    expect(horizonFor(1)).toBe(1)
    expect(horizonFor(14)).toBe(7)
  })
})

describe('band', () => {
  it('is the 80% normal interval with variance = dispersion × mean, floored at 0', () => {
    // Φ⁻¹(0.9) = 1.281551565544600466965… (mpmath: sqrt(2)·erfinv(0.8), 30 digits)
    const { lower, upper } = band([100, 1, 0], 2)
    expect(upper[0]).toBeCloseTo(100 + 1.2815515655446008 * Math.sqrt(200), 10)
    expect(lower[0]).toBeCloseTo(100 - 1.2815515655446008 * Math.sqrt(200), 10)
    expect(lower[1]).toBe(0)
    expect([lower[2], upper[2]]).toEqual([0, 0])
  })

  it('is never narrower than Poisson', () => {
    expect(dispersionOf(50, 100)).toBe(1)
    expect(dispersionOf(300, 100)).toBe(3)
    expect(dispersionOf(Number.NaN, 100)).toBe(1)
    expect(dispersionOf(10, 0)).toBe(1)
  })
})

describe('overrides', () => {
  const points = [
    { channelKey: 'voz', start: 0, offered: 10 },
    { channelKey: 'voz', start: 900_000, offered: 30 },
    { channelKey: 'chat', start: 0, offered: 5 },
  ]

  it('a percentage scales the range for one channel or all', () => {
    expect(Array.from(applyOverrides(points, [{ channelKey: 'voz', start: 0, end: 1_800_000, kind: 'percent', amount: 10 }]))).toEqual([
      11, 33, 5,
    ])
    expect(Array.from(applyOverrides(points, [{ channelKey: null, start: 0, end: 900_000, kind: 'percent', amount: -50 }]))).toEqual([
      5, 30, 2.5,
    ])
  })

  it('a value sets the range total, shaped like the forecast, and replays in order', () => {
    const adjusted = applyOverrides(points, [
      { channelKey: 'voz', start: 0, end: 1_800_000, kind: 'percent', amount: 100 },
      { channelKey: 'voz', start: 0, end: 1_800_000, kind: 'value', amount: 100 },
    ])
    expect(Array.from(adjusted)).toEqual([25, 75, 5])
  })

  it('a value on a range forecast at 0 is spread evenly', () => {
    const zero = [
      { channelKey: 'voz', start: 0, offered: 0 },
      { channelKey: 'voz', start: 900_000, offered: 0 },
    ]
    expect(Array.from(applyOverrides(zero, [{ channelKey: 'voz', start: 0, end: 1_800_000, kind: 'value', amount: 8 }]))).toEqual([4, 4])
  })

  it('refuses impossible overrides', () => {
    expect(() => applyOverrides(points, [{ channelKey: null, start: 0, end: 0, kind: 'percent', amount: 1 }])).toThrow(RangeError)
    expect(() => applyOverrides(points, [{ channelKey: null, start: 0, end: 1, kind: 'percent', amount: -101 }])).toThrow(RangeError)
    expect(() => applyOverrides(points, [{ channelKey: null, start: 0, end: 1, kind: 'value', amount: Number.NaN }])).toThrow(RangeError)
  })
})
