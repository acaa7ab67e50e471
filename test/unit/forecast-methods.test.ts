import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createSeries, type DaySeries } from '../../app/domain/forecast/series.ts'
import { seasonalNaive } from '../../app/domain/forecast/methods/seasonal-naive.ts'
import { average4w, weighted6w } from '../../app/domain/forecast/methods/same-interval-average.ts'
import { monthKey, topDown } from '../../app/domain/forecast/methods/top-down.ts'
import { holtWinters, maxAlpha } from '../../app/domain/forecast/methods/holt-winters.ts'
import { methods, methodIds } from '../../app/domain/forecast/methods/index.ts'
import { closedSlots } from '../../app/domain/forecast/closed.ts'
import { nelderMead } from '../../app/domain/forecast/nelder-mead.ts'
import { forecastFrom } from '../../app/domain/forecast/backtest.ts'
import { historyRange, keepInRange } from '../../app/domain/forecast/guard.ts'

// 2026-01-05 is a Monday. Four slots a day (6-hour intervals) keep the series readable.
const MONDAY = '2026-01-05'
const SLOTS = 4

/** weekly[weekday 0 = Sunday][slot]: the same week repeated, scaled per week by `scale`. */
function weeklySeries(weeks: number, weekly: number[][], scale: (week: number) => number = () => 1): DaySeries {
  const series = createSeries(MONDAY, weeks * 7, SLOTS)
  for (let d = 0; d < weeks * 7; d++) {
    const weekday = (1 + d) % 7
    for (let i = 0; i < SLOTS; i++) series.values[d * SLOTS + i] = weekly[weekday]![i]! * scale(Math.floor(d / 7))
  }
  return series
}

// Closed on Sunday, Saturday mornings only, Friday afternoon closed: learned, not assumed.
const PATTERN = [
  [0, 0, 0, 0],
  [10, 120, 90, 30],
  [8, 100, 80, 25],
  [8, 100, 80, 25],
  [9, 110, 85, 28],
  [7, 90, 0, 0],
  [5, 40, 0, 0],
]

const slice = (a: Float64Array, day: number) => Array.from(a.subarray(day * SLOTS, (day + 1) * SLOTS))

describe('seasonal naive', () => {
  it('repeats last week, same weekday', () => {
    const series = weeklySeries(3, PATTERN, (w) => w + 1)
    const f = seasonalNaive.predict(series, 21, 7, null)
    expect(slice(f, 0)).toEqual(PATTERN[1]!.map((v) => v * 3)) // Monday of week 3
    expect(slice(f, 6)).toEqual([0, 0, 0, 0]) // Sunday
  })

  it('skips a day left out of training to the week before', () => {
    const series = weeklySeries(3, PATTERN, (w) => w + 1)
    series.values.fill(Number.NaN, 14 * SLOTS, 15 * SLOTS) // last Monday left out
    expect(slice(seasonalNaive.predict(series, 21, 1, null), 0)).toEqual(PATTERN[1]!.map((v) => v * 2))
  })

  it('forecasts 0 with no history for a weekday', () => {
    const series = weeklySeries(1, PATTERN)
    expect(slice(seasonalNaive.predict(series, 3, 1, null), 0)).toEqual([0, 0, 0, 0]) // Thursday: none yet
  })
})

describe('same-interval averages', () => {
  it('average of the last 4 weeks with equal weights', () => {
    const series = weeklySeries(5, PATTERN, (w) => w + 1) // scales 1..5; the last 4 are 2..5 → mean 3.5
    expect(slice(average4w.predict(series, 35, 1, null), 0)).toEqual(PATTERN[1]!.map((v) => v * 3.5))
  })

  it('weighted 6 weeks: 6·6 + 5·5 + 4·4 + 3·3 + 2·2 + 1·1 over 21 = 91/21', () => {
    const series = weeklySeries(6, PATTERN, (w) => w + 1)
    const f = weighted6w.predict(series, 42, 1, null)
    slice(f, 0).forEach((v, i) => expect(v).toBeCloseTo((PATTERN[1]![i]! * 91) / 21, 12))
  })

  it('uses the weeks there are when history is shorter', () => {
    const series = weeklySeries(2, PATTERN, (w) => w + 1)
    expect(slice(average4w.predict(series, 14, 1, null), 0)).toEqual(PATTERN[1]!.map((v) => v * 1.5))
  })
})

