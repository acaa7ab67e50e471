import { describe, expect, it } from 'vitest'
import { prisma } from '../../app/db.server.ts'
import { queries, rows, sql } from '../../app/db/queries.server.ts'
import { prepareDatabase } from '../../app/services/database.server.ts'
import { loadDemoData } from '../../app/services/demo.server.ts'

/** The aggregates recomputed straight from the raw contacts, per channel. */
function rawTotals() {
  return rows(
    sql<{ channelId: number; offered: number; answered: number; handle: number; nps: number }>`
      SELECT "channelId", COUNT(*) AS "offered", SUM(CASE WHEN "outcome" = 'answered' THEN 1 ELSE 0 END) AS "answered",
             SUM(CASE WHEN "outcome" = 'answered' THEN "handleSec" ELSE 0 END) AS "handle",
             COUNT("nps") AS "nps"
      FROM "Contact" GROUP BY "channelId" ORDER BY "channelId"`,
  )
}

/** Loading the demo: ~3 s idle, 47 s beside `stress --cpu 4` with other work on the 2 cores. */
const DEMO_LOAD = 180_000

describe('demo data', () => {
  it('is loaded by start-up into an empty database', async () => {
    const result = await prepareDatabase({ seedDemo: true, today: '2026-11-24' })
    expect(result.demo).not.toBeNull()
    expect(result.demo!.from).toBe('2026-08-25')
    expect(await prisma.channel.count()).toBe(4)
    expect(await prisma.contact.count()).toBe(result.demo!.contacts)
  }, DEMO_LOAD)

  it('keeps the 15-minute aggregates in step with the contacts', async () => {
    const aggregates = await prisma.intervalStat.groupBy({
      by: ['channelId'],
      _sum: { offered: true, answered: true, handleSecSum: true, npsCount: true },
      orderBy: { channelId: 'asc' },
    })
    const raw = await rawTotals()
    expect(aggregates.map((a) => [a.channelId, a._sum.offered, a._sum.answered, a._sum.npsCount])).toEqual(
      raw.map((r) => [r.channelId, r.offered, r.answered, r.nps]),
    )
    aggregates.forEach((a, i) => expect(a._sum.handleSecSum).toBeCloseTo(raw[i]!.handle, 3))
  })

  it('keeps the hourly roll-up equal to the 15-minute aggregates, hour by hour', async () => {
    const { epochMs } = queries()
    const [{ mismatches }] = (await rows(
      sql<{ mismatches: number }>`SELECT COUNT(*) AS "mismatches" FROM (
           SELECT "channelId", ${epochMs('start')} - ${epochMs('start')} % 3600000 AS "hour", SUM("offered") AS o, SUM("answeredWithinThreshold") AS w, SUM("handleSecSum") AS h
           FROM "IntervalStat" GROUP BY 1, 2) q
         LEFT JOIN "HourStat" s ON s."channelId" = q."channelId" AND ${epochMs('s.start')} = q."hour"
         WHERE s."offered" IS DISTINCT FROM q.o OR s."answeredWithinThreshold" IS DISTINCT FROM q.w OR abs(s."handleSecSum" - q.h) > 1e-6`,
    )) as [{ mismatches: number }]
    expect(mismatches).toBe(0)
  })

  it('records the agents staffed for every open interval', async () => {
    const staffed = await prisma.intervalStat.count({ where: { agentsStaffed: { gt: 0 } } })
    const withoutStaff = await prisma.intervalStat.count({ where: { offered: { gt: 0 }, agentsStaffed: null } })
    expect(staffed).toBeGreaterThan(4 * 13 * 6 * 40)
    // E-mail arrives at night with nobody logged in; real-time channels always have agents.
    const realtimeWithoutStaff = await prisma.intervalStat.count({
      where: { offered: { gt: 0 }, agentsStaffed: null, channel: { kind: 'realtime' } },
    })
    expect(withoutStaff).toBeGreaterThan(0)
    expect(realtimeWithoutStaff).toBe(0)
  })

  it('is not loaded again into a database that has data', async () => {
    const result = await prepareDatabase({ seedDemo: true, today: '2026-11-24' })
    expect(result.demo).toBeNull()
  })

  it('reloads deterministically, replacing everything', async () => {
    const before = await prisma.contact.count()
    const summary = await loadDemoData({ today: '2026-11-24' })
    expect(summary.contacts).toBe(before)
    expect(await prisma.contact.count()).toBe(before)
    expect(await prisma.operation.count()).toBe(1)
    // A forecast of the last four weeks (for the Review) and one of the next four, every channel,
    // 15-minute intervals; holidays tagged.
    const forecasts = await prisma.forecast.findMany({
      orderBy: { id: 'asc' },
      select: { id: true, firstDay: true, horizonDays: true, intervalMin: true, _count: { select: { channels: true } } },
    })
    expect(forecasts).toEqual([
      { id: summary.reviewForecastId, firstDay: '2026-10-27', horizonDays: 28, intervalMin: 15, _count: { channels: 4 } },
      { id: summary.forecastId, firstDay: '2026-11-24', horizonDays: 28, intervalMin: 15, _count: { channels: 4 } },
    ])
    expect(await prisma.specialDay.count({ where: { date: '2026-12-25' } })).toBe(1)
  }, DEMO_LOAD)
})
