// The Overview's figures on PostgreSQL (issue 18): the operation and channels through PostgreSQL's
// Prisma client, the day sums through app/db/queries.server.ts.
import { beforeAll, describe, expect, it } from 'vitest'


beforeAll(async () => {
  const { prisma } = await import('../../app/db.server.ts')
  await prisma.operation.create({ data: { id: 1, name: 'Operação', timeZone: 'America/Sao_Paulo' } })
  const voz = await prisma.channel.create({ data: { key: 'voz', name: 'Voz' } })
  const email = await prisma.channel.create({ data: { key: 'email', name: 'E-mail', kind: 'deferred', responseGoalSec: 28_800 } })
  const hour = (channelId: number, start: string, offered: number, answered: number, within: number) => ({
    channelId,
    start: new Date(start),
    offered,
    answered,
    abandoned: offered - answered,
    answeredWithinThreshold: within,
    handleSecSum: answered * 300,
    answeredOffered: offered,
    abandonedOffered: offered,
    slEligible: offered,
    ahtAnswered: answered,
    asaAnswered: answered,
  })
  await prisma.hourStat.createMany({
    data: [
      hour(voz.id, '2026-11-20T11:00:00Z', 100, 90, 80), // 08:00 on the 20th, São Paulo
      hour(voz.id, '2026-11-21T02:00:00Z', 10, 10, 10), // 23:00 on the 20th
      hour(voz.id, '2026-11-21T03:00:00Z', 50, 40, 20), // 00:00 on the 21st
      hour(email.id, '2026-11-20T12:00:00Z', 30, 30, 30),
    ],
  })
})


describe('the Overview on PostgreSQL', () => {
  it('sums local days per channel from the hourly roll-up', async () => {
    const { getOverview } = await import('../../app/services/overview.server.ts')
    const overview = await getOverview({ from: '2026-11-20', to: '2026-11-21' })
    expect(overview.days.map((d) => [d.day, d.byChannel.voz?.offered, d.byChannel.email?.offered])).toEqual([
      ['2026-11-20', 110, 30],
      ['2026-11-21', 50, undefined],
    ])
    expect(overview.channels.find((c) => c.key === 'voz')!.measures).toMatchObject({ offered: 160, answered: 140, answeredWithinThreshold: 110 })
    expect(overview.total.offered).toBe(190)
    expect(overview.realtime.serviceLevel).toBeCloseTo(110 / 160, 12)
  })
})
