// The Review against a real database (SQLite, or PostgreSQL with TEST_DATABASE=postgres), on a constructed week whose figures are computed by hand:
// voice forecast in 30-minute intervals (actuals in 15-minute rows, summed into them), one chat
// interval without a forecast.
import { beforeAll, describe, expect, it } from 'vitest'
import { prisma } from '../../app/db.server.ts'
import { sql, withWrite } from '../../app/db/queries.server.ts'
import { getReview, getReviewPayload, reviewCsv } from '../../app/services/review.server.ts'
import { deserialise } from '../../app/utils/serialised.ts'
import { formatDayTime } from '../../app/utils/format.ts'

/** An interval's local day and time as the Portuguese page writes it. */
const written = (r: { day: string; minute: number }) => formatDayTime(r.day, r.minute, 'pt-BR')

const ZONE = 'America/Sao_Paulo'
let forecastId: number
const at = (local: string) => Date.parse(`${local}:00-03:00`)

beforeAll(async () => {
  await prisma.operation.create({ data: { id: 1, name: 'SP', timeZone: ZONE } })
  const voz = await prisma.channel.create({ data: { key: 'voz', name: 'Voz', slGoal: 0.8, slThresholdSec: 20, sortOrder: 1 } })
  const chat = await prisma.channel.create({ data: { key: 'chat', name: 'Chat', slGoal: 0.9, concurrency: 2, sortOrder: 2 } })
  forecastId = (
    await prisma.forecast.create({
      data: {
        name: 'Conhecida',
        method: 'seasonal-naive',
        intervalMin: 30,
        timeZone: ZONE,
        historyFrom: '2026-11-01',
        historyTo: '2026-11-29',
        firstDay: '2026-11-30',
        horizonDays: 2,
        createdBy: 'ana',
      },
    })
  ).id
  await withWrite(async (writer) => {
    await writer.run(
      sql`INSERT INTO "ForecastChannel" ("forecastId", "channelId", "method", "params", "scores", "origins", "dispersion")
          VALUES (${forecastId}, ${voz.id}, 'seasonal-naive', 'null', '{"methods":[],"auto":null}', 0, 1)`,
    )
    // Forecast: Monday 09:00 100, 09:30 100; Tuesday 09:00 60 (TMA 300 s everywhere).
    await writer.insertRows(
      'ForecastInterval',
      { forecastId: 'int', channelId: 'int', start: 'instant', offered: 'float', lower: 'float', upper: 'float', aht: 'float', adjusted: 'float' },
      (
        [
          ['2026-11-30T09:00', 100],
          ['2026-11-30T09:30', 100],
          ['2026-12-01T09:00', 60],
        ] as const
      ).map(([time, offered]) => [forecastId, voz.id, at(time), offered, 0, 0, 300, offered]),
    )
    await writer.insertRows(
      'IntervalStat',
      {
        channelId: 'int',
        start: 'instant',
        offered: 'int',
        answered: 'int',
        abandoned: 'int',
        answeredWithinThreshold: 'int',
        abandonedWithinThreshold: 'int',
        handleSecSum: 'float',
        answeredWaitSecSum: 'float',
        fcrCount: 'int',
        fcrResolved: 'int',
        npsCount: 'int',
        npsPromoters: 'int',
        npsDetractors: 'int',
        agentsStaffed: 'float',
      },
      [
        // Monday 09:00–09:30 in two 15-minute rows: 120 offered, 100 answered (TMA 360 s), 20 abandoned, 60 in time → SL 50%.
        [voz.id, at('2026-11-30T09:00'), 60, 50, 10, 30, 0, 18_000, 1_500, 0, 0, 0, 0, 0, 1],
        [voz.id, at('2026-11-30T09:15'), 60, 50, 10, 30, 0, 18_000, 1_500, 0, 0, 0, 0, 0, 1],
        // Monday 09:30: 80 offered and answered (TMA 300 s), 72 in time → 90%; FCR 7 of 10; NPS 10 promoters, 4 detractors of 20.
        [voz.id, at('2026-11-30T09:30'), 80, 80, 0, 72, 0, 24_000, 400, 10, 7, 20, 10, 4, 30],
        // Tuesday 09:00: 50 offered and answered (TMA 240 s), 45 in time → 90%; NPS 5 detractors of 5.
        [voz.id, at('2026-12-01T09:00'), 50, 50, 0, 45, 0, 12_000, 250, 0, 0, 5, 0, 5, 20],
        // Chat, no forecast: Monday 10:00, 10 answered in time.
        [chat.id, at('2026-11-30T10:00'), 10, 10, 0, 10, 0, 3_000, 50, 0, 0, 0, 0, 0, null],
      ],
    )
    // Every measure known, as aggregated contacts give them.
    await writer.run(sql`UPDATE "IntervalStat" SET "answeredOffered" = "offered", "abandonedOffered" = "offered",
               "slEligible" = "offered" - "abandonedWithinThreshold", "ahtAnswered" = "answered", "asaAnswered" = "answered"`)
  })
})

