// The staffing plan on PostgreSQL (issue 18): a forecast written through PostgreSQL's Prisma
// client, read back through app/db/queries.server.ts, planned by the same engine — the worked
// example of 100 calls in 30 minutes at 180 s and 80/20 needs 14 agents (Erlang C), 28 at k = 0.5.
import { beforeAll, describe, expect, it } from 'vitest'
import { prisma } from '../../app/db.server.ts'
import { getStaffingView, planRows } from '../../app/services/staffing.server.ts'

let forecastId = 0

beforeAll(async () => {
  await prisma.operation.create({ data: { id: 1, name: 'Operação', timeZone: 'America/Sao_Paulo' } })
  const voz = await prisma.channel.create({ data: { key: 'voz', name: 'Voz', slGoal: 0.8, slThresholdSec: 20, shrinkage: 0 } })
  const forecast = await prisma.forecast.create({
    data: {
      name: 'Dezembro',
      method: 'auto',
      intervalMin: 30,
      timeZone: 'America/Sao_Paulo',
      historyFrom: '2026-10-01',
      historyTo: '2026-11-30',
      firstDay: '2026-12-01',
      horizonDays: 1,
      createdBy: 'test',
      channels: { create: [{ channelId: voz.id, method: 'seasonal-naive', params: '{}', scores: '[]', origins: 0, dispersion: 1 }] },
    },
  })
  forecastId = forecast.id
  // 09:00–09:30 São Paulo (12:00Z): the worked example; 09:30: nothing offered.
  await prisma.forecastInterval.createMany({
    data: [
      { forecastId, channelId: voz.id, start: new Date('2026-12-01T12:00:00Z'), offered: 100, lower: 90, upper: 110, aht: 180, adjusted: 100 },
      { forecastId, channelId: voz.id, start: new Date('2026-12-01T12:30:00Z'), offered: 0, lower: 0, upper: 0, aht: 180, adjusted: 0 },
    ],
  })
})

describe('the staffing plan on PostgreSQL', () => {
  it('plans the forecast read back from PostgreSQL, and follows the channel’s efficiency', async () => {
    const plan = await planRows(forecastId, null)
    const nine = plan!.rows.find((r) => r.start === Date.parse('2026-12-01T12:00:00Z'))!
    expect(nine.planned).toMatchObject({ offered: 100, ahtSec: 180, agents: 14 })
    expect(nine.planned.serviceLevel).toBeCloseTo(0.88835, 5)
    await prisma.channel.update({ where: { key: 'voz' }, data: { efficiency: 0.5 } })
    const halved = await planRows(forecastId, null)
    expect(halved!.rows.find((r) => r.start === Date.parse('2026-12-01T12:00:00Z'))!.planned.agents).toBe(28)
  })

  it('builds the Staffing page’s view, patience estimated from no waits at all', async () => {
    const view = await getStaffingView({ forecastId, week: 0, channel: null, scenarioIds: [], weeklyHours: 44, workdays: 6 })
    expect(view!.patience).toEqual([expect.objectContaining({ key: 'voz', estimate: expect.objectContaining({ offered: 0, patienceSec: null }) })])
    expect(view!.intervals.find((i) => i.minute === 9 * 60)).toMatchObject({ offered: 100, agents: 28 })
  })
})