describe('top-down', () => {
  it('reproduces a stable weekly pattern exactly, closed times included', () => {
    const series = weeklySeries(20, PATTERN)
    const params = topDown.fit(series, 140)
    const f = topDown.predict(series, 140, 7, params)
    for (let h = 0; h < 7; h++) {
      slice(f, h).forEach((v, i) => expect(v).toBeCloseTo(PATTERN[(1 + h) % 7]![i]!, 9))
    }
  })

  it('follows a level shift: after a step up, the forecast moves most of the way', () => {
    const series = weeklySeries(12, PATTERN, (w) => (w < 10 ? 1 : 1.5))
    const f = topDown.predict(series, 84, 1, topDown.fit(series, 84))
    const monday = slice(f, 0).reduce((a, b) => a + b, 0)
    const base = PATTERN[1]!.reduce((a, b) => a + b, 0)
    expect(monday).toBeGreaterThan(1.35 * base)
    expect(monday).toBeLessThan(1.5 * base + 1e-9)
  })

  it('learns a month-end peak from months of history', () => {
    // Every day 1000, +30% on the last two days of each month: the forecast for 30 January must
    // be clearly above 2 February's (the 1-2-1 smoothing between neighbouring days and the
    // shrinkage towards 1 keep part of the peak back: +30% is learned as about +20%).
    const series = createSeries('2025-06-01', 243, 1) // to 2026-01-29
    for (let d = 0; d < series.days; d++) {
      const day = new Date(Date.UTC(2025, 5, 1 + d)).toISOString().slice(0, 10)
      series.values[d] = monthKey(day) >= 30 ? 1300 : 1000
    }
    const f = topDown.predict(series, 243, 4, topDown.fit(series, 243)) // 30 Jan – 2 Feb
    expect(f[0]! / f[3]!).toBeGreaterThan(1.15)
    expect(f[0]! / f[3]!).toBeLessThan(1.3)
  })

  it('keys the last day of any month as 31', () => {
    expect([monthKey('2026-02-28'), monthKey('2026-04-30'), monthKey('2026-01-31'), monthKey('2026-01-15')]).toEqual([31, 31, 31, 15])
    expect(monthKey('2026-04-29')).toBe(30)
  })
})

describe('double-seasonal Holt-Winters', () => {
  it('reproduces a noiseless double-seasonal series', () => {
    const series = weeklySeries(14, PATTERN)
    const params = holtWinters.fit(series, 98)
    const f = holtWinters.predict(series, 98, 7, params)
    for (let h = 0; h < 7; h++) {
      slice(f, h).forEach((v, i) => expect(v).toBeCloseTo(PATTERN[(1 + h) % 7]![i]!, 6))
    }
    for (const value of Object.values(params)) expect(value).toBeGreaterThanOrEqual(0)
    expect(params.alpha).toBeLessThanOrEqual(maxAlpha(SLOTS)) // half-life ≥ a day's 4 intervals
  })

  it('picks up an interval that opens after the first weeks', () => {
    // Saturday evenings were closed for 6 weeks, then opened at 50 contacts.
    const series = weeklySeries(14, PATTERN)
    for (let week = 6; week < 14; week++) series.values[(week * 7 + 5) * SLOTS + 3] = 50
    const f = holtWinters.predict(series, 98, 6, holtWinters.fit(series, 98))
    expect(f[5 * SLOTS + 3]).toBeGreaterThan(45)
    expect(f[5 * SLOTS + 3]).toBeLessThan(55)
  })

  it('tracks a growing level within the week', () => {
    const series = weeklySeries(14, PATTERN, (w) => 1 + 0.05 * w)
    const f = holtWinters.predict(series, 98, 1, holtWinters.fit(series, 98))
    const monday = slice(f, 0).reduce((a, b) => a + b, 0)
    expect(monday).toBeGreaterThan(1.4 * 258) // the last weeks ran at 1.6–1.65×; the first at 1×
  })
})

describe('Holt-Winters on real-life histories', () => {
  // The pattern × 10 (a zero is then beyond Poisson noise in every open interval: in a quiet
  // interval it is plausible, and learned from) with ±10% noise, the same every run.
  const noisy = (weeks: number, scale: (day: number) => number = () => 1) => {
    const series = weeklySeries(weeks, PATTERN)
    let seed = 7
    for (let j = 0; j < series.values.length; j++) {
      seed = (seed * 16807) % 2147483647
      series.values[j]! *= 10 * scale(Math.floor(j / SLOTS)) * (0.9 + (0.2 * seed) / 2147483647)
    }
    return series
  }
  /** Smallest and largest ratio of a week's forecast to the pattern × 10 × `level`, over open intervals. */
  const ratios = (f: Float64Array, origin: number, level: number) => {
    const r: number[] = []
    for (let h = 0; h < f.length / SLOTS; h++) {
      PATTERN[(1 + origin + h) % 7]!.forEach((v, i) => v > 0 && r.push(f[h * SLOTS + i]! / (10 * v * level)))
    }
    return [Math.min(...r), Math.max(...r)]
  }

  it('is not dragged to nothing by a missing day read as zeros, nor thrown above the history after it', () => {
    for (const zeroDay of [85, 86, 87]) {
      // An untagged Tuesday, Wednesday or Thursday of the last fortnight with no volume at all.
      const series = noisy(14)
      series.values.fill(0, zeroDay * SLOTS, (zeroDay + 1) * SLOTS)
      for (const origin of [zeroDay + 1, zeroDay + 3]) {
        const f = forecastFrom('holt-winters', series, origin, 7, holtWinters.fit(series, origin))
        const [low, high] = ratios(f, origin, 1)
        expect(low).toBeGreaterThan(0.9)
        expect(high).toBeLessThan(1.1)
      }
    }
  })

  it('follows a level shift after a closed day without overshooting it', () => {
    // A Monday with nothing (a holiday nobody tagged), then volume at 1.6× from Tuesday on.
    const series = noisy(14, (day) => (day > 84 ? 1.6 : 1))
    series.values.fill(0, 84 * SLOTS, 85 * SLOTS)
    const origin = 91 // after a week at the new level
    const f = forecastFrom('holt-winters', series, origin, 7, holtWinters.fit(series, origin))
    const [low, high] = ratios(f, origin, 1.6)
    expect(low).toBeGreaterThan(0.85)
    expect(high).toBeLessThan(1.15)
  })
})

