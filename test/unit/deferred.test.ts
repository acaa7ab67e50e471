import { describe, expect, it } from 'vitest'
import { deferredStaffing } from '../../app/domain/deferred.ts'

const hour = 3600

describe('deferredStaffing', () => {
  it('spreads each item evenly over the open intervals before its deadline', () => {
    // Hourly intervals, 4-hour goal, all open: 40 items in hour 0 → 10 per hour in hours 0–3.
    const plan = deferredStaffing(
      [
        { volume: 40, open: true },
        { volume: 0, open: true },
        { volume: 0, open: true },
        { volume: 0, open: true },
        { volume: 0, open: true },
      ],
      { intervalSec: hour, ahtSec: 360, responseGoalSec: 4 * hour },
    )
    // 10 items × 360 s = 3600 s of work per hour = 1 agent.
    expect(plan.agents).toEqual([1, 1, 1, 1, 0])
    expect(plan.backlog).toEqual([30, 20, 10, 0, 0])
    expect(plan.serviceLevel).toBe(1)
    expect(plan.lateVolume).toBe(0)
  })

  it('carries night arrivals to the morning and counts them late when no open interval is in reach', () => {
    // Closed for two hours, then open; 1-hour goal.
    const plan = deferredStaffing(
      [
        { volume: 12, open: false },
        { volume: 6, open: false },
        { volume: 10, open: true },
        { volume: 0, open: true },
      ],
      { intervalSec: hour, ahtSec: 600, responseGoalSec: hour, productivity: 0.8 },
    )
    // Hour 2 answers the 18 late items and its own 10: 28 × 600 s / (3600 s × 0.8).
    expect(plan.agents[0]).toBe(0)
    expect(plan.agents[2]).toBeCloseTo((28 * 600) / (3600 * 0.8), 12)
    expect(plan.lateVolume).toBe(18)
    expect(plan.serviceLevel).toBeCloseTo(10 / 28, 12)
    expect(plan.backlog).toEqual([12, 18, 0, 0])
  })

  it('keeps total work equal to volume × AHT, less what is carried past the plan', () => {
    const intervals = Array.from({ length: 96 }, (_, i) => ({ volume: (i * 7) % 13, open: i >= 32 && i < 80 }))
    const plan = deferredStaffing(intervals, { intervalSec: 900, ahtSec: 420, responseGoalSec: 8 * hour })
    const work = plan.agents.reduce((s, a) => s + a * 900, 0)
    const total = intervals.reduce((s, i) => s + i.volume, 0)
    expect(plan.carriedOver).toBeGreaterThan(0)
    expect(work).toBeCloseTo((total - plan.carriedOver) * 420, 6)
  })

  it('does not count work due after the end of the plan as late', () => {
    const plan = deferredStaffing(
      [
        { volume: 10, open: true },
        { volume: 10, open: false },
      ],
      { intervalSec: hour, ahtSec: 360, responseGoalSec: 24 * hour },
    )
    expect(plan.lateVolume).toBe(0)
    expect(plan.serviceLevel).toBe(1)
    // Each item holds 1/24 of its 24-hour window per hour; only the first hour is open here.
    expect(plan.carriedOver).toBeCloseTo(20 - 10 * (2 / 24), 12)
    expect(plan.agents[0]).toBeCloseTo((10 * (2 / 24) * 360) / 3600, 12)
  })

  it('refuses bad input with a clear message', () => {
    expect(() => deferredStaffing([{ volume: -1, open: true }], { intervalSec: 900, ahtSec: 60, responseGoalSec: hour })).toThrow(
      /volume of interval 0/,
    )
    expect(() => deferredStaffing([], { intervalSec: 900, ahtSec: 0, responseGoalSec: hour })).toThrow(/ahtSec/)
    expect(() => deferredStaffing([], { intervalSec: 900, ahtSec: 60, responseGoalSec: 0 })).toThrow(/responseGoalSec/)
    expect(() => deferredStaffing([], { intervalSec: 900, ahtSec: 60, responseGoalSec: hour, productivity: 1.5 })).toThrow(/productivity/)
  })
})

describe('late work after a closed day', () => {
  it('is answered over a response window from the opening, not all in its first interval', () => {
    // 24 closed half hours with 10 items each, then 16 open ones; 4-hour goal = 8 half hours.
    const intervals = [
      ...Array.from({ length: 24 }, () => ({ volume: 10, open: false })),
      ...Array.from({ length: 16 }, () => ({ volume: 0, open: true })),
    ]
    const plan = deferredStaffing(intervals, { intervalSec: 1800, ahtSec: 300, responseGoalSec: 4 * 3600 })
    // Items of the first 17 closed half hours cannot be reached within 8 half hours: late.
    expect(plan.lateVolume).toBe(170)
    // All 240 items are answered within the first 8 open half hours, spread out: the old rule put
    // the 170 late ones in the first (28 agents at once).
    const work = plan.agents.reduce((sum, a) => sum + a * 1800, 0)
    expect(work).toBeCloseTo(240 * 300, 6)
    for (let i = 24; i < 32; i++) expect(plan.agents[i]).toBeLessThan(10)
    for (let i = 32; i < 40; i++) expect(plan.agents[i]).toBeCloseTo(0, 12)
    expect(plan.backlog[31]).toBeCloseTo(0, 9)
  })
})
