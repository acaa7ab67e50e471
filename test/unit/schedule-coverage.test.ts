// Coverage of a requirement by shifts, minute by minute, and the opening hours of several channels together.
import { describe, expect, it } from 'vitest'
import { coverageTotals, floorByMinute, floorPerInterval, owedByMinute, shortMinutes } from '../../app/domain/schedule/coverage.ts'
import { boundFigures, shownCoverage, solverFigures } from '../../app/domain/schedule/figures.ts'
import { integerTimeLimit, MIN_INTEGER_SEC } from '../../app/domain/schedule/time-limit.ts'
import { unionWeekHours } from '../../app/domain/opening-hours.ts'
import { formatPercent } from '../../app/utils/format.ts'

const t0 = Date.UTC(2026, 10, 30, 8)
const at = (minutes: number) => t0 + minutes * 60_000

describe('agents on the floor, minute by minute', () => {
  const floorPer15 = (shifts: Parameters<typeof floorByMinute>[0]) => floorPerInterval(floorByMinute(shifts, t0, 120), 15)

  it('counts a shift in every minute it holds and takes its breaks out', () => {
    const shifts = [{ start: at(0), end: at(120), breaks: [{ start: at(30), end: at(45) }] }]
    const floor = floorByMinute(shifts, t0, 120)
    // By hand: 08:00–08:30 one agent, 08:30–08:45 the break, 08:45–10:00 one agent.
    expect(floor).toEqual([...new Array(30).fill(1), ...new Array(15).fill(0), ...new Array(75).fill(1)])
    expect(floorPerInterval(floor, 15)).toEqual([1, 1, 0, 1, 1, 1, 1, 1])
  })

  it('never counts a share: a 10-minute pause leaves its interval with the agents there throughout', () => {
    const shifts = [
      { start: at(5), end: at(60), breaks: [{ start: at(15), end: at(25) }] },
      { start: at(0), end: at(120), breaks: [] },
    ]
    const floor = floorByMinute(shifts, t0, 120)
    // By hand, per minute: 0–4 one, 5–14 two, 15–24 one (the pause), 25–59 two, 60–119 one. The old
    // count by shares read 1 2/3 and 1 1/3 for the first two intervals.
    expect(floor.slice(0, 5)).toEqual([1, 1, 1, 1, 1])
    expect(floor.slice(5, 15)).toEqual(new Array(10).fill(2))
    expect(floor.slice(15, 25)).toEqual(new Array(10).fill(1))
    expect(floor.slice(25, 60)).toEqual(new Array(35).fill(2))
    expect(floorPer15(shifts)).toEqual([1, 1, 2, 2, 1, 1, 1, 1])
  })

  it('counts only the minutes held whole and takes out every minute a break touches', () => {
    const shifts = [{ start: at(0.5), end: at(3.5), breaks: [{ start: at(2.5), end: at(2.75) }] }]
    // Held whole: minutes 1 and 2 (it starts at 0.5 and ends at 3.5); the break touches minute 2: only minute 1 counts.
    expect(floorByMinute(shifts, t0, 5)).toEqual([0, 1, 0, 0, 0])
  })

  it('ignores what lies outside the minutes counted and answers an empty horizon', () => {
    expect(floorByMinute([{ start: at(-60), end: at(-30), breaks: [] }], t0, 120)).toEqual(new Array(120).fill(0))
    expect(floorByMinute([{ start: at(0), end: at(60), breaks: [] }], t0, 0)).toEqual([])
  })
})

