// The Review on PostgreSQL (issue 18): the figures of test/integration/review.test.ts from the
// same rows, written through PostgreSQL's Prisma client and read through app/db/queries.server.ts.
import { beforeAll, describe, expect, it } from 'vitest'
import { prisma } from '../../app/db.server.ts'
import { localInstant } from '../../app/domain/intervals.ts'
import { getReview } from '../../app/services/review.server.ts'

const ZONE = 'America/Sao_Paulo'
const at = (local: string) => new Date(localInstant(local.slice(0, 10), Number(local.slice(11, 13)) * 60 + Number(local.slice(14, 16)), ZONE))
let forecastId = 0

beforeAll(async () => {
  await prisma.operation.create({ data: { id: 1, name: 'Operação', timeZone: ZONE } })
  const voz = await prisma.channel.create({ data: { key: 'voz', name: 'Voz', slGoal: 0.8, sortOrder: 1 } })
  const chat = await prisma.channel.create({ data: { key: 'chat', name: 'Chat', slGoal: 0.9, concurrency: 2, sortOrder: 2 } })
  forecastId = (
    await prisma.forecast.create({
      data: { name: 'Conhecida', method: 'seasonal-naive', intervalMin: 30, timeZone: ZONE, historyFrom: '2026-11-01', historyTo: '2026-11-29', firstDay: '2026-11-30', horizonDays: 2, createdBy: 'ana' },
    })
  ).id
  await prisma.forecastChannel.create({ data: { forecastId, channelId: voz.id, method: 'seasonal-naive', params: 'null', scores: '{"methods":[],"auto":null}', origins: 0, dispersion: 1 } })
  await prisma.forecastInterval.createMany({
    data: ([['2026-11-30T09:00', 100], ['2026-11-30T09:30', 100], ['2026-12-01T09:00', 60]] as const).map(([time, offered]) => ({
      forecastId, channelId: voz.id, start: at(time), offered, lower: 0, upper: 0, aht: 300, adjusted: offered,
    })),
  })
  const stat = (channelId: number, time: string, [offered, answered, abandoned, within, handle, wait, fcrCount, fcrResolved, npsCount, npsPromoters, npsDetractors]: number[], agentsStaffed: number | null) => ({
    channelId, start: at(time), offered, answered, abandoned, answeredWithinThreshold: within, abandonedWithinThreshold: 0, handleSecSum: handle, answeredWaitSecSum: wait,
    fcrCount, fcrResolved, npsCount, npsPromoters, npsDetractors, agentsStaffed,
    answeredOffered: offered, abandonedOffered: offered, slEligible: offered, ahtAnswered: answered, asaAnswered: answered,
  })
  await prisma.intervalStat.createMany({
    data: [
      stat(voz.id, '2026-11-30T09:00', [60, 50, 10, 30, 18_000, 1_500, 0, 0, 0, 0, 0], 1),
      stat(voz.id, '2026-11-30T09:15', [60, 50, 10, 30, 18_000, 1_500, 0, 0, 0, 0, 0], 1),
      stat(voz.id, '2026-11-30T09:30', [80, 80, 0, 72, 24_000, 400, 10, 7, 20, 10, 4], 30),
      stat(voz.id, '2026-12-01T09:00', [50, 50, 0, 45, 12_000, 250, 0, 0, 5, 0, 5], 20),
      stat(chat.id, '2026-11-30T10:00', [10, 10, 0, 10, 3_000, 50, 0, 0, 0, 0, 0], null),
    ],
  })
})

const query = (channel: string | null) => ({ forecastId, from: '2026-11-30', to: '2026-12-01', channel, day: null })

describe('the Review on PostgreSQL', () => {
  it('gives the same accuracy, attainment, FCR and NPS as on SQLite', async () => {
    const view = await getReview(query('voz'), ZONE)
    expect(view.accuracy.volume).toMatchObject({ actualTotal: 250, forecastTotal: 260 })
    expect(view.accuracy.volume.wape).toBeCloseTo(50 / 250, 12)
    expect(view.accuracy.aht.wape).toBeCloseTo(9_000 / 72_000, 12)
    expect(view.attainment.intervals).toEqual({ met: 2, measured: 3, share: 2 / 3 })
    expect(view.attainment.days).toEqual({ met: 1, measured: 2, share: 0.5 })
    expect(view.total.serviceLevel).toBeCloseTo(177 / 250, 12)
    expect(view.total.fcrRate).toBeCloseTo(0.7, 12)
    const all = await getReview(query(null), ZONE)
    expect(all.attainment.intervals).toEqual({ met: 3, measured: 4, share: 0.75 })
    expect(all.realtime.serviceLevel).toBeCloseTo(187 / 260, 12)
  })
})
