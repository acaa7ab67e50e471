// A saved forecast on PostgreSQL (issue 18): its page's view (the forecast beside the last week's
// actuals, by day) and its CSV, from rows written through PostgreSQL's Prisma client and read
// through app/db/queries.server.ts.
import { beforeAll, describe, expect, it } from 'vitest'
import { prisma } from '../../app/db.server.ts'
import { forecastCsv, getForecastView } from '../../app/services/forecast.server.ts'

let forecastId = 0

beforeAll(async () => {
  await prisma.operation.create({ data: { id: 1, name: 'Operação', timeZone: 'America/Sao_Paulo' } })
  const voz = await prisma.channel.create({ data: { key: 'voz', name: 'Voz' } })
  const forecast = await prisma.forecast.create({
    data: {
      name: 'Dezembro', method: 'auto', intervalMin: 30, timeZone: 'America/Sao_Paulo', historyFrom: '2026-11-01', historyTo: '2026-11-30',
      firstDay: '2026-12-01', horizonDays: 1, createdBy: 'test',
      channels: { create: [{ channelId: voz.id, method: 'seasonal-naive', params: '{}', scores: '{"methods":[],"auto":null}', origins: 0, dispersion: 1 }] },
    },
  })
  forecastId = forecast.id
  // 09:00 and 09:30 São Paulo on 1 December.
  await prisma.forecastInterval.createMany({
    data: [
      { forecastId, channelId: voz.id, start: new Date('2026-12-01T12:00:00Z'), offered: 100, lower: 90, upper: 110, aht: 180, adjusted: 120 },
      { forecastId, channelId: voz.id, start: new Date('2026-12-01T12:30:00Z'), offered: 50, lower: 40, upper: 60, aht: null, adjusted: 50 },
    ],
  })
  // Last week's actuals: 80 contacts at 09:00 on 30 November.
  await prisma.intervalStat.create({ data: { channelId: voz.id, start: new Date('2026-11-30T12:00:00Z'), offered: 80 } })
})

describe('a forecast on PostgreSQL', () => {
  it('shows the forecast beside last week’s actuals, and sums its day', async () => {
    const view = (await getForecastView(forecastId, null))!
    expect(view.days).toEqual([{ day: '2026-12-01', model: 150, adjusted: 170, aht: 180 }])
    expect(view.chart.find((p) => p.day === '2026-12-01' && p.minute === 9 * 60)).toMatchObject({ forecast: 100, adjusted: 120 })
    expect(view.chart.find((p) => p.day === '2026-11-30' && p.minute === 9 * 60)).toMatchObject({ actual: 80 })
  })

  it('exports its intervals as CSV with local times', async () => {
    expect(await forecastCsv(forecastId)).toBe(
      'interval_start,channel,offered,aht_seconds,model_offered,lower,upper\n' +
        '2026-12-01T09:00:00-03:00,voz,120,180,100,90,110\n' +
        '2026-12-01T09:30:00-03:00,voz,50,,50,40,60\n',
    )
  })
})
