import { beforeAll, describe, expect, it } from 'vitest'
import { prisma } from '../../app/db.server.ts'
import { withWrite, type Writer } from '../../app/db/queries.server.ts'
import { staff } from '../../app/domain/staffing.ts'
import { formatClock } from '../../app/domain/opening-hours.ts'
import { channelFormSchema } from '../../app/schemas/settings.ts'
import { saveChannel } from '../../app/services/settings.server.ts'
import { createScenario, getStaffingView, planCsv, planRows, setPatience } from '../../app/services/staffing.server.ts'
import { testActor } from '../support/actor.ts'

const ana = { ...testActor, name: 'ana' }

// A São Paulo operation (UTC−3) and a known forecast: Monday 2026-11-30, 30-minute intervals,
// voice 100 calls every half hour 08:00–12:00 at TMA 180 s (constant: the queue is in steady
// state after the opening interval); e-mail 20 items every half hour all day at 300 s, answered
// 08:00–18:00 within 4 hours.
const ZONE = 'America/Sao_Paulo'
let voz: number
let email: number
let forecastId: number

const query = { week: 0, channel: null, scenarioIds: [] as number[], weeklyHours: 44, workdays: 6 }

beforeAll(async () => {
  await prisma.operation.create({ data: { id: 1, name: 'SP', timeZone: ZONE } })
  voz = (
    await prisma.channel.create({
      data: { key: 'voz', name: 'Voz', slGoal: 0.8, slThresholdSec: 20, shrinkage: 0.3, patienceSec: 120, sortOrder: 1 },
    })
  ).id
  const hours = JSON.stringify([null, ...Array(6).fill({ open: 480, close: 1080 })])
  email = (
    await prisma.channel.create({
      data: {
        key: 'email',
        name: 'E-mail',
        kind: 'deferred',
        responseGoalSec: 4 * 3600,
        shrinkage: 0.2,
        openingHours: hours,
        sortOrder: 2,
      },
    })
  ).id
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
        horizonDays: 1,
        createdBy: 'ana',
      },
    })
  ).id
  await withWrite(async (writer) => {
    await insertForecastChannels(writer, forecastId, [voz, email])
    const day = Date.parse('2026-11-30T00:00:00-03:00')
    const intervals: unknown[][] = []
    for (let k = 0; k < 48; k++) {
      const start = day + k * 1_800_000
      const voice = k >= 16 && k < 24 ? 100 : 0
      intervals.push([forecastId, voz, start, voice, 180, voice], [forecastId, email, start, 20, 300, 20])
    }
    await insertForecastIntervals(writer, intervals)
    // History for the patience estimate: 1,000 offered, 50 abandoned, 9,000 s waited in all.
    // Imported interval statistics give no waits of abandoned contacts (null): left out of the estimate.
    await writer.insertRows(
      'IntervalStat',
      { channelId: 'int', start: 'instant', offered: 'int', abandoned: 'int', answeredWaitSecSum: 'float', abandonedWaitSecSum: 'float' },
      [
        [voz, Date.parse('2026-11-20T10:00:00-03:00'), 1000, 50, 6000, 3000],
        [voz, Date.parse('2026-11-21T10:00:00-03:00'), 500, 100, 0, null],
      ],
    )
  })
})

/** The forecast's channels, as a saved forecast has them (no method scores). */
const insertForecastChannels = (writer: Writer, forecastId: number, channelIds: number[]) =>
  writer.insertRows(
    'ForecastChannel',
    { forecastId: 'int', channelId: 'int', method: 'text', params: 'text', scores: 'text', origins: 'int', dispersion: 'float' },
    channelIds.map((id) => [forecastId, id, 'seasonal-naive', 'null', '{"methods":[],"auto":null}', 0, 1]),
  )

