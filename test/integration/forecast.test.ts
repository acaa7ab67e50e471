import { beforeAll, describe, expect, it } from 'vitest'
import { prisma } from '../../app/db.server.ts'
import {
  addOverride,
  createForecast,
  dataRange,
  deleteForecast,
  deleteOverride,
  forecastCsv,
  getForecastView,
  listForecasts,
} from '../../app/services/forecast.server.ts'
import { addNationalHolidays, listSpecialDays, saveSpecialDay } from '../../app/services/special-days.server.ts'
import { withWrite } from '../../app/db/queries.server.ts'
import { testActor } from '../support/actor.ts'

// São Paulo (UTC−3, no DST since 2019). Five weeks of history, 2026-10-05 (Monday) to
// 2026-11-08: every weekday 08:00–18:00 local, 10 contacts per 15 minutes on weeks 1–4 and 20
// in week 5, TMA 300 s; weekends closed. The week-5 Wednesday (4 Nov) is tagged as a holiday
// with 500 contacts per 15 minutes: left out of training.
const ZONE = 'America/Sao_Paulo'
let voz: number

beforeAll(async () => {
  await prisma.operation.create({ data: { id: 1, name: 'SP', timeZone: ZONE } })
  voz = (await prisma.channel.create({ data: { key: 'voz', name: 'Voz', sortOrder: 1 } })).id
  const history: number[][] = []
  for (let d = 0; d < 35; d++) {
    if (d % 7 >= 5) continue
    const dayStart = Date.parse('2026-10-05T08:00:00-03:00') + d * 86_400_000
    const holiday = d === 30
    const offered = holiday ? 500 : d >= 28 ? 20 : 10
    for (let q = 0; q < 40; q++) history.push([voz, dayStart + q * 900_000, offered, offered, offered, offered * 300])
  }
  await withWrite((writer) =>
    writer.insertRows(
      'IntervalStat',
      { channelId: 'int', start: 'instant', offered: 'int', answered: 'int', ahtAnswered: 'int', handleSecSum: 'float' },
      history,
    ),
  )
  await saveSpecialDay({ ...testActor, name: 'ana' }, { date: '2026-11-04', kind: 'holiday', name: 'Feriado municipal', adjustPct: null })
  await saveSpecialDay({ ...testActor, name: 'ana' }, { date: '2026-11-12', kind: 'closed', name: 'Inventário', adjustPct: null })
})