const query = (channel: string | null, day: string | null = null) => ({ forecastId, from: '2026-11-30', to: '2026-12-01', channel, day })

describe('the review of a period against a forecast', () => {
  it('measures volume accuracy: WAPE 50/250, bias +10/250, MAPE over the three intervals', async () => {
    const view = await getReview(query('voz'), ZONE)
    const { volume } = view.accuracy
    expect(volume.actualTotal).toBe(250)
    expect(volume.forecastTotal).toBe(260)
    expect(volume.wape).toBeCloseTo(50 / 250, 12) // |100−120| + |100−80| + |60−50|
    expect(volume.bias).toBeCloseTo(10 / 250, 12)
    expect(volume.mape).toBeCloseTo((20 / 120 + 20 / 80 + 10 / 50) / 3, 12)
  })

  it('measures TMA accuracy weighted by answered contacts: WAPE 9,000/72,000, bias −3,000/72,000', async () => {
    const { aht } = (await getReview(query('voz'), ZONE)).accuracy
    // Σ answered·|300 − TMA| = 100·60 + 80·0 + 50·60; Σ handle = 36,000 + 24,000 + 12,000.
    expect(aht.wape).toBeCloseTo(9_000 / 72_000, 12)
    expect(aht.bias).toBeCloseTo((300 * 230 - 72_000) / 72_000, 12)
    expect(aht.mape).toBeCloseTo((60 / 360 + 0 + 60 / 240) / 3, 12)
    expect(aht.rmse).toBeNull()
  })

  it('counts attainment by interval (2 of 3), day (1 of 2) and week (0 of 1); with chat, 3 of 4 intervals', async () => {
    const view = await getReview(query('voz'), ZONE)
    expect(view.attainment.intervals).toEqual({ met: 2, measured: 3, share: 2 / 3 })
    // Monday pooled: (60 + 72) ÷ 200 = 66% < 80%; Tuesday 90%.
    expect(view.attainment.days).toEqual({ met: 1, measured: 2, share: 0.5 })
    // The week pooled: 177 ÷ 250 = 70.8% < 80%.
    expect(view.attainment.weeks).toEqual({ met: 0, measured: 1, share: 0 })
    expect(view.total.serviceLevel).toBeCloseTo(177 / 250, 12)
    const all = await getReview(query(null), ZONE)
    expect(all.attainment.intervals).toEqual({ met: 3, measured: 4, share: 0.75 })
    // Both channels are real-time: pooled, (177 + 10) ÷ 260; no Erlang A channel, so no prediction.
    expect(all.realtime.serviceLevel).toBeCloseTo(187 / 260, 12)
    expect(all.predictedAbandonRate).toBeNull()
    expect(all.actualAbandonWherePredicted).toBeNull()
  })

  it('reports FCR (7 of 10) and NPS (100 × (10 − 9) ÷ 25 = 4) for the period, and per week', async () => {
    const view = await getReview(query('voz'), ZONE)
    expect(view.total.fcrRate).toBeCloseTo(0.7, 12)
    expect(view.total.nps).toBeCloseTo(4, 12)
    expect(view.total.npsResponses).toBe(25)
    expect(view.weeks).toHaveLength(1)
    expect(view.weeks[0]!.key).toBe('2026-11-30')
    expect(view.weeks[0]!.nps).toBeCloseTo(4, 12)
    // Monday alone: NPS (10 − 4) ÷ 20 = 30.
    expect(view.days[0]!.nps).toBeCloseTo(30, 12)
    expect(view.months.map((m) => m.key)).toEqual(['2026-11', '2026-12'])
  })

  it('maps the volume variance on weekday × hour: Monday 09h 0%, Tuesday 09h +20%, the rest empty', async () => {
    const { heatmap } = await getReview(query('voz'), ZONE)
    expect(heatmap[1]![9]).toBeCloseTo(0, 12) // (200 − 200) ÷ 200
    expect(heatmap[2]![9]).toBeCloseTo(0.2, 12) // (60 − 50) ÷ 50
    expect(heatmap[1]![10]).toBeNull()
  })

  it('ranks the worst interval with every cause signal: volume and TMA above forecast, understaffed, abandonment spike', async () => {
    const { worst } = await getReview(query('voz'), ZONE)
    expect(worst).toHaveLength(1)
    const [missed] = worst
    expect(missed!.start).toBe(at('2026-11-30T09:00'))
    expect(missed!.serviceLevel).toBeCloseTo(0.5, 12)
    expect(missed!.shortfall).toBeCloseTo((0.8 - 0.5) * 120, 12)
    // 120 > 100 × 1.15; TMA 360 > 300 × 1.15; 1 agent vs the plan's; 20 ÷ 120 = 16.7% > 2 × 20 ÷ 250 and > 8% + 5 points.
    expect(missed!.signals).toEqual(['volumeAbove', 'ahtAbove', 'understaffed', 'abandonSpike'])
    expect(missed!.plannedAgents).toBeGreaterThan(1)
    expect(missed!.agentsStaffed).toBe(1)
  })

  it('drills into a day: its intervals with forecast, actuals and variance', async () => {
    const view = await getReview(query('voz', '2026-11-30'), ZONE)
    expect(view.day!.intervals.map((r) => [written(r), r.offered, r.forecastOffered])).toEqual([
      ['30/11 09:00', 120, 100],
      ['30/11 09:30', 80, 100],
    ])
    expect(view.day!.intervals[0]!.variance).toBeCloseTo(-20 / 120, 12)
    const all = await getReview(query(null, '2026-11-30'), ZONE)
    expect(all.day!.intervals.map((r) => [written(r), r.offered])).toEqual([
      ['30/11 09:00', 120],
      ['30/11 09:30', 80],
      ['30/11 10:00', 10],
    ])
  })

  it('sends the page the same view as JSON text, rounded to 6 significant digits, and the day apart; a write is seen at once', async () => {
    const payload = await getReviewPayload(query('voz', '2026-11-30'), ZONE)
    const view = deserialise(payload.view)
    const direct = await getReview(query('voz', '2026-11-30'), ZONE)
    expect(view.day).toBeNull()
    expect(deserialise(payload.day!)).toEqual(direct.day)
    expect(view.accuracy.volume.wape).toBe(Number((50 / 250).toPrecision(6)))
    expect(view.attainment.intervals).toEqual({ met: 2, measured: 3, share: 0.666667 })
    expect(direct.attainment.intervals.share).toBe(2 / 3)
    expect(view.total.offered).toBe(direct.total.offered)
    // Kept text until the database changes: the same string, then a new one after a write.
    expect((await getReviewPayload(query('voz'), ZONE)).view).toBe(payload.view)
    await prisma.channel.update({ where: { key: 'voz' }, data: { slGoal: 0.9 } })
    const after = deserialise((await getReviewPayload(query('voz'), ZONE)).view)
    expect(after.channels.find((c) => c.key === 'voz')!.slGoal).toBe(0.9)
    await prisma.channel.update({ where: { key: 'voz' }, data: { slGoal: 0.8 } })
    expect((await getReviewPayload(query('voz', 'not a day in the period'), ZONE)).day).toBeNull()
  })

  it('drills into a heatmap cell: that weekday and hour in every week, one channel or added up', async () => {
    const monday9 = { weekday: 1, hour: 9 }
    const voz = await getReview({ ...query('voz'), slot: monday9 }, ZONE)
    expect(voz.slot!.intervals.map((r) => [written(r), r.offered, r.forecastOffered])).toEqual([
      ['30/11 09:00', 120, 100],
      ['30/11 09:30', 80, 100],
    ])
    const tuesday9 = await getReview({ ...query(null), slot: { weekday: 2, hour: 9 } }, ZONE)
    expect(tuesday9.slot!.intervals.map((r) => [written(r), r.offered, r.forecastOffered])).toEqual([['01/12 09:00', 50, 60]])
    const payload = await getReviewPayload({ ...query(null), slot: { weekday: 0, hour: 3 } }, ZONE)
    expect(deserialise(payload.slot!)).toEqual({ weekday: 0, hour: 3, intervals: [] })
  })

  it('leaves out forecast intervals after the last data (not over yet, or not imported): they are not misses', async () => {
    // The forecast reaches Tuesday 09:30, after the last aggregate (Tuesday 09:00).
    await withWrite((writer) =>
      writer.run(
        sql`INSERT INTO "ForecastInterval" ("forecastId", "channelId", "start", "offered", "lower", "upper", "aht", "adjusted")
            SELECT ${forecastId}, "id", ${writer.instant(at('2026-12-01T09:30'))}, 40, 0, 0, 300, 40 FROM "Channel" WHERE "key" = 'voz'`,
      ),
    )
    const view = await getReview(query('voz'), ZONE)
    expect(view.accuracy.volume.forecastTotal).toBe(260)
    expect(view.accuracy.volume.intervals).toBe(3)
    await withWrite((writer) => writer.run(sql`DELETE FROM "ForecastInterval" WHERE "start" = ${writer.instant(at('2026-12-01T09:30'))}`))
  })

  it('exports every interval and channel as CSV with local times', async () => {
    const lines = (await reviewCsv(query(null), ZONE)).trim().split('\n')
    expect(lines[0]).toBe(
      'interval_start,channel,offered,forecast_offered,variance,aht_seconds,forecast_aht_seconds,service_level,sl_goal,asa_seconds,abandon_rate,predicted_abandon_rate,agents_staffed,planned_agents',
    )
    expect(lines).toHaveLength(5)
    expect(lines[1]).toMatch(/^2026-11-30T09:00:00-03:00,voz,120,100,-0\.1667,360,300,0\.5,0\.8,30,0\.1667,,1,\d+$/)
    expect(lines[3]).toMatch(/^2026-11-30T10:00:00-03:00,chat,10,,,300,,1,0\.9,5,0,,,$/)
    expect(lines[4]).toMatch(/^2026-12-01T09:00:00-03:00,voz,50,60,0\.2,240,300,0\.9,0\.8,5,0,,20,\d+$/)
  })
})