describe('the range every forecast stays in', () => {
  it('is half the lowest to 1.5× the highest of the last 8 observed same weekdays', () => {
    const series = weeklySeries(10, PATTERN, (w) => w + 1) // Mondays scaled 1…10; the last 8: 3…10
    series.values.fill(Number.NaN, 63 * SLOTS, 64 * SLOTS) // the last Monday left out: 2…9
    const { low, high } = historyRange(series, 70)
    expect(Array.from(low.subarray(SLOTS, 2 * SLOTS))).toEqual(PATTERN[1]!.map((v) => 0.5 * 2 * v))
    expect(Array.from(high.subarray(SLOTS, 2 * SLOTS))).toEqual(PATTERN[1]!.map((v) => 1.5 * 9 * v))
    // A week that ran away (a model's states) and one that collapsed are held at the edges.
    const wild = new Float64Array(7 * SLOTS).fill(1e6)
    wild.fill(-5, SLOTS, 2 * SLOTS) // Tuesday (day 71) negative
    const kept = keepInRange(series, 70, wild)
    expect(Array.from(kept.subarray(0, SLOTS))).toEqual(PATTERN[1]!.map((v) => 1.5 * 9 * v)) // Monday
    expect(Array.from(kept.subarray(SLOTS, 2 * SLOTS))).toEqual(PATTERN[2]!.map((v) => 0.5 * 3 * v)) // Tuesday
    expect(Array.from(kept.subarray(6 * SLOTS, 7 * SLOTS))).toEqual([0, 0, 0, 0]) // Sunday: never open
  })
})

describe('closed intervals', () => {
  it('are the weekday intervals with no volume in the last 4 observed weeks', () => {
    const closed = closedSlots(weeklySeries(5, PATTERN), 35)
    expect(Array.from(closed.subarray(0, SLOTS))).toEqual([1, 1, 1, 1]) // Sunday
    expect(Array.from(closed.subarray(5 * SLOTS, 6 * SLOTS))).toEqual([0, 0, 1, 1]) // Friday afternoon
  })

  it('every method forecasts 0 when the operation is closed', () => {
    const series = weeklySeries(10, PATTERN)
    for (const id of methodIds) {
      const f = forecastFrom(id, series, 70, 7, methods[id].fit(series, 70))
      expect(slice(f, 6)).toEqual([0, 0, 0, 0]) // Sunday
      expect(slice(f, 4).slice(2)).toEqual([0, 0]) // Friday afternoon
    }
  })
})

describe('every method', () => {
  it('gives finite, non-negative forecasts within the history’s range for any history with gaps', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ min: 0, max: 5000, noNaN: true }), fc.constant(Number.NaN), fc.constant(0)), {
          minLength: 35 * SLOTS,
          maxLength: 35 * SLOTS,
        }),
        fc.constantFrom(...methodIds),
        (values, id) => {
          const series = { firstDay: MONDAY, days: 35, slotsPerDay: SLOTS, values: Float64Array.from(values) }
          // A NaN anywhere in a day leaves the whole day out, as special days do.
          const f = forecastFrom(id, series, 35, 7, methods[id].fit(series, 35))
          const { low, high } = historyRange(series, 35)
          // 35 is a Monday (weekday 1): day h is weekday (1 + h) % 7.
          return f.every((v, j) => {
            const k = ((1 + Math.floor(j / SLOTS)) % 7) * SLOTS + (j % SLOTS)
            return Number.isFinite(v) && v >= 0 && (v === 0 || (v >= low[k]! - 1e-9 && v <= high[k]! + 1e-9))
          })
        },
      ),
      { numRuns: 150 },
    )
  }, 30_000) // 150 fits: ~60 ms idle, 1.5 s beside `stress --cpu 4` with other work

  it('refuses an origin outside the series', () => {
    const series = weeklySeries(2, PATTERN)
    expect(() => seasonalNaive.predict(series, 15, 1, null)).toThrow(RangeError)
    expect(() => seasonalNaive.predict(series, 14, 0, null)).toThrow(RangeError)
  })
})

describe('Nelder–Mead', () => {
  it('finds the Rosenbrock minimum at (1, 1)', () => {
    const rosenbrock = ([x, y]: number[]) => 100 * (y! - x! * x!) ** 2 + (1 - x!) ** 2
    const { x, value } = nelderMead(rosenbrock, [-1.2, 1], { maxEvaluations: 2000, tolerance: 1e-16 })
    expect(x[0]).toBeCloseTo(1, 4)
    expect(x[1]).toBeCloseTo(1, 4)
    expect(value).toBeLessThan(1e-8)
  })
})
