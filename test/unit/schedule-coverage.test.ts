// Coverage of a requirement by shifts, and the opening hours of several channels together.
import { describe, expect, it } from 'vitest'
import { coverageTotals, onFloor } from '../../app/domain/schedule/coverage.ts'
import { unionWeekHours } from '../../app/domain/opening-hours.ts'

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
