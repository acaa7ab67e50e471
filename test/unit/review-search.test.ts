import { describe, expect, it } from 'vitest'
import { parseReviewSearch, resolveReview } from '../../app/schemas/review.ts'

const parse = (query: string) => parseReviewSearch(new URLSearchParams(query))

describe('the review address', () => {
  it('reads a heatmap cell as weekday-hour, and ignores one out of range', () => {
    expect(parse('slot=1-14').slot).toEqual({ weekday: 1, hour: 14 })
    expect(parse('slot=0-0').slot).toEqual({ weekday: 0, hour: 0 })
    expect(parse('slot=6-23').slot).toEqual({ weekday: 6, hour: 23 })
    for (const bad of ['7-1', '1-24', '1', '-1-3', '1-2-3', 'a-b']) expect(parse(`slot=${bad}`).slot).toBeUndefined()
  })

  it('passes the cell on to the query, with the period and the day', () => {
    const forecasts = [{ id: 3, firstDay: '2026-11-02', horizonDays: 28 }]
    const resolved = resolveReview(
      parse('forecast=3&slot=2-9&day=2026-11-10'),
      forecasts,
      { from: '2026-09-01', to: '2026-11-30' },
      ['voz'],
      '2026-12-02',
    )
    expect(resolved).toEqual({
      query: { forecastId: 3, from: '2026-11-02', to: '2026-11-29', channel: null, day: '2026-11-10', slot: { weekday: 2, hour: 9 } },
    })
  })
})