/** Forecast intervals [forecastId, channelId, start, offered, aht, adjusted] (no band). */
const insertForecastIntervals = (writer: Writer, rows: unknown[][]) =>
  writer.insertRows(
    'ForecastInterval',
    { forecastId: 'int', channelId: 'int', start: 'instant', offered: 'float', aht: 'float', adjusted: 'float', lower: 'float', upper: 'float' },
    rows.map((row) => [...row, 0, 0]),
  )

const engine = (agents?: number) =>
  staff({ calls: 100, intervalSec: 1800, ahtSec: 180, slGoal: 0.8, thresholdSec: 20, shrinkage: 0.3, agents })

describe('the staffing plan of a saved forecast', () => {
  it('is the engine’s answer where the load is steady, and reads deferred work by workload', async () => {
    const view = (await getStaffingView({ ...query, forecastId, channel: 'voz' }))!
    const row = (time: string) => view.intervals.find((i) => i.day === '2026-11-30' && formatClock(i.minute) === time)!
    // From 09:00 the queue runs at a steady 100 calls per half hour: Erlang C's 14 agents (20
    // scheduled). (At 08:30 it is still, by 0.00005 agents, catching up with the opening.)
    for (const time of ['09:00', '10:00', '11:30']) {
      expect(row(time)).toMatchObject({ offered: 100, agents: 14, scheduled: 20 })
      expect(row(time).agentsFractional).toBeCloseTo(engine().agentsFractional, 6)
      expect(row(time).serviceLevel).toBeCloseTo(engine().serviceLevel, 6)
    }
    // The lines open at 08:00 with an empty queue: a little less load in the first half hour.
    expect(row('08:00').agentsFractional).toBeLessThan(engine().agentsFractional)
    expect(row('12:00')).toMatchObject({ offered: 0, agents: 0 })
    const rows = (await planRows(forecastId, null))!.rows.filter((r) => r.channel === 'email')
    expect(rows.slice(0, 16).every((r) => r.planned.agents === 0)).toBe(true) // before 08:00
    expect(rows[16]!.planned.agentsFractional).toBeGreaterThan(0)
    expect(rows.slice(36).every((r) => r.planned.agents === 0)).toBe(true) // after 18:00
  })

  it('totals hours from fractional agents, and FTE against the weekly hours', async () => {
    const view = (await getStaffingView({ ...query, forecastId }))!
    const voice = view.plans[0]!.byChannel.voz!
    const rows = (await planRows(forecastId, null))!.rows.filter((r) => r.channel === 'voz')
    const fractional = rows.reduce((sum, r) => sum + r.planned.agentsFractional, 0)
    expect(voice.agentHours).toBeCloseTo(fractional / 2, 9)
    expect(voice.scheduledHours).toBeCloseTo(fractional / 2 / 0.7, 9)
    expect(voice.scheduledHours).toBeLessThan(rows.reduce((sum, r) => sum + r.planned.scheduled, 0) / 2)
    // One day of a 44-hour week: FTE = hours ÷ (44 × 1/7).
    expect(voice.fte).toBeCloseTo(voice.scheduledHours / (44 / 7), 9)
    expect(view.days[0]!.plans[0]!.fte).toBeCloseTo(view.days[0]!.plans[0]!.scheduledHours / (44 / 6), 9)
  })

  it('needs fewer agents under Erlang A with a finite patience', async () => {
    const before = (await getStaffingView({ ...query, forecastId }))!.plans[0]!.byChannel.voz!
    await prisma.channel.update({ where: { id: voz }, data: { staffingModel: 'erlangA' } })
    const after = (await getStaffingView({ ...query, forecastId }))!.plans[0]!.byChannel.voz!
    expect(after.agentHours).toBeLessThan(before.agentHours)
    expect(after.abandonRate).toBeGreaterThan(0)
    expect(before.abandonRate).toBeNull()
    await prisma.channel.update({ where: { id: voz }, data: { staffingModel: 'erlangC' } })
  })

  it('compares a +10% scenario: more hours, and a lower SL if staffed at the base plan', async () => {
    const same = (await createScenario(ana, forecastId, 'Sem mudanças', { volumePct: 0, ahtPct: 0, channels: {}, days: {} }))!
    const id = (await createScenario(ana, forecastId, 'Volume +10%', { volumePct: 10, ahtPct: 0, channels: {}, days: {} }))!
    const view = (await getStaffingView({ ...query, forecastId, scenarioIds: [same, id] }))!
    const [base, unchanged, scenario] = view.plans
    // No changes: the same plan, and at base staffing the same service level (the real-time
    // channels': deferred work's "in time" is not mixed in).
    expect(unchanged!.totals.scheduledHours).toBeCloseTo(base!.totals.scheduledHours, 9)
    expect(unchanged!.atBase!.serviceLevel!).toBeCloseTo(base!.totals.serviceLevel!, 9)
    expect(base!.totals.serviceLevel!).toBeCloseTo(base!.byChannel.voz!.serviceLevel!, 12)
    expect(scenario!.name).toBe('Volume +10%')
    expect(scenario!.totals.offered).toBeCloseTo(base!.totals.offered * 1.1, 6)
    expect(scenario!.totals.scheduledHours).toBeGreaterThan(base!.totals.scheduledHours)
    expect(scenario!.atBase!.serviceLevel!).toBeLessThan(base!.totals.serviceLevel!)
    expect(view.chart.some((p) => p[`s${id}`] !== undefined && p[`s${id}`]! > p.scheduled)).toBe(true)
    expect(await createScenario(ana, 9999, 'x', { volumePct: 10, ahtPct: 0, channels: {}, days: {} })).toBeNull()
    await expect(createScenario(ana, forecastId, 'x', { volumePct: -200, ahtPct: 0, channels: {}, days: {} })).rejects.toThrow(RangeError)
  })

  it('writes the audit row of a scenario it saves, as the user who saved it', async () => {
    const id = (await createScenario(ana, forecastId, 'Auditado', { volumePct: 5, ahtPct: 0, channels: {}, days: {} }))!
    const row = await prisma.auditEvent.findFirstOrThrow({ where: { target: `scenario:${id}` }, select: { actor: true, userId: true, action: true, details: true } })
    expect(row).toEqual({
      actor: 'test',
      userId: null,
      action: 'scenario.create',
      details: JSON.stringify({ forecastId, name: 'Auditado', changes: { volumePct: 5, ahtPct: 0, channels: {}, days: {} } }),
    })
  })

  it('carries deferred work across a week boundary: the weeks add up to the horizon', async () => {
    // 14 days of e-mail from a Wednesday; items arriving Tuesday evening are due Wednesday.
    const id = (
      await prisma.forecast.create({
        data: {
          name: '2 semanas',
          method: 'seasonal-naive',
          intervalMin: 30,
          timeZone: ZONE,
          historyFrom: '2026-11-01',
          historyTo: '2026-12-01',
          firstDay: '2026-12-02',
          horizonDays: 14,
          createdBy: 'ana',
        },
      })
    ).id
    await withWrite(async (writer) => {
      await insertForecastChannels(writer, id, [email])
      const first = Date.parse('2026-12-02T00:00:00-03:00')
      await insertForecastIntervals(
        writer,
        Array.from({ length: 14 * 48 }, (_, k) => [id, email, first + k * 1_800_000, 20, 300, 20]),
      )
    })
    const hours = async (week: number) => (await getStaffingView({ ...query, forecastId: id, week }))!.plans[0]!.totals.agentHours
    expect((await hours(0)) + (await hours(1))).toBeCloseTo(await hours(-1), 6)
  })

  it('estimates patience as total waiting ÷ abandoned, and saves it', async () => {
    const view = (await getStaffingView({ ...query, forecastId }))!
    expect(view.patience.find((p) => p.key === 'voz')!.estimate).toEqual({ patienceSec: 180, abandoned: 50, waitSec: 9000, offered: 1000 })
    expect(view.patience.map((p) => p.key)).toEqual(['voz']) // real-time channels only
    expect(await setPatience(testActor, voz, 180)).toMatchObject({ found: true, changes: { after: { patienceSec: 180 } } })
    expect(await prisma.auditEvent.count({ where: { action: 'settings.channel', target: `channel:${voz}` } })).toBe(1)
    expect((await prisma.channel.findUniqueOrThrow({ where: { id: voz } })).patienceSec).toBe(180)
  })

  it('exports the plan as CSV', async () => {
    const csv = (await planCsv(forecastId, null))!.trim().split('\n')
    expect(csv[0]).toBe(
      'interval_start,channel,offered,aht_seconds,agents,agents_fractional,scheduled,scheduled_fractional,service_level,asa_seconds,occupancy,abandon_rate,backlog',
    )
    expect(csv).toHaveLength(1 + 48 * 2)
    expect(
      csv
        .find((l) => l.startsWith('2026-11-30T09:00:00-03:00,voz,'))!
        .split(',')
        .slice(2, 7),
    ).toEqual(['100', '180', '14', String(Math.round(engine().agentsFractional * 1000) / 1000), '20'])
  })

  it('follows the channel’s efficiency saved in Settings: agents = servers ÷ k, audited, shown', async () => {
    const stored = await prisma.channel.findUniqueOrThrow({ where: { id: voz } })
    // The Settings form as the page posts it (every day 00:00–24:00: always open).
    const save = (efficiencyPct: string) =>
      saveChannel(
        testActor,
        channelFormSchema.parse({
          channelId: String(voz),
          name: stored.name,
          kind: 'realtime',
          concurrency: '1',
          slGoalPct: '80',
          slThresholdSec: '20',
          shrinkagePct: '30',
          patienceSec: String(stored.patienceSec),
          staffingModel: stored.staffingModel,
          efficiencyPct,
          ...Object.fromEntries([0, 1, 2, 3, 4, 5, 6].flatMap((d) => [[`open${d}`, '00:00'], [`close${d}`, '24:00']])),
        }),
      )
    const at0900 = async () => (await getStaffingView({ ...query, forecastId, channel: 'voz' }))!.intervals.find((i) => i.day === '2026-11-30' && formatClock(i.minute) === '09:00')!
    const csvRow = async () => (await planRows(forecastId, null))!.rows.find((r) => r.channel === 'voz' && r.planned.offered === 100 && r.start === Date.parse('2026-11-30T09:00:00-03:00'))!.planned
    expect(await at0900()).toMatchObject({ agents: 14, scheduled: 20 })
    expect(await save('100')).toMatchObject({ found: true, changes: null }) // 100% is the stored 1: nothing changed

    // Half the agents on duty available: the 14 servers need ⌈14 ÷ 0.5⌉ = 28 agents, 40 scheduled
    // (⌈28 ÷ 0.7⌉) — in the page, and in the plan rows schedules are generated from.
    expect(await save('50')).toMatchObject({ found: true, changes: { before: { efficiency: 1 }, after: { efficiency: 0.5 } } })
    expect(await at0900()).toMatchObject({ agents: 28, scheduled: 40 })
    expect((await at0900()).agentsFractional).toBeCloseTo(engine().agentsFractional / 0.5, 6)
    expect((await at0900()).serviceLevel).toBeCloseTo(engine().serviceLevel, 6)
    expect(await csvRow()).toMatchObject({ agents: 28, scheduled: 40 })
    const view = (await getStaffingView({ ...query, forecastId }))!
    expect(view.channels.find((c) => c.key === 'voz')!.efficiency).toBe(0.5)
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: 'settings.channel', target: `channel:${voz}` }, orderBy: { id: 'desc' }, select: { details: true } })
    expect(JSON.parse(audit.details!)).toEqual({ before: { efficiency: 1 }, after: { efficiency: 0.5 } })

    await save('')
    expect(await at0900()).toMatchObject({ agents: 14, scheduled: 20 })
  })
})
