// Coverage of a requirement by shifts, and the opening hours of several channels together.
import { describe, expect, it } from 'vitest'
import { coverageTotals, onFloor } from '../../app/domain/schedule/coverage.ts'
import { shownCoverage, solverFigures } from '../../app/domain/schedule/figures.ts'
import { unionWeekHours } from '../../app/domain/opening-hours.ts'
import { formatPercent } from '../../app/utils/format.ts'

const t0 = Date.UTC(2026, 10, 30, 8)
const at = (minutes: number) => t0 + minutes * 60_000
const starts = Array.from({ length: 8 }, (_, j) => at(j * 15)) // 08:00 … 09:45

describe('agents on the floor', () => {
  it('counts a shift in every interval it covers and takes its breaks out', () => {
    const shifts = [{ start: at(0), end: at(120), breaks: [{ start: at(30), end: at(45) }] }]
    expect(onFloor(shifts, starts, 15)).toEqual([1, 1, 0, 1, 1, 1, 1, 1])
  })

  it('counts the part of an interval a shift or break covers (10-minute pause = 1/3 of 15 minutes off)', () => {
    const shifts = [
      { start: at(5), end: at(60), breaks: [{ start: at(15), end: at(25) }] },
      { start: at(0), end: at(120), breaks: [] },
    ]
    expect(onFloor(shifts, starts, 15)).toEqual([1 + 2 / 3, 1 + 1 / 3, 2, 2, 1, 1, 1, 1].map((x) => Math.round(x * 1e9) / 1e9))
  })

  it('ignores what lies outside the intervals and answers an empty week', () => {
    expect(onFloor([{ start: at(-60), end: at(-30), breaks: [] }], starts, 15)).toEqual(new Array(8).fill(0))
    expect(onFloor([{ start: at(0), end: at(60), breaks: [] }], [], 15)).toEqual([])
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
