// A schedule of every channel for a team with skills, against a real database (SQLite, or
// PostgreSQL with TEST_DATABASE=postgres): Voz and Chat share two agents of both skills, E-mail has
// its own; all three open 08:00–14:00 Monday to Saturday with one 6-hour shift type, so every shift
// starts at 08:00 and the optimum is known.
// The team is just large enough on Monday only if each both-skilled agent works a different channel.
import { beforeAll, describe, expect, it } from 'vitest'
import { prisma } from '../../app/db.server.ts'
import { saveAgent } from '../../app/services/agents.server.ts'
import { generateSchedule } from '../../app/services/schedule-generation.server.ts'
import { saveRulesFile } from '../../app/services/schedule-rules.server.ts'
import { editShift, getScheduleView, type ScheduleView } from '../../app/services/schedules.server.ts'
import { planRows } from '../../app/services/staffing.server.ts'
import { testActor } from '../support/actor.ts'
import { storeForecastWeek } from '../support/schedule-forecast.ts'

const ZONE = 'America/Sao_Paulo'
const MONDAY = '2026-11-30'
const CHANNELS = [
  // Calls per half hour, Monday and the other days.
  { key: 'voz', name: 'Voz', calls: [120, 80] },
  { key: 'chat', name: 'Chat', calls: [60, 40] },
  { key: 'email', name: 'E-mail', calls: [30, 30] },
]
/** Per channel, per day (Monday = 0): agents required in each open interval (the same all day). */
const peaks = new Map<string, number[]>()
let forecastId: number
let view: ScheduleView

beforeAll(async () => {
  await prisma.operation.create({ data: { id: 1, name: 'SP', timeZone: ZONE } })
  const hours = JSON.stringify([null, ...Array(6).fill({ open: 480, close: 840 })])
  const channels = await Promise.all(
    CHANNELS.map((c, k) => prisma.channel.create({ data: { key: c.key, name: c.name, openingHours: hours, sortOrder: k + 1 } })),
  )
  forecastId = (
    await prisma.forecast.create({
      data: { name: 'Três canais', method: 'seasonal-naive', intervalMin: 30, timeZone: ZONE, historyFrom: '2026-11-01', historyTo: '2026-11-29', firstDay: MONDAY, horizonDays: 7, createdBy: 'ana' },
    })
  ).id
  const monday = Date.parse(`${MONDAY}T00:00:00-03:00`)
  await storeForecastWeek(
    forecastId,
    monday,
    CHANNELS.map((c, k) => ({ id: channels[k]!.id, calls: (d, q) => (d < 6 && q >= 16 && q < 28 ? c.calls[d === 0 ? 0 : 1]! : 0) })),
  )
  const plan = (await planRows(forecastId, null))!
  for (const c of CHANNELS) {
    const rows = plan.rows.filter((r) => r.channel === c.key)
    peaks.set(c.key, Array.from({ length: 7 }, (_, d) => Math.max(0, ...rows.filter((r) => Math.floor((r.start - monday) / 86_400_000) === d).map((r) => r.planned.scheduled))))
  }
  await saveRulesFile(
    { ...testActor, name: 'ana' },
    { shiftTypes: [{ name: '6h', lengthMinutes: 360, breaks: [] }], startEveryMinutes: 30, earliestStart: '06:00', latestStart: '20:00', daysOffPerWeek: 1, timeLimitSeconds: 20 },
  )
  // Everyone works Monday to Saturday (Sunday closed is their day off): Monday needs every agent,
  // one both-skilled agent on each of Voz and Chat.
  const team: Array<[string, string[], number]> = [
    ['Voz', ['voz'], peaks.get('voz')![0]! - 1],
    ['Ambos', ['voz', 'chat'], 2],
    ['Chat', ['chat'], peaks.get('chat')![0]! - 1],
    ['E-mail', ['email'], peaks.get('email')![0]!],
  ]
  for (const [name, skills, count] of team)
    for (let k = 0; k < count; k++) await saveAgent(testActor, null, { name: `${name} ${k + 1}`, channels: skills, weeklyHours: 36 })
  view = (await getScheduleView(await generateSchedule({ forecastId, channelKey: null, week: 0 }, 'bruno'), null))!
}, 120_000)

describe('a schedule of every channel for a team with skills', () => {
  it('covers each channel with agents skilled for it, at the known optimum', () => {
    expect(peaks.get('voz')![0]).toBeGreaterThan(peaks.get('voz')![1]!)
    expect(view.channels!.map((c) => [c.key, c.coverage, c.shortAgentMinutes, c.unreachableAgentMinutes])).toEqual([
      ['voz', 1, 0, 0],
      ['chat', 1, 0, 0],
      ['email', 1, 0, 0],
    ])
    // One 6-hour shift per agent required, each day: nothing more.
    const shifts = [...peaks.values()].flat().reduce((a, b) => a + b, 0)
    expect(view.totals.shifts).toBe(shifts)
    expect(view.totals.paidHours).toBe(6 * shifts)
    expect(view.solver.objective).toBeCloseTo(view.solver.lpBound, 6)
  })

  it('solves Voz and Chat together and E-mail apart, each with the time limit', () => {
    expect(view.solver.phases).toMatchObject({ parts: 2, limitSec: 20 })
  })

  it('stores each shift’s channels and gives it to an agent who works them all, Monday’s both-skilled agents one per channel', async () => {
    const agents = await prisma.agent.findMany({ select: { id: true, name: true, channels: true } })
    const channelsOf = new Map(agents.map((a) => [a.id, JSON.parse(a.channels) as string[]]))
    const nameOf = new Map(agents.map((a) => [a.id, a.name]))
    expect(view.totals.openShifts).toBe(0)
    for (const shift of view.shifts) {
      expect(shift.channels).not.toBeNull()
      expect(shift.channels!.every((c) => channelsOf.get(shift.agentId!)!.includes(c))).toBe(true)
      expect(shift.violations).toEqual([])
    }
    const mondayBoth = view.shifts.filter((s) => s.day === 0 && nameOf.get(s.agentId!)!.startsWith('Ambos'))
    expect(mondayBoth).toHaveLength(2)
    expect(mondayBoth.every((s) => s.channels!.join() === 'chat,voz' || s.channels!.join() === 'voz,chat')).toBe(true)
  })

  it('refuses a Chat shift to an agent of Voz only, naming the channel; an open shift still counts for its channels', async () => {
    const chatShift = view.shifts.find((s) => s.day === 0 && s.channels!.join() === 'chat')!
    const vozOnly = (await prisma.agent.findFirst({ where: { name: 'Voz 1' }, select: { id: true } }))!.id
    const carla = { ...testActor, name: 'carla' }
    const refused = await editShift(carla, view.schedule.id, chatShift.id, { start: '08:00', agentId: vozOnly })
    expect(refused).toMatchObject({ outcome: 'refused' })
    expect('violations' in refused && refused.violations).toContainEqual({ rule: 'channel', missing: ['chat'] })
    expect(await editShift(carla, view.schedule.id, chatShift.id, { start: '08:00', agentId: null })).toEqual({ outcome: 'saved', violations: [] })
    const after = (await getScheduleView(view.schedule.id, null))!
    expect(after.totals.openShifts).toBe(1)
    expect(after.channels!.find((c) => c.key === 'chat')!.coverage).toBe(1)
  })
})