describe('minutes short, and minutes no allowed shift can reach', () => {
  it('finds the gap the count by shares hid: three shifts ending at 22:50 "covered" a 22:45 requirement of 1', () => {
    // 22:45–23:00 owes 1. Three shifts end at 22:50: by shares 3 × 5/15 = 1 agent, covered; on the
    // floor, nobody from 22:50 to 23:00 — 10 minutes, 10 agent-minutes short.
    const close = Date.UTC(2026, 10, 30, 22, 45)
    const shifts = Array.from({ length: 3 }, () => ({ start: close - 60 * 60_000, end: close + 5 * 60_000, breaks: [] }))
    const owed = owedByMinute([1], 15)
    const floor = floorByMinute(shifts, close, 15)
    expect(floor).toEqual([3, 3, 3, 3, 3, ...new Array(10).fill(0)])
    const reachable = new Array<boolean>(15).fill(true)
    expect(shortMinutes(owed, floor, reachable, close)).toEqual({
      shortMinutes: 10,
      shortAgentMinutes: 10,
      unreachableMinutes: 0,
      unreachableAgentMinutes: 0,
      unreachable: [],
    })
    // The same minutes, where no allowed shift can be: a rules problem, named as one, with its times.
    const unreachable = reachable.map((_, m) => m < 5)
    expect(shortMinutes(owed, floor, unreachable, close)).toEqual({
      shortMinutes: 0,
      shortAgentMinutes: 0,
      unreachableMinutes: 10,
      unreachableAgentMinutes: 10,
      unreachable: [{ start: close + 5 * 60_000, end: close + 15 * 60_000 }],
    })
    const totals = coverageTotals(owed, floor, 1, 15)
    expect(totals.short).toEqual([0])
    expect(totals.underHours).toBeCloseTo(10 / 60, 12)
  })

  it('finds stacked pauses: two agents owed, three on shift, two pausing 22:00–22:10 and one 22:05–22:15', () => {
    // By shares: 3 − 2 × 10/15 − 10/15 = 1 agent for 2 owed (short 1 agent-interval = 15 agent-minutes).
    // Minute by minute: 22:00–22:05 one (the third), 22:05–22:10 none, 22:10–22:15 two (the first two back):
    // short 1 × 5 + 2 × 5 = 15 agent-minutes in 10 minutes — and 22:05–22:10 has nobody at all.
    const ten = Date.UTC(2026, 10, 30, 22)
    const m = (minutes: number) => ten + minutes * 60_000
    const shifts = [
      { start: m(-60), end: m(60), breaks: [{ start: m(0), end: m(10) }] },
      { start: m(-60), end: m(60), breaks: [{ start: m(0), end: m(10) }] },
      { start: m(-60), end: m(60), breaks: [{ start: m(5), end: m(15) }] },
    ]
    const floor = floorByMinute(shifts, ten, 15)
    expect(floor).toEqual([1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 2, 2, 2, 2, 2])
    const short = shortMinutes(owedByMinute([2], 15), floor, new Array(15).fill(true), ten)
    expect(short.shortMinutes).toBe(10)
    expect(short.shortAgentMinutes).toBe(15)
  })
})

describe('coverage totals', () => {
  it('measures owed, covered, over and under agent-hours and names the short intervals', () => {
    const totals = coverageTotals([2, 2, 0, 4], [2, 1, 1, 4], 15)
    expect(totals.owedHours).toBe(2)
    expect(totals.coveredHours).toBe(1.75)
    expect(totals.coverage).toBe(0.875)
    expect(totals.overHours).toBe(0.25)
    expect(totals.underHours).toBe(0.25)
    expect(totals.short).toEqual([1])
  })

  it('is full coverage when nothing is owed', () => {
    expect(coverageTotals([0, 0], [0, 3], 30).coverage).toBe(1)
  })

  it('is exactly full when no interval is short, though shares add up a hair below an agent', () => {
    const totals = coverageTotals([1, 2], [1 - 1e-9, 2 - 4e-7], 15)
    expect(totals.short).toEqual([])
    expect(totals.coverage).toBe(1)
  })
})

