// The model check and calibration on a real SQLite file: a simulated voice channel with a known
// efficiency (test/support/simulated-calls.ts) imported through the app's own CSV import.
import '../support/fresh-database.ts'
import { Readable } from 'node:stream'
import { beforeAll, describe, expect, it } from 'vitest'
import { prisma } from '../../app/db.server.ts'
import { queries, rows, sql } from '../../app/db/queries.server.ts'
import { importCsv, type ImportResult } from '../../app/services/import.server.ts'
import { applyCalibration, calibrateHistory, CannotCheck, checkHistory, readCheckHistory, type CheckQuery } from '../../app/services/model-check.server.ts'
import { saveOperation } from '../../app/services/settings.server.ts'
import { getModelCheckView } from '../../app/services/model-check-view.server.ts'
import { importDates } from '../support/import-dates.ts'
import { testActor } from '../support/actor.ts'
import { simulateCalls } from '../support/simulated-calls.ts'

const timeZone = 'America/Sao_Paulo'
const EFFICIENCY = 0.75
const simulation = simulateCalls({ channel: 'voz', efficiency: EFFICIENCY, patienceSec: 120, ahtSec: 180, firstDay: '2026-03-02', days: 15, hours: [9, 19], seed: 17 })
const period = { channel: 'voz', fromMs: Date.parse('2026-03-02T03:00:00Z'), toMs: Date.parse('2026-03-17T03:00:00Z'), timeZone } as const
const hourly: CheckQuery = { ...period, intervalSec: 3600 }

function load(content: string, kind: 'contacts' | 'intervals', fileName: string): Promise<ImportResult> {
  return importCsv(Readable.from([content]), { kind, timeZone, fileName, dates: importDates })
}

/** Distinct agents per bucket of `sizeMs`, counted here from the simulated contacts. */
function distinctAgents(sizeMs: number, skip: (agent: string) => boolean = () => false): Map<number, number> {
  const sets = new Map<number, Set<string>>()
  for (const c of simulation.contacts) {
    if (!c.agent || skip(c.agent)) continue
    const start = c.arrivedAt - (c.arrivedAt % sizeMs) // whole-hour offset: UTC buckets are local ones
    let set = sets.get(start)
    if (!set) sets.set(start, (set = new Set()))
    set.add(c.agent)
  }
  return new Map([...sets].map(([start, set]) => [start, set.size]))
}

async function storedAgentsOnDuty(): Promise<Map<number, number>> {
  const stored = await rows(sql<{ start: number; agentsOnDuty: number }>`SELECT ${queries().epochMs('start')} AS "start", "agentsOnDuty" FROM "IntervalStat" WHERE "agentsOnDuty" IS NOT NULL`)
  return new Map(stored.map((r) => [r.start, r.agentsOnDuty]))
}

beforeAll(async () => {
  const imported = await load(simulation.contactsCsv, 'contacts', 'calls.csv')
  expect(imported.status).toBe('imported')
  await prisma.channel.update({ where: { key: 'voz' }, data: { staffingModel: 'erlangA', patienceSec: 150, slThresholdSec: 20 } })
  await load('contact_id,channel,arrived_at,outcome,wait_seconds,handle_seconds\n1,email,2026-03-02T10:00:00-03:00,answered,60,300\n', 'contacts', 'mail.csv')
  await prisma.channel.update({ where: { key: 'email' }, data: { kind: 'deferred', responseGoalSec: 28_800 } })
}, 120_000)

describe('agents on duty from contacts', () => {
  it('stores the distinct agents who answered in each 15 minutes', async () => {
    const expected = distinctAgents(900_000)
    expect(await storedAgentsOnDuty()).toEqual(expected)
    expect(expected.size).toBeGreaterThan(500)
  })

  it('leaves out placeholder names, and recounts when the list changes', async () => {
    await saveOperation(testActor, { name: 'Teste', timeZone, agentPlaceholders: ['NO_SERVER', 'ag-1'] })
    expect(await storedAgentsOnDuty()).toEqual(distinctAgents(900_000, (agent) => agent === 'ag-1'))
    const audit = await prisma.auditEvent.findFirst({ where: { action: 'settings.operation' }, orderBy: { id: 'desc' }, select: { details: true } })
    expect(JSON.parse(audit!.details ?? '{}').after.agentPlaceholders).toEqual(['NO_SERVER', 'ag-1'])
    await saveOperation(testActor, { name: 'Teste', timeZone, agentPlaceholders: ['NO_SERVER'] })
    expect(await storedAgentsOnDuty()).toEqual(distinctAgents(900_000))
  })

  it('counts them per interval of the check, not as a mean of quarter hours', async () => {
    const history = await readCheckHistory(hourly)
    const expected = distinctAgents(3_600_000)
    expect(history.intervals.length).toBe(150)
    for (const interval of history.intervals) expect(interval.agentsOnDuty).toBe(expected.get(interval.start))
  })
})

