// The weekend rotation's memory, read from earlier schedules' days off (weeks starting Monday 2026-11-30).
import { describe, expect, it } from 'vitest'
import { weekendHistory, type PastSchedule } from '../../app/domain/schedule/weekend-history.ts'

const week = (firstDay: string, daysOff: Record<string, number[]>, over: Partial<PastSchedule> = {}): PastSchedule => ({
  id: 1,
  firstDay,
  daysOff,
  published: true,
  ...over,
})

describe('weekend days off in the weeks before', () => {
  it('counts Saturdays and Sundays off per week, the last week first, 0 for a week without a schedule', () => {
    const past = [
      week('2026-11-23', { 1: [5, 6], 2: [0, 1] }), // last week: Sat + Sun; Mon + Tue
      week('2026-11-09', { 1: [2, 3], 2: [4, 5] }), // three weeks back: none; Saturday
    ]
    expect(weekendHistory('2026-11-30', past, [1, 2, 3], 4)).toEqual(
      new Map([
        [1, [2, 0, 0, 0]],
        [2, [0, 0, 1, 0]],
        [3, [0, 0, 0, 0]], // not on those schedules
      ]),
    )
  })

  it('reads a week from its published schedule, else its latest draft; ignores weeks out of range or off the weekly grid', () => {
    const past = [
      week('2026-11-23', { 1: [6] }, { id: 5, published: true }),
      week('2026-11-23', { 1: [1] }, { id: 9, published: false }),
      week('2026-11-16', { 1: [1] }, { id: 3, published: false }),
      week('2026-11-16', { 1: [5, 6] }, { id: 4, published: false }),
      week('2026-11-30', { 1: [5, 6] }), // this week
      week('2026-11-25', { 1: [5, 6] }), // a Wednesday
      week('2026-10-05', { 1: [5, 6] }), // eight weeks back, beyond three
    ]
    expect(weekendHistory('2026-11-30', past, [1], 3).get(1)).toEqual([1, 2, 0])
  })
})
