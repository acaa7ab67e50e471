import { describe, expect, it } from 'vitest'
import { findGaps, withoutGaps } from '../../app/domain/forecast/gaps.ts'
import { presentSlots, seriesFromIntervals, slotInstants } from '../../app/domain/forecast/grid.ts'
import { createSeries, type DaySeries } from '../../app/domain/forecast/series.ts'

// Shaped like the bank's history: weekdays open, weekends absent (no rows: closed). 2026-01-05
// is a Monday; four slots a day, the last one closed.
const MONDAY = '2026-01-05'
const OPEN = [10, 50, 40, 0]

/** Weeks of weekdays at OPEN × (1 + day/100), so every day's total differs and medians are checkable. */
function bankLike(weeks: number): { series: DaySeries; present: Uint8Array } {
  const series = createSeries(MONDAY, weeks * 7, 4)
  const present = new Uint8Array(series.values.length)
  for (let d = 0; d < weeks * 7; d++) {
    if (d % 7 >= 5) continue // Saturday, Sunday
    for (let i = 0; i < 4; i++) {
      series.values[d * 4 + i] = OPEN[i]! * (1 + d / 100)
      present[d * 4 + i] = 1 // the source writes a row per interval of an open day, 0 included
    }
  }
  return { series, present }
}

const total = (d: number) => 100 * (1 + d / 100)
const dropDay = ({ series, present }: { series: DaySeries; present: Uint8Array }, d: number) => {
  series.values.fill(0, d * 4, (d + 1) * 4)
  present.fill(0, d * 4, (d + 1) * 4)
}

