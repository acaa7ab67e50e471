import { beforeAll, describe, expect, it } from 'vitest'
import { prisma } from '../../app/db.server.ts'
import { getOverview } from '../../app/services/overview.server.ts'
import { saveChannel } from '../../app/services/settings.server.ts'
import { listChannels } from '../../app/services/operation.server.ts'
import { insertContacts } from '../support/contacts.ts'
import { testActor } from '../support/actor.ts'

// A New York operation around the end of DST: 2026-11-01 has 25 hours (01:00–02:00 twice).
let voz: number
let email: number

beforeAll(async () => {
  await prisma.operation.create({ data: { id: 1, name: 'NY desk', timeZone: 'America/New_York' } })
  voz = (await prisma.channel.create({ data: { key: 'voz', name: 'Voz', slGoal: 0.8, slThresholdSec: 20, sortOrder: 1 } })).id
  email = (
    await prisma.channel.create({
      data: { key: 'email', name: 'E-mail', kind: 'deferred', slGoal: 0.9, slThresholdSec: 20, responseGoalSec: 3600, sortOrder: 2 },
    })
  ).id
  await insertContacts([
    { channelId: voz, externalId: 'v0', arrivedAt: '2026-10-31T23:59:00-04:00', outcome: 'answered', waitSec: 0, handleSec: 100 },
    { channelId: voz, externalId: 'v1', arrivedAt: '2026-11-01T00:30:00-04:00', outcome: 'answered', waitSec: 10, handleSec: 300 },
    { channelId: voz, externalId: 'v2', arrivedAt: '2026-11-01T01:30:00-04:00', outcome: 'answered', waitSec: 30, handleSec: 200 },
    { channelId: voz, externalId: 'v3', arrivedAt: '2026-11-01T01:30:00-05:00', outcome: 'abandoned', waitSec: 5, handleSec: 0 },
    { channelId: voz, externalId: 'v4', arrivedAt: '2026-11-01T23:50:00-05:00', outcome: 'abandoned', waitSec: 40, handleSec: 0 },
    { channelId: voz, externalId: 'v5', arrivedAt: '2026-11-02T00:10:00-05:00', outcome: 'answered', waitSec: 3, handleSec: 50 },
    { channelId: email, externalId: 'e1', arrivedAt: '2026-11-01T10:00:00-05:00', outcome: 'answered', waitSec: 1800, handleSec: 600 },
    { channelId: email, externalId: 'e2', arrivedAt: '2026-11-01T11:00:00-05:00', outcome: 'answered', waitSec: 7200, handleSec: 300 },
  ])
})

describe('getOverview', () => {
  it('rolls 15-minute aggregates into local days, 25-hour day included', async () => {
    const overview = await getOverview({ from: '2026-10-31', to: '2026-11-01' })
    expect(overview.days.map((d) => d.day)).toEqual(['2026-10-31', '2026-11-01'])
    const nov1 = overview.days[1]!.byChannel
    // Voz on 1 Nov: 4 offered, 1 answered in time, 1 abandoned in time → SL 1 / (4 − 1).
    expect(nov1.voz).toEqual({
      offered: 4,
      answered: 2,
      abandoned: 2,
      answeredWithinThreshold: 1,
      serviceLevel: 1 / 3,
      abandonRate: 0.5,
      ahtSec: 250,
      asaSec: 20,
    })
    expect(overview.days[0]!.byChannel.voz!.offered).toBe(1)
    // E-mail is measured against its 1-hour response goal, not the 20 s threshold.
    expect(nov1.email).toMatchObject({ offered: 2, serviceLevel: 0.5, ahtSec: 450, asaSec: 4500 })
  })

  it('gives period totals per channel, in total and for real-time channels', async () => {
    const overview = await getOverview({ from: '2026-10-31', to: '2026-11-01' })
    expect(overview.operationName).toBe('NY desk')
    const vozMeasures = overview.channels.find((c) => c.key === 'voz')!.measures
    expect(vozMeasures).toMatchObject({ offered: 5, answered: 3, abandoned: 2, serviceLevel: 0.5, abandonRate: 0.4, ahtSec: 200 })
    expect(vozMeasures.asaSec).toBeCloseTo(40 / 3, 12)
    expect(overview.channels.find((c) => c.key === 'email')!.thresholdSec).toBe(3600)
    expect(overview.total.offered).toBe(7)
    expect(overview.realtime).toEqual(vozMeasures)
  })

  it('shows empty days as zero volume and null ratios', async () => {
    const overview = await getOverview({ from: '2026-11-03', to: '2026-11-03' })
    expect(overview.total).toMatchObject({ offered: 0, serviceLevel: null, ahtSec: null })
    expect(overview.days).toHaveLength(1)
  })

  it('re-measures history when a channel threshold changes', async () => {
    const channel = await prisma.channel.findUniqueOrThrow({ where: { id: voz } })
    const result = await saveChannel(testActor, {
      channelId: voz,
      name: 'Voz',
      kind: 'realtime',
      concurrency: 1,
      slGoal: channel.slGoal,
      slThresholdSec: 30,
      asaGoalSec: null,
      maxOccupancy: null,
      shrinkage: channel.shrinkage,
      patienceSec: null,
      responseGoalSec: null,
      staffingModel: 'erlangC',
      efficiency: 1,
      openingHours: null,
      plannedAhtSec: null,
      plannedAhtProfile: null,
    })
    expect(result).toMatchObject({ found: true, reaggregated: true })
    const overview = await getOverview({ from: '2026-11-01', to: '2026-11-01' })
    // Now the 30 s wait is in time as well: 2 / (4 − 1).
    expect(overview.days[0]!.byChannel.voz!.serviceLevel).toBeCloseTo(2 / 3, 15)
  })

  it('saves other target changes without touching the aggregates', async () => {
    const result = await saveChannel(testActor, {
      channelId: email,
      name: 'E-mail (tickets)',
      kind: 'deferred',
      concurrency: 1,
      slGoal: 0.95,
      slThresholdSec: 20,
      asaGoalSec: null,
      maxOccupancy: null,
      shrinkage: 0.2,
      patienceSec: null,
      responseGoalSec: 3600,
      staffingModel: 'erlangC',
      efficiency: 1,
      openingHours: [null, ...Array(6).fill({ open: 480, close: 1200 })],
      plannedAhtSec: null,
      plannedAhtProfile: null,
    })
    expect(result.reaggregated).toBe(false)
    const overview = await getOverview({ from: '2026-11-01', to: '2026-11-01' })
    expect(overview.channels.find((c) => c.key === 'email')).toMatchObject({ name: 'E-mail (tickets)', slGoal: 0.95 })
    expect((await listChannels()).find((c) => c.key === 'email')).toMatchObject({ staffingModel: 'erlangC', openingHours: [null, { open: 480, close: 1200 }, { open: 480, close: 1200 }, { open: 480, close: 1200 }, { open: 480, close: 1200 }, { open: 480, close: 1200 }, { open: 480, close: 1200 }] })
    const unknown = { name: 'X', kind: 'realtime', concurrency: 1, slGoal: 0.8, slThresholdSec: 20, asaGoalSec: null, maxOccupancy: null, shrinkage: 0, patienceSec: null, responseGoalSec: null, staffingModel: 'erlangC', efficiency: 1, openingHours: null, plannedAhtSec: null, plannedAhtProfile: null } as const
    expect(await saveChannel(testActor, { ...unknown, channelId: 999 })).toEqual({ found: false, reaggregated: false })
  })
})
