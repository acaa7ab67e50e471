// getActuals on PostgreSQL (issue 18): the first service read through app/db/queries.server.ts,
// the same figures as on SQLite (test/integration/import.test.ts) from rows written by the
// PostgreSQL client — 15-minute aggregates, the hourly roll-up, a half-hour zone, days, and a
// threshold recounted from the contacts.
import { PrismaPg } from '@prisma/adapter-pg'
import { beforeAll, describe, expect, it } from 'vitest'
import { PrismaClient } from '../../app/generated/prisma-pg/client.ts'
import { getActuals } from '../../app/services/actuals.server.ts'

const url = process.env.DATABASE_URL!
const at = (iso: string) => new Date(iso)
const zero = { answeredWithinThreshold: 0, abandonedWithinThreshold: 0, handleSecSum: 0, answeredWaitSecSum: 0, fcrCount: 0, fcrResolved: 0, npsCount: 0, npsPromoters: 0, npsDetractors: 0 }

beforeAll(async () => {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) })
  try {
    const voz = await prisma.channel.create({ data: { key: 'voz', name: 'Voz', slThresholdSec: 20 } })
    // Three contacts at 08:00–09:00 São Paulo (11:00Z): answered after 12 s and 25 s, one abandoned after 40 s.
    const contacts = [
      { externalId: 'V1', arrivedAt: at('2026-11-20T11:00:05Z'), outcome: 'answered', waitSec: 12, handleSec: 300, fcr: true, nps: 9 },
      { externalId: 'V2', arrivedAt: at('2026-11-20T11:14:59Z'), outcome: 'abandoned', waitSec: 40, handleSec: 0 },
      { externalId: 'V3', arrivedAt: at('2026-11-20T11:59:59Z'), outcome: 'answered', waitSec: 25, handleSec: 180, fcr: false, nps: 3 },
    ]
    await prisma.contact.createMany({ data: contacts.map((c) => ({ channelId: voz.id, ...c })) })
    // Their aggregates, as the import writes them on SQLite (contacts give every measure).
    const quarter = (start: string, sums: Record<string, number>) => ({ channelId: voz.id, start: at(start), ...zero, ...sums })
    await prisma.intervalStat.createMany({
      data: [
        quarter('2026-11-20T11:00:00Z', { offered: 2, answered: 1, abandoned: 1, answeredWithinThreshold: 1, handleSecSum: 300, answeredWaitSecSum: 12, abandonedWaitSecSum: 40, answeredOffered: 2, abandonedOffered: 2, slEligible: 2, ahtAnswered: 1, asaAnswered: 1, fcrCount: 1, fcrResolved: 1, npsCount: 1, npsPromoters: 1 }),
        quarter('2026-11-20T11:45:00Z', { offered: 1, answered: 1, handleSecSum: 180, answeredWaitSecSum: 25, abandonedWaitSecSum: 0, answeredOffered: 1, abandonedOffered: 1, slEligible: 1, ahtAnswered: 1, asaAnswered: 1, fcrCount: 1, npsCount: 1, npsDetractors: 1 }),
      ],
    })
    await prisma.hourStat.create({
      data: { ...quarter('2026-11-20T11:00:00Z', { offered: 3, answered: 2, abandoned: 1, answeredWithinThreshold: 1, handleSecSum: 480, answeredWaitSecSum: 37, abandonedWaitSecSum: 40, answeredOffered: 3, abandonedOffered: 3, slEligible: 3, ahtAnswered: 2, asaAnswered: 2, fcrCount: 2, fcrResolved: 1, npsCount: 2, npsPromoters: 1, npsDetractors: 1 }) },
    })
  } finally {
    await prisma.$disconnect()
  }
})

const day = { from: '2026-11-20', to: '2026-11-21', channel: 'voz' }

describe('actuals on PostgreSQL', () => {
  it('reads the hourly roll-up in a whole-hour zone, quiet hours as zeros', async () => {
    const hourly = await getActuals({ ...day, size: 60, timeZone: 'America/Sao_Paulo' })
    expect(hourly).toHaveLength(24)
    const eight = hourly.find((r) => r.start === '2026-11-20T11:00:00.000Z')!
    expect(eight).toMatchObject({ offered: 3, answered: 2, abandoned: 1, answeredWithinThreshold: 1, ahtSec: 240, asaSec: 18.5, fcrRate: 0.5, nps: 0 })
    expect(eight.serviceLevel).toBe(1 / 3)
    expect(hourly.filter((r) => r.offered > 0)).toHaveLength(1)
  })

  it('buckets 15-minute aggregates into quarters, days and a half-hour zone’s hours', async () => {
    const quarters = await getActuals({ ...day, size: 15, timeZone: 'America/Sao_Paulo' })
    expect(quarters).toHaveLength(96)
    expect(quarters.filter((r) => r.offered > 0).map((r) => [r.start, r.offered])).toEqual([
      ['2026-11-20T11:00:00.000Z', 2],
      ['2026-11-20T11:45:00.000Z', 1],
    ])
    const [daily] = await getActuals({ ...day, size: 'day', timeZone: 'America/Sao_Paulo' })
    expect(daily).toMatchObject({ start: '2026-11-20T03:00:00.000Z', offered: 3, answered: 2, ahtSec: 240 })
    // Kolkata is UTC+5:30: 11:00Z and 11:45Z fall in its 16:00 and 17:00 hours (10:30Z, 11:30Z).
    const kolkata = await getActuals({ from: '2026-11-20', to: '2026-11-21', size: 60, timeZone: 'Asia/Kolkata', channel: 'voz' })
    expect(kolkata.filter((r) => r.offered > 0).map((r) => [r.start, r.offered])).toEqual([
      ['2026-11-20T10:30:00.000Z', 2],
      ['2026-11-20T11:30:00.000Z', 1],
    ])
  })

  it('recounts "within threshold" from the contacts at another threshold', async () => {
    const hourly = await getActuals({ ...day, size: 60, timeZone: 'America/Sao_Paulo', thresholdSec: 30 })
    const eight = hourly.find((r) => r.start === '2026-11-20T11:00:00.000Z')!
    expect(eight).toMatchObject({ offered: 3, answered: 2, answeredWithinThreshold: 2, fcrRate: 0.5, nps: 0 })
    expect(eight.serviceLevel).toBe(2 / 3)
  })
})