describe('gaps in a history', () => {
  it('finds a missing weekday and a low one, judged against the same weekday ±4 weeks', () => {
    const history = bankLike(10)
    dropDay(history, 28) // Monday of week 5: no rows
    history.series.values.fill(0, 30 * 4 + 1, 30 * 4 + 3) // Wednesday of week 5: rows, little volume
    const gaps = findGaps(history.series, { present: history.present })
    expect(gaps).toEqual([
      // Mondays 0, 7, …, 56 around it: median of days 7, 14, 21, 35, 42, 49, 56 and 0 = (21 + 35) / 2.
      { date: '2026-02-02', kind: 'missing', total: 0, usual: (total(21) + total(35)) / 2 },
      { date: '2026-02-04', kind: 'low', total: 10 * 1.3, usual: (total(23) + total(37)) / 2 },
    ])
  })

  it('does not count a missing day in the usual of the days around it', () => {
    const history = bankLike(10)
    dropDay(history, 21)
    dropDay(history, 28)
    const gaps = findGaps(history.series, { present: history.present })
    expect(gaps.map((g) => g.date)).toEqual(['2026-01-26', '2026-02-02'])
    // Day 28's neighbours: 0, 7, 14, 35, 42, 49, 56 (21 is missing): the median is day 35.
    expect(gaps[1]!.usual).toBeCloseTo(total(35), 12)
  })

  it('says partial when rows are absent where that weekday always had volume', () => {
    const history = bankLike(10)
    history.series.values.fill(0, 30 * 4 + 1, 30 * 4 + 4) // a Wednesday after its first slot: no rows
    history.present.fill(0, 30 * 4 + 1, 30 * 4 + 4)
    expect(findGaps(history.series, { present: history.present })).toEqual([
      { date: '2026-02-04', kind: 'partial', total: 10 * 1.3, usual: (total(23) + total(37)) / 2 },
    ])
    // Without knowing which rows were there, the same day is only low.
    expect(findGaps(history.series).map((g) => g.kind)).toEqual(['low'])
    // A quiet interval without a row (contacts rolled up write none) is chance, not a partial
    // day: here a first slot of about 5 contacts, under the 10 a partial day lacks.
    const quiet = bankLike(10)
    for (let d = 0; d < 70; d++) if (d % 7 < 5) quiet.series.values[d * 4] = 5 * (1 + d / 100)
    quiet.series.values[30 * 4] = 0
    quiet.present[30 * 4] = 0
    expect(findGaps(quiet.series, { present: quiet.present })).toEqual([])
    // A closed slot (the fourth) without rows is not a partial day.
    const closedSlot = bankLike(10)
    closedSlot.present.fill(0, 30 * 4 + 3, 30 * 4 + 4)
    expect(findGaps(closedSlot.series, { present: closedSlot.present })).toEqual([])
  })

  it('finds a gap on the first and on the last day', () => {
    const history = bankLike(6)
    dropDay(history, 0)
    dropDay(history, 39) // Friday of the last week
    const gaps = findGaps(history.series, { present: history.present })
    expect(gaps.map((g) => [g.date, g.kind, g.usual])).toEqual([
      ['2026-01-05', 'missing', (total(14) + total(21)) / 2], // Mondays 7…28, one side only
      ['2026-02-13', 'missing', (total(18) + total(25)) / 2], // Fridays 11…32
    ])
  })

  it('needs neighbours: nothing in an empty series or a single week', () => {
    expect(findGaps(createSeries(MONDAY, 0, 4))).toEqual([])
    const oneWeek = bankLike(1)
    dropDay(oneWeek, 2)
    expect(findGaps(oneWeek.series, { present: oneWeek.present })).toEqual([])
    expect(findGaps(oneWeek.series)).toEqual([])
  })

  it('leaves days already NaN (tagged by the caller) unjudged and out of the usual', () => {
    const history = bankLike(10)
    history.series.values.fill(Number.NaN, 35 * 4, 36 * 4) // a tagged Monday
    dropDay(history, 28)
    const gaps = findGaps(history.series, { present: history.present })
    expect(gaps.map((g) => g.date)).toEqual(['2026-02-02'])
    // Neighbours 0, 7, 14, 21, 42, 49, 56: the median is day 21.
    expect(gaps[0]!.usual).toBeCloseTo(total(21), 12)
  })

  it('never calls a weekday that is mostly closed a gap (a Saturday opened once a month)', () => {
    const history = bankLike(10)
    for (const saturday of [5, 33, 61]) history.series.values.fill(20, saturday * 4, saturday * 4 + 3)
    expect(findGaps(history.series)).toEqual([])
    const present = history.present.slice()
    for (const saturday of [5, 33, 61]) present.fill(1, saturday * 4, saturday * 4 + 3)
    expect(findGaps(history.series, { present })).toEqual([])
  })

  it('judges a DST day on the hours it had, and finds it when it is missing (New York)', () => {
    // A 24/7 line at 40 an hour, 5 weeks around Sunday 8 March 2026 (the clock skips 02:00).
    const zone = 'America/New_York'
    const first = '2026-02-15'
    const rows = slotInstants(first, 35, zone, 60).map((s) => ({ start: s.start, value: 40 }))
    const series = seriesFromIntervals(rows, first, 35, zone, 60)
    const present = presentSlots(
      rows.map((r) => r.start),
      first,
      35,
      zone,
      60,
    )
    expect(series.values[21 * 24 + 2]).toBeNaN() // the lost hour
    expect(findGaps(series, { present })).toEqual([])
    const without = rows.filter((r) => r.start < Date.parse('2026-03-08T05:00:00Z') || r.start >= Date.parse('2026-03-09T04:00:00Z'))
    const gaps = findGaps(seriesFromIntervals(without, first, 35, zone, 60), {
      present: presentSlots(
        without.map((r) => r.start),
        first,
        35,
        zone,
        60,
      ),
    })
    expect(gaps).toEqual([{ date: '2026-03-08', kind: 'missing', total: 0, usual: 960 }])
  })

  it('marks the gaps missing in a new series', () => {
    const history = bankLike(10)
    dropDay(history, 28)
    const marked = withoutGaps(history.series, findGaps(history.series, { present: history.present }))
    expect(Array.from(marked.values.subarray(28 * 4, 29 * 4)).every(Number.isNaN)).toBe(true)
    expect(marked.values.filter(Number.isNaN)).toHaveLength(4)
    expect(history.series.values[28 * 4 + 1]).toBe(0) // the input is unchanged
  })
})
