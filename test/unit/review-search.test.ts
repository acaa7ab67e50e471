import { describe, expect, it } from 'vitest'
import { parseReviewSearch } from '../../app/schemas/review.ts'
import { resolveReview } from '../../app/services/review.server.ts'

const parse = (query: string) => parseReviewSearch(new URLSearchParams(query))

describe('the review address', () => {
  it('reads a heatmap cell as weekday-hour, and ignores one out of range', () => {
    expect(parse('slot=1-14').slot).toEqual({ weekday: 1, hour: 14 })
    expect(parse('slot=0-0').slot).toEqual({ weekday: 0, hour: 0 })
    expect(parse('slot=6-23').slot).toEqual({ weekday: 6, hour: 23 })
    for (const bad of ['7-1', '1-24', '1', '-1-3', '1-2-3', 'a-b']) expect(parse(`slot=${bad}`).slot).toBeUndefined()
  })

  it('passes the cell on to the query, with the period and the day', () => {
    const resolved = resolveReview(parse('forecast=3&slot=2-9&day=2026-11-10'), {
      forecasts: [{ id: 3, firstDay: '2026-11-02', horizonDays: 28, channelKeys: ['voz'] }],
      data: new Map([['voz', { from: '2026-09-01', to: '2026-11-30' }]]),
      channelKeys: ['voz'],
      today: '2026-12-02',
    })
    expect(resolved).toEqual({
      query: { forecastId: 3, from: '2026-11-02', to: '2026-11-29', channel: null, day: '2026-11-10', slot: { weekday: 2, hour: 9 } },
    })
  })
})

describe('the review’s forecast and period follow each other', () => {
  // The demo's channels to yesterday, and a bank's history of 2003 imported beside them.
  const choices = {
    forecasts: [
      { id: 9, firstDay: '2026-12-07', horizonDays: 14, channelKeys: ['voz'] }, // the future: nothing to review yet
      { id: 8, firstDay: '2003-10-27', horizonDays: 14, channelKeys: ['banco'] }, // after the bank's data
      { id: 7, firstDay: '2003-10-13', horizonDays: 14, channelKeys: ['banco'] },
      { id: 6, firstDay: '2026-11-09', horizonDays: 28, channelKeys: ['voz'] },
    ],
    data: new Map([
      ['voz', { from: '2026-09-07', to: '2026-12-06' }],
      ['banco', { from: '2003-03-03', to: '2003-10-24' }],
    ]),
    channelKeys: ['voz', 'banco'],
    today: '2026-12-07',
  }
  const query = (url: string) => {
    const resolved = resolveReview(parse(url), choices)
    if ('error' in resolved) throw new Error(resolved.error)
    return resolved.query
  }

  it('defaults to the newest forecast with data of its own channels, over that forecast’s days with data', () => {
    expect(query('')).toMatchObject({ forecastId: 7, from: '2003-10-13', to: '2003-10-24' })
  })

  it('opens a chosen forecast’s period: its days with data, or its own days when none have data yet', () => {
    expect(query('forecast=6')).toMatchObject({ forecastId: 6, from: '2026-11-09', to: '2026-12-06' })
    expect(query('forecast=8')).toMatchObject({ forecastId: 8, from: '2003-10-27', to: '2003-11-09' })
  })

  it('follows a newly chosen forecast even when the form sends the old period', () => {
    expect(query('forecast=6&shown=7&from=2003-10-13&to=2003-10-24')).toMatchObject({ forecastId: 6, from: '2026-11-09', to: '2026-12-06' })
    // The same forecast as shown: the period asked for stands.
    expect(query('forecast=6&shown=6&from=2026-11-10&to=2026-11-12')).toMatchObject({ forecastId: 6, from: '2026-11-10', to: '2026-11-12' })
  })

  it('without a forecast, the last 28 days of the chosen channel’s data', () => {
    expect(query('forecast=none&channel=banco')).toMatchObject({ forecastId: null, from: '2003-09-27', to: '2003-10-24', channel: 'banco' })
    expect(query('forecast=none')).toMatchObject({ from: '2026-11-09', to: '2026-12-06' })
  })

  it('falls back to the last 28 days to today on an empty database', () => {
    expect(resolveReview(parse(''), { ...choices, forecasts: [], data: new Map() })).toMatchObject({
      query: { forecastId: null, from: '2026-11-09', to: '2026-12-06' },
    })
  })
})