describe('figures that do not contradict each other', () => {
  it('coverage reads 100% only when no interval is short: a week short by 0.1 agent in 1 interval of 1,000 reads 99.9%', () => {
    const owed = new Array(1000).fill(10)
    const floor = owed.map((need, j) => (j === 500 ? need - 0.1 : need))
    const totals = coverageTotals(owed, floor, 15)
    expect(totals.short).toEqual([500])
    // Rounded as it is, it would read 100.0% (and 100% on a day's tab) beside an interval short.
    expect(formatPercent(totals.coverage, 'en', 1)).toBe('100.0%')
    expect(formatPercent(shownCoverage(totals.coverage, true, 1), 'en', 1)).toBe('99.9%')
    expect(formatPercent(shownCoverage(totals.coverage, true, 0), 'en', 0)).toBe('99%')
    expect(formatPercent(shownCoverage(coverageTotals(owed, owed, 15).coverage, false, 1), 'en', 1)).toBe('100.0%')
  })

  it('coverage otherwise reads rounded as usual', () => {
    expect(shownCoverage(0.98765, true, 1)).toBe(0.988)
    expect(shownCoverage(0.9994, true, 1)).toBe(0.999)
    expect(shownCoverage(0.9996, false, 1)).toBe(1)
    expect(shownCoverage(0.5, true, 0)).toBe(0.5)
  })

  it('the LP bound is never above the cost it bounds, nor the gap negative (a bound a hair above is the solver’s tolerance)', () => {
    expect(solverFigures(59.65 + 1e-7, 59.65)).toEqual({ lpBound: 59.65, objective: 59.65, gap: 0 })
    expect(solverFigures(50, 60)).toEqual({ lpBound: 50, objective: 60, gap: 0.2 })
    expect(solverFigures(0, 0)).toEqual({ lpBound: 0, objective: 0, gap: 0 })
  })

  it('states HiGHS’s MIP bound beside the LP’s, with the gap to the better of the two', () => {
    // Cost 60, LP bound 50, MIP bound 57.5: the gap to the better bound is 2.5 ÷ 57.5.
    expect(boundFigures(50, 57.5, 60)).toEqual({ mipBound: 57.5, bestGap: 2.5 / 57.5 })
    // A MIP bound below the LP's (HiGHS stopped early) leaves the LP's gap.
    expect(boundFigures(50, 48, 60)).toEqual({ mipBound: 48, bestGap: 0.2 })
    // A hair above the cost is the cost; none proved (null, or HiGHS's −inf) is no bound.
    expect(boundFigures(50, 60 + 1e-7, 60)).toEqual({ mipBound: 60, bestGap: 0 })
    expect(boundFigures(50, null, 60)).toEqual({ mipBound: null, bestGap: 0.2 })
    expect(boundFigures(50, -Infinity, 60)).toEqual({ mipBound: null, bestGap: 0.2 })
    expect(boundFigures(0, 0, 0)).toEqual({ mipBound: 0, bestGap: 0 })
  })
})

describe('the time limit of the whole solve', () => {
  it('gives the integer program what is left after the model and the LP, never less than the floor', () => {
    expect(MIN_INTEGER_SEC).toBe(1)
    expect(integerTimeLimit(10, 0)).toBe(10)
    expect(integerTimeLimit(10, 2_500)).toBe(7.5)
    expect(integerTimeLimit(10, 9_000)).toBe(1)
    // An LP that took 21 s of a 10 s limit: the integer program still gets the floor.
    expect(integerTimeLimit(10, 21_000)).toBe(1)
  })
})

describe('opening hours of several channels', () => {
  const h = (open: number, close: number) => ({ open: open * 60, close: close * 60 })
  it('spans the earliest opening to the latest closing per weekday, closed only when all are', () => {
    const voz = [null, ...Array(6).fill(h(8, 22))]
    const chat = [h(9, 21), ...Array(5).fill(h(8, 24)), null]
    expect(unionWeekHours([voz, chat])).toEqual([h(9, 21), h(8, 24), h(8, 24), h(8, 24), h(8, 24), h(8, 24), h(8, 22)])
  })

  it('is always open when any channel is (null) or none is given', () => {
    expect(unionWeekHours([Array(7).fill(h(8, 18)), null])).toBeNull()
    expect(unionWeekHours([])).toBeNull()
  })
})