describe('model check and calibration', () => {
  it('takes agents logged in from an interval file over the contacts, and shows the textbook gap', async () => {
    expect((await load(simulation.staffedCsv, 'intervals', 'staffed.csv')).status).toBe('imported')
    const history = await readCheckHistory(hourly)
    expect(new Set(history.intervals.map((i) => i.agentsOnDuty))).toEqual(new Set([8, 12, 16, 20]))
    // The contacts' counts survive the file of agents alone.
    expect(history.intervals.reduce((s, i) => s + i.offered, 0)).toBe(simulation.contacts.length)

    const textbook = checkHistory(history, { efficiency: 1, patienceSec: 120 })
    expect(textbook.summary.intervals).toBe(150)
    // Everyone logged in counted as serving: the model promises far better service than happened.
    expect(textbook.summary.slBias!).toBeGreaterThan(0.1)
    expect(textbook.summary.abandonBias!).toBeLessThan(-0.05)
    expect(textbook.survival!.abandoned + textbook.survival!.answered).toBe(simulation.contacts.length)
  })

  it('recovers the simulated efficiency, with the patience from the estimator, and applies it audited', async () => {
    const history = await readCheckHistory(hourly)
    const fit = calibrateHistory(history)!
    // Seed 17 gives 0.773 (patience 121 s): each day starts with an empty queue and hours change
    // staffing at once, both kinder than the steady state the model assumes, so k comes out high.
    expect(Math.abs(fit.efficiency - EFFICIENCY)).toBeLessThan(0.05)
    // The estimator on exponential patience of mean 120 s (censored by answers).
    expect(fit.patienceSec!).toBeGreaterThan(100)
    expect(fit.patienceSec!).toBeLessThan(140)
    const textbook = checkHistory(history, { efficiency: 1, patienceSec: fit.patienceSec })
    expect(fit.slMae! + fit.abandonMae!).toBeLessThan((textbook.summary.slMae! + textbook.summary.abandonMae!) / 3)

    const channel = await prisma.channel.findUniqueOrThrow({ where: { key: 'voz' }, select: { id: true } })
    const saved = await applyCalibration(testActor, channel.id, fit, { from: '2026-03-02', to: '2026-03-17' })
    expect(saved.changes?.after).toEqual({ efficiency: Math.round(fit.efficiency * 1000) / 1000, patienceSec: fit.patienceSec })
    expect((await applyCalibration(testActor, channel.id, fit, {})).changes).toBeNull()
    const audit = await prisma.auditEvent.findMany({ where: { action: 'model.calibrate' }, select: { target: true, details: true } })
    expect(audit).toHaveLength(1)
    expect(audit[0]!.target).toBe(`channel:${channel.id}`)
    expect(JSON.parse(audit[0]!.details ?? '{}')).toMatchObject({ before: { efficiency: 1, patienceSec: 150 }, from: '2026-03-02' })

    // The stored model is now the one checked.
    const after = checkHistory(await readCheckHistory(hourly))
    expect(after.efficiency).toBeCloseTo(fit.efficiency, 3)
    expect(after.summary.slMae!).toBeLessThan(textbook.summary.slMae! / 2)
  })

  it('recounts the contacts at another threshold, and reads 15-minute intervals', async () => {
    const atZero = await readCheckHistory({ ...hourly, thresholdSec: 0 })
    const own = await readCheckHistory(hourly)
    const sum = (list: typeof own.intervals, pick: (i: (typeof own.intervals)[number]) => number | null) => list.reduce((s, i) => s + (pick(i) ?? 0), 0)
    expect(sum(atZero.intervals, (i) => i.offered)).toBe(sum(own.intervals, (i) => i.offered))
    expect(sum(atZero.intervals, (i) => i.answeredWithinThreshold)).toBe(simulation.contacts.filter((c) => c.answered && c.waitSec <= 0).length)
    expect(atZero.intervals.map((i) => i.agentsOnDuty)).toEqual(own.intervals.map((i) => i.agentsOnDuty))
    const quarter = await readCheckHistory({ ...hourly, intervalSec: 900 })
    expect(quarter.intervals).toHaveLength(600)
    expect(quarter.intervals[0]!.agentsOnDuty).toBe(8)
  })

  it('refuses deferred work, an unknown channel and another threshold without contacts', async () => {
    const reason = async (query: CheckQuery) => {
      try {
        await readCheckHistory(query)
        return null
      } catch (error) {
        return error instanceof CannotCheck ? error.reason : error
      }
    }
    expect(await reason({ ...hourly, channel: 'email' })).toBe('deferred')
    expect(await reason({ ...hourly, channel: 'fax' })).toBe('unknownChannel')
    // Interval statistics alone: counts and agents logged in, no waits.
    await load('interval_start,channel,offered,answered,abandoned,answered_within_threshold,aht_seconds,agents_staffed\n2026-03-02T10:00:00-03:00,chat,40,38,2,30,300,6\n', 'intervals', 'chat.csv')
    expect(await reason({ ...hourly, channel: 'chat', thresholdSec: 5 })).toBe('thresholdNeedsContacts')
    const chat = await readCheckHistory({ ...hourly, channel: 'chat', intervalSec: 900 })
    expect(chat.waits).toBeNull()
    expect(chat.intervals).toEqual([
      expect.objectContaining({ offered: 40, answered: 38, abandoned: 2, answeredWithinThreshold: 30, ahtSec: 300, agentsOnDuty: 6 }),
    ])
    // An hour with one quarter reported: its agents logged in are unknown, not a quarter of them.
    expect((await readCheckHistory({ ...hourly, channel: 'chat' })).intervals[0]!.agentsOnDuty).toBeNull()
  })
})

