import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  meetsGoals,
  averageSpeedOfAnswer,
  erlangB,
  erlangC,
  erlangCMetrics,
  requiredServers,
  requiredServersErlangC,
  serviceLevel,
} from '../../app/domain/erlang.ts'

// Reference values: test/reference/erlang_reference.py (mpmath, 60 digits) from the closed forms
//   B = (A^N/N!) / Σ_{k=0..N} A^k/k!,  C = N·B / (N − A(1 − B)),
//   SL = 1 − C·exp(−(N − A)·20/180),  ASA = C·180 / (N − A)   (AHT 180 s, threshold 20 s).
const references = [
  { n: 1, a: 0.5, b: 0.33333333333333333333, c: 0.5, sl: 0.52702026554661726855, asa: 180 },
  { n: 10, a: 8, b: 0.12166106425295151004, c: 0.40918015079644353201, sl: 0.67235414872614792296, asa: 36.826213571679917881 },
  { n: 14, a: 10, b: 0.056819143386520859091, c: 0.17413193359504984264, sl: 0.88835001917946688425, asa: 7.835937011777242919 },
  { n: 50, a: 40, b: 0.018690671109632249083, c: 0.086952549526766069915, sl: 0.97137583042376899074, asa: 1.5651458914817892585 },
  { n: 200, a: 180, b: 0.010324995204982297203, c: 0.094471218177590817419, sl: 0.98976234083473004668, asa: 0.85024096359831735677 },
  { n: 1200, a: 1150, b: 0.0042361681607440561539, c: 0.092641774720102542078, sl: 0.99964185429735305284, asa: 0.33351038899236915148 },
]

const relativeError = (actual: number, expected: number) => Math.abs(actual - expected) / Math.abs(expected)

describe('Erlang B and C', () => {
  it.each(references)('matches the 50-digit reference at N=$n, A=$a', ({ n, a, b, c, sl, asa }) => {
    expect(relativeError(erlangB(n, a), b)).toBeLessThan(1e-12)
    expect(relativeError(erlangC(n, a), c)).toBeLessThan(1e-12)
    expect(relativeError(serviceLevel(n, a, 180, 20), sl)).toBeLessThan(1e-12)
    expect(relativeError(averageSpeedOfAnswer(n, a, 180), asa)).toBeLessThan(1e-12)
  })

  it('stays finite far beyond where factorial formulas overflow', () => {
    // mpmath, 50 digits: B(5000, 4900) = 0.0022157679024972432134
    expect(relativeError(erlangB(5000, 4900), 0.0022157679024972432134)).toBeLessThan(1e-9)
  })

  // From 0.01 to 50,000 Erlangs (erlang_reference.py; the large ones through Γ(N + 1, A)).
  it.each([
    { n: 1, a: 0.01, b: 0.0099009900990099011942, c: 0.010000000000000000208 },
    { n: 3, a: 0.5, b: 0.012658227848101265823, c: 0.015151515151515151515 },
    { n: 140, a: 137, b: 0.052397634901824247694, c: 0.72070405231121443964 },
    { n: 1000, a: 980, b: 0.01383121012911120549, c: 0.41220029236528148032 },
    { n: 10_100, a: 10_000, b: 0.002862357220736064877, c: 0.22476290646653222439 },
    { n: 50_200, a: 50_000, b: 0.0014650936785930106559, c: 0.26915440792335696657 },
  ])('is within 1e-9 of the reference at N=$n, A=$a', ({ n, a, b, c }) => {
    expect(relativeError(erlangB(n, a), b)).toBeLessThan(1e-9)
    expect(relativeError(erlangC(n, a), c)).toBeLessThan(1e-9)
    const metrics = erlangCMetrics(n, a, 300, 20)
    for (const value of Object.values(metrics)) expect(Number.isFinite(value)).toBe(true)
  })

  it('extends Erlang B to fractional servers (B(13.5, 10) = 0.069626033481754612693)', () => {
    expect(relativeError(erlangB(13.5, 10), 0.069626033481754612693)).toBeLessThan(1e-12)
    expect(relativeError(erlangB(0.5, 2), 0.82597894439587473187)).toBeLessThan(1e-12)
    expect(relativeError(erlangB(250.25, 240), 0.026806678162556413067)).toBeLessThan(1e-12)
  })

  it('handles zero traffic and unstable queues by convention, never NaN', () => {
    expect(erlangC(5, 0)).toBe(0)
    expect(serviceLevel(5, 0, 180, 20)).toBe(1)
    expect(averageSpeedOfAnswer(5, 0, 180)).toBe(0)
    expect(erlangC(5, 5)).toBe(1)
    expect(serviceLevel(5, 7, 180, 20)).toBe(0)
    expect(averageSpeedOfAnswer(5, 7, 180)).toBe(Infinity)
    expect(erlangCMetrics(5, 7, 180, 20)).toEqual({ probWait: 1, serviceLevel: 0, asa: Infinity, occupancy: 1, abandonRate: 0 })
    expect(erlangCMetrics(5, 0, 180, 20)).toEqual({ probWait: 0, serviceLevel: 1, asa: 0, occupancy: 0, abandonRate: 0 })
    expect(erlangB(0, 3)).toBe(1)
  })

  it('refuses invalid input with a named error', () => {
    expect(() => erlangC(10, Number.NaN)).toThrow(/traffic/)
    expect(() => erlangC(10, -1)).toThrow(/traffic/)
    expect(() => erlangB(-1, 1)).toThrow(/servers/)
    expect(() => erlangB(Infinity, 1)).toThrow(/servers/)
    expect(() => serviceLevel(10, 5, 0, 20)).toThrow(/ahtSec/)
    expect(() => serviceLevel(10, 5, 180, -1)).toThrow(/thresholdSec/)
    expect(() => requiredServers({ traffic: 5, ahtSec: 180, slGoal: 1, thresholdSec: 20 })).toThrow(/slGoal/)
  })

  it('property: C ≥ B, both in [0, 1], and SL rises with servers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.double({ min: 0.01, max: 399, noNaN: true }), (n, a) => {
        const b = erlangB(n, a)
        const c = erlangC(n, a)
        expect(b).toBeGreaterThanOrEqual(0)
        expect(c).toBeLessThanOrEqual(1)
        expect(c).toBeGreaterThanOrEqual(b - 1e-15)
        expect(serviceLevel(n + 1, a, 180, 20)).toBeGreaterThanOrEqual(serviceLevel(n, a, 180, 20) - 1e-12)
      }),
    )
  })
})