describe('saved forecasts', () => {
  let id: number

  it('forecasts from the database history, leaving tagged days out and applying them ahead', async () => {
    expect(await dataRange(ZONE)).toEqual({ from: '2026-10-05', to: '2026-11-06' })
    id = await createForecast(
      {
        name: 'Semana 46',
        channelIds: [voz],
        historyFrom: '2026-10-05',
        historyTo: '2026-11-08',
        horizonDays: 7,
        intervalMin: 30,
        method: 'seasonal-naive',
      },
      'ana',
    )
    const view = (await getForecastView(id, null))!
    expect(view.forecast.firstDay).toBe('2026-11-09')
    expect(view.channel.method).toBe('seasonal-naive')
    const day = (d: string) => view.days.find((r) => r.day === d)!
    expect(day('2026-11-09').model).toBeCloseTo(800, 9) // last Monday: 40 × 20
    // Wednesday 11/11: last Wednesday was a holiday left out, so the week before (40 × 10).
    expect(day('2026-11-11').model).toBeCloseTo(400, 9)
    expect(day('2026-11-12').model).toBe(0) // tagged closed
    expect(day('2026-11-14').model).toBe(0) // Saturday: closed, learned
    expect(day('2026-11-09').aht).toBeCloseTo(300, 6)
    expect(view.channel.scores.map((s) => s.method)).toEqual(['seasonal-naive', 'average-4w', 'weighted-6w', 'top-down', 'holt-winters'])
    expect(view.chart.some((p) => p.forecast !== null && p.band !== null && p.band[1] > p.forecast)).toBe(true)
    expect(view.chart.some((p) => p.actual === 40)).toBe(true) // the last history week, 2 × 20 per half hour
    // A week of history then the 7 forecast days, every half hour, each point with its local day and time.
    expect(view.chart).toHaveLength(14 * 48)
    expect(view.chart.slice(0, 2).map((p) => [p.day, p.minute])).toEqual([
      ['2026-11-02', 0],
      ['2026-11-02', 30],
    ])
    expect(view.chart.slice(-1).map((p) => [p.day, p.minute])).toEqual([['2026-11-15', 23 * 60 + 30]])
    expect((await listForecasts()).map((f) => f.name)).toEqual(['Semana 46'])
  })

  it('leaves days after the last data out instead of learning them as zeros', async () => {
    // History to Wednesday 11 November, five days past the data: still last week's Monday.
    const later = await createForecast(
      {
        name: 'x',
        channelIds: [voz],
        historyFrom: '2026-10-05',
        historyTo: '2026-11-11',
        horizonDays: 1,
        intervalMin: 30,
        method: 'seasonal-naive',
      },
      'ana',
    )
    expect((await getForecastView(later, null))!.days[0]).toMatchObject({ day: '2026-11-12', model: 0 }) // tagged closed
    const monday = await createForecast(
      {
        name: 'y',
        channelIds: [voz],
        historyFrom: '2026-10-05',
        historyTo: '2026-11-15',
        horizonDays: 1,
        intervalMin: 30,
        method: 'seasonal-naive',
      },
      'ana',
    )
    expect((await getForecastView(monday, null))!.days[0]!.model).toBeCloseTo(800, 9)
    await expect(
      createForecast(
        {
          name: 'z',
          channelIds: [voz],
          historyFrom: '2026-12-01',
          historyTo: '2026-12-20',
          horizonDays: 1,
          intervalMin: 30,
          method: 'auto',
        },
        'ana',
      ),
    ).rejects.toMatchObject({ field: 'historyFrom', key: 'errors.noDataInHistory' })
    await expect(
      createForecast(
        {
          name: 'z',
          channelIds: [voz, 999],
          historyFrom: '2026-10-05',
          historyTo: '2026-11-06',
          horizonDays: 1,
          intervalMin: 30,
          method: 'auto',
        },
        'ana',
      ),
    ).rejects.toMatchObject({ field: 'channelIds' })
    await deleteForecast(testActor, later)
    await deleteForecast(testActor, monday)
  })

  it('keeps the model values and replays overrides; removing one restores the rest', async () => {
    expect(
      await addOverride(
        { ...testActor, name: 'ana' },
        id,
        { channelId: voz, day: '2026-11-09', fromTime: null, toTime: null, kind: 'percent', amount: 10, note: 'campanha' },
      ),
    ).toBe('added')
    expect(
      await addOverride(
        { ...testActor, name: 'bruno' },
        id,
        { channelId: null, day: '2026-11-10', fromTime: '08:00', toTime: '10:00', kind: 'value', amount: 100, note: null },
      ),
    ).toBe('added')
    let view = (await getForecastView(id, 'voz'))!
    const day = (d: string) => view.days.find((r) => r.day === d)!
    expect(day('2026-11-09').model).toBeCloseTo(800, 9)
    expect(day('2026-11-09').adjusted).toBeCloseTo(880, 9)
    expect(day('2026-11-10').adjusted).toBeCloseTo(800 - 160 + 100, 9) // 08–10: 4 half hours of 40 → 100
    expect(view.overrides.map((o) => [o.createdBy, o.kind, o.amount, o.from, o.to])).toEqual([
      ['ana', 'percent', 10, { day: '2026-11-09', minute: 0 }, { day: '2026-11-10', minute: 0 }],
      ['bruno', 'value', 100, { day: '2026-11-10', minute: 8 * 60 }, { day: '2026-11-10', minute: 10 * 60 }],
    ])
    expect(
      await addOverride(
        { ...testActor, name: 'ana' },
        id,
        { channelId: voz, day: '2026-11-20', fromTime: null, toTime: null, kind: 'percent', amount: 5, note: null },
      ),
    ).toBe('outsideHorizon')
    expect(
      await addOverride(
        { ...testActor, name: 'ana' },
        id,
        { channelId: 12345, day: '2026-11-09', fromTime: null, toTime: null, kind: 'percent', amount: 5, note: null },
      ),
    ).toBe('unknownChannel')
    expect(
      await addOverride(
        { ...testActor, name: 'ana' },
        9999,
        { channelId: null, day: '2026-11-09', fromTime: null, toTime: null, kind: 'percent', amount: 5, note: null },
      ),
    ).toBe('notFound')
    expect(await deleteOverride(testActor, id, view.overrides[0]!.id)).toBe(true)
    view = (await getForecastView(id, 'voz'))!
    expect(day('2026-11-09').adjusted).toBeCloseTo(800, 9)
    expect(day('2026-11-10').adjusted).toBeCloseTo(740, 9)
    // Each change wrote its audit row in its transaction; the refused ones wrote nothing.
    const audit = await prisma.auditEvent.findMany({ where: { action: { startsWith: 'forecast.override' } }, orderBy: { id: 'asc' } })
    expect(audit.map((e) => [e.action, e.target])).toEqual([
      ['forecast.override.create', `forecast:${id}`],
      ['forecast.override.create', `forecast:${id}`],
      ['forecast.override.delete', `forecast:${id}`],
    ])
    expect(await prisma.forecastOverride.count({ where: { forecastId: id } })).toBe(1)
  })

  it('exports CSV in the format staffing reads, adjusted volume first', async () => {
    const csv = (await forecastCsv(id))!
    const lines = csv.trim().split('\n')
    expect(lines[0]).toBe('interval_start,channel,offered,aht_seconds,model_offered,lower,upper')
    expect(lines).toHaveLength(1 + 7 * 48)
    expect(lines).toContain(
      '2026-11-10T08:00:00-03:00,voz,25,300,40,' +
        lines
          .find((l) => l.startsWith('2026-11-10T08:00'))!
          .split(',')
          .slice(5)
          .join(','),
    )
  })

  it('adds the national holidays preset without overwriting a tag', async () => {
    await saveSpecialDay({ ...testActor, name: 'ana' }, { date: '2026-11-20', kind: 'event', name: 'Black Friday', adjustPct: 40 })
    expect(await addNationalHolidays({ ...testActor, name: 'ana' }, 2026, 'pt-BR')).toBe(9) // 10 holidays, 20/11 already tagged
    const days = await listSpecialDays()
    expect(days.find((d) => d.date === '2026-11-20')).toMatchObject({ kind: 'event', adjustPct: 40 })
    expect(days.find((d) => d.date === '2026-04-03')).toMatchObject({ kind: 'holiday', name: 'Paixão de Cristo', adjustPct: null })
    expect(await addNationalHolidays({ ...testActor, name: 'ana' }, 2026, 'pt-BR')).toBe(0)
  })
})