describe('the model check page view', () => {
  const search = (channel: string | null, period: { from: string; to: string } | null = null) => ({ channel, period, periodError: null, interval: 3600 })

  it('checks the channel’s last 28 days with data, fits the first half and checks the second', async () => {
    const view = await getModelCheckView(search('voz'), timeZone, '2026-12-07')
    expect(view.problem).toBeNull()
    expect(view.channels.map((c) => c.key)).toEqual(['voz', 'chat']) // e-mail is deferred work
    expect(view.query).toEqual({ channel: 'voz', from: '2026-02-17', to: '2026-03-16', interval: 3600 })
    expect(view.split).toEqual({ trainingFrom: '2026-02-17', trainingTo: '2026-03-02', heldOutFrom: '2026-03-03', heldOutTo: '2026-03-16' })
    // Only 2 March of the first half has calls: 10 hours to fit on, 140 to check.
    expect(view.fit!.training.intervals).toBe(10)
    expect(view.fit!.heldOut!.fitted.intervals).toBe(140)
    expect(view.points).toHaveLength(150)
    expect(view.agentsFrom).toEqual({ loggedIn: 150, contacts: 0 })
    expect(view.survival!.abandoned + view.survival!.answered).toBe(simulation.contacts.length)
    // Waits are whole seconds: callers who hung up at once make the curve start just below 1.
    expect(view.survival!.points[0]).toMatchObject({ waitSec: 0, exponential: 1 })
    expect(view.survival!.points[0]!.observed).toBeGreaterThan(0.95)
    // The curve stops where fewer than 20 contacts were still waiting, and never rises.
    const observed = view.survival!.points.map((p) => p.observed)
    expect(observed.every((s, i) => i === 0 || s <= observed[i - 1]!)).toBe(true)
  })

  it('says why there is nothing to check', async () => {
    expect((await getModelCheckView(search('voz', { from: '2025-01-01', to: '2025-01-07' }), timeZone, '2026-12-07')).problem).toBe('noData')
    // One quarter hour of 40 chats: under 60 offered an hour.
    const chat = await getModelCheckView(search('chat', { from: '2026-03-02', to: '2026-03-02' }), timeZone, '2026-12-07')
    expect(chat).toMatchObject({ problem: 'noEligible', intervalsRead: 1, having: { traffic: 0, aht: 1, agents: 0 } })
  })
})