describe('meetsGoals', () => {
  it('never lets a NaN measure pass its goal', () => {
    const nan = { probWait: 0, serviceLevel: Number.NaN, asa: Number.NaN, occupancy: Number.NaN, abandonRate: Number.NaN }
    expect(meetsGoals(nan, { slGoal: 0.8, thresholdSec: 20 })).toBe(false)
    expect(meetsGoals({ ...nan, serviceLevel: 0.9 }, { slGoal: 0.8, thresholdSec: 20, asaGoalSec: 10 })).toBe(false)
    expect(meetsGoals({ ...nan, serviceLevel: 0.9 }, { slGoal: 0.8, thresholdSec: 20, maxOccupancy: 0.9 })).toBe(false)
  })
})

describe('requiredServers', () => {
  it('gives 14 agents for 100 calls in 30 min, AHT 180 s, 80/20 (SL 0.7956 at 13, 0.8884 at 14 by mpmath)', () => {
    const traffic = (100 * 180) / 1800
    expect(requiredServers({ traffic, ahtSec: 180, slGoal: 0.8, thresholdSec: 20 })).toBe(14)
  })

  it('meets an ASA goal and a maximum occupancy as well (Call Centre Helper: 15 agents at 70% occupancy)', () => {
    expect(requiredServersErlangC(10, 180, { slGoal: 0.8, thresholdSec: 20, maxOccupancy: 0.7 })).toBe(15)
    // ASA at 14 agents is 7.84 s: a 5 s goal needs more.
    const n = requiredServersErlangC(10, 180, { slGoal: 0.8, thresholdSec: 20, asaGoalSec: 5 })
    expect(averageSpeedOfAnswer(n, 10, 180)).toBeLessThanOrEqual(5)
    expect(averageSpeedOfAnswer(n - 1, 10, 180)).toBeGreaterThan(5)
  })

  it('answers in one pass at 50,000 Erlangs, above the load', () => {
    const n = requiredServersErlangC(50_000, 300, { slGoal: 0.8, thresholdSec: 20 })
    expect(serviceLevel(n, 50_000, 300, 20)).toBeGreaterThanOrEqual(0.8)
    expect(serviceLevel(n - 1, 50_000, 300, 20)).toBeLessThan(0.8)
    expect(n).toBeGreaterThan(50_000)
  })

  it('needs no one for no traffic', () => {
    expect(requiredServers({ traffic: 0, ahtSec: 180, slGoal: 0.8, thresholdSec: 20 })).toBe(0)
  })

  it('property: required servers never decrease as calls grow', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 2000, noNaN: true }), fc.double({ min: 0, max: 50, noNaN: true }), (a, extra) => {
        const goal = { slGoal: 0.8, thresholdSec: 20 }
        expect(requiredServersErlangC(a + extra, 300, goal)).toBeGreaterThanOrEqual(requiredServersErlangC(a, 300, goal))
      }),
    )
  })

  it('property: the answer meets the goal and one fewer does not', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.05, max: 300, noNaN: true }), fc.double({ min: 0.05, max: 0.99, noNaN: true }), (a, goal) => {
        const n = requiredServers({ traffic: a, ahtSec: 240, slGoal: goal, thresholdSec: 30 })
        expect(serviceLevel(n, a, 240, 30)).toBeGreaterThanOrEqual(goal)
        expect(serviceLevel(n - 1, a, 240, 30)).toBeLessThan(goal)
      }),
    )
  })
})
