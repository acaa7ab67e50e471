// Schedules from a saved forecast against a real SQLite file: a week whose optimum is known (one
// 6-hour shift type, a channel open 08:00–14:00 Monday to Saturday, so every shift starts at 08:00),
// rostered to the agents of that channel, edited by hand, published and exported.
import { beforeAll, describe, expect, it } from 'vitest'
import { prisma, withSqliteTransaction } from '../../app/db.server.ts'
import { saveAgent, setAgentActive } from '../../app/services/agents.server.ts'
import { getScheduleJob, startScheduleJob } from '../../app/services/schedule-jobs.server.ts'
import { saveRulesFile, type RulesFile } from '../../app/services/schedule-rules.server.ts'
import {
  editShift,
  generateSchedule,
  getScheduleView,
  publishSchedule,
  ScheduleInputError,
  scheduleCsv,
} from '../../app/services/schedules.server.ts'
import { planRows } from '../../app/services/staffing.server.ts'

const ZONE = 'America/Sao_Paulo'
const MONDAY = '2026-11-30'
let forecastId: number
/** Agents required per interval of each day (Monday = day 0), from the staffing plan. */
let requiredByDay: number[][]

const rules: RulesFile = {
  shiftTypes: [{ name: '6h', lengthMinutes: 360, breaks: [] }],
  startEveryMinutes: 30,
  earliestStart: '06:00',
  latestStart: '20:00',
  daysOffPerWeek: 1,
  timeLimitSeconds: 20,
}

beforeAll(async () => {
  await prisma.operation.create({ data: { id: 1, name: 'SP', timeZone: ZONE } })
  const voz = await prisma.channel.create({
    data: {
      key: 'voz',
      name: 'Voz',
      shrinkage: 0.3,
      openingHours: JSON.stringify([null, ...Array(6).fill({ open: 480, close: 840 })]),
      sortOrder: 1,
    },
  })
  await prisma.channel.create({ data: { key: 'chat', name: 'Chat', concurrency: 2, sortOrder: 2 } })
  forecastId = (
    await prisma.forecast.create({
      data: {
        name: 'Semana conhecida',
        method: 'seasonal-naive',
        intervalMin: 30,
        timeZone: ZONE,
        historyFrom: '2026-11-01',
        historyTo: '2026-11-29',
        firstDay: MONDAY,
        horizonDays: 7,
        createdBy: 'ana',
      },
    })
  ).id
  withSqliteTransaction((db) => {
    db.prepare(
      `INSERT INTO ForecastChannel (forecastId, channelId, method, params, scores, origins, dispersion) VALUES (?, ?, 'seasonal-naive', 'null', '{"methods":[],"auto":null}', 0, 1)`,
    ).run(forecastId, voz.id)
    const interval = db.prepare(
      'INSERT INTO ForecastInterval (forecastId, channelId, start, offered, lower, upper, aht, adjusted) VALUES (?, ?, ?, ?, 0, 0, 180, ?)',
    )
    const monday = Date.parse(`${MONDAY}T00:00:00-03:00`)
    for (let d = 0; d < 7; d++) {
      for (let k = 0; k < 48; k++) {
        // 08:00–14:00 Monday to Saturday, busier on Monday.
        const calls = d < 6 && k >= 16 && k < 28 ? (d === 0 ? 120 : 80) : 0
        interval.run(forecastId, voz.id, monday + (d * 48 + k) * 1_800_000, calls, calls)
      }
    }
  })
  const plan = (await planRows(forecastId, null))!
  requiredByDay = Array.from({ length: 7 }, (_, d) =>
    plan.rows
      .filter((r) => Math.floor((r.start - Date.parse(`${MONDAY}T00:00:00-03:00`)) / 86_400_000) === d)
      .map((r) => r.planned.scheduled),
  )
  await saveRulesFile(rules, 'ana')
  // One more voice agent than Monday needs; a chat agent who must get no voice shift.
  const need = Math.max(...requiredByDay[0]!)
  for (let k = 0; k <= need; k++)
    await saveAgent(null, { name: `Agente ${String(k).padStart(2, '0')}`, channels: ['voz'], weeklyHours: 36 })
  await saveAgent(null, { name: 'Só Chat', channels: ['chat'], weeklyHours: 36 })
}, 60_000)

describe('a schedule from a forecast', () => {
  let id: number

  it('covers the plan at its known optimum: every shift at 08:00, as many as the day’s peak, paid hours = the LP bound', async () => {
    id = await generateSchedule({ forecastId, channelKey: 'voz', week: 0 }, 'bruno')
    const view = (await getScheduleView(id, null))!
    const peaks = requiredByDay.map((day) => Math.max(0, ...day))
    expect(peaks[0]).toBeGreaterThan(peaks[1]!)
    expect(view.totals.shifts).toBe(peaks.reduce((a, b) => a + b, 0))
    expect(view.totals.paidHours).toBe(6 * view.totals.shifts)
    expect(view.totals.lpBound).toBeCloseTo(view.totals.paidHours, 6)
    expect(view.totals.gap).toBeCloseTo(0, 9)
    expect(view.totals.coverage).toBe(1)
    expect(view.totals.short).toEqual([])
    expect(view.shifts.every((s) => new Date(s.start).toISOString().endsWith('T11:00:00.000Z'))).toBe(true)
    expect(view.days.map((d) => d.shifts)).toEqual(peaks)
    // The requirement is the plan's scheduled agents, interval by interval.
    expect(view.chart.filter((p) => p.required > 0).map((p) => p.required)).toEqual(requiredByDay.flat().filter((r) => r > 0))
  })

  it('gives every shift to a voice agent, one a day, with one day off each, within the contract', async () => {
    const view = (await getScheduleView(id, null))!
    expect(view.totals.openShifts).toBe(0)
    expect(view.agents.map((a) => a.name)).not.toContain('Só Chat')
    for (const agent of view.agents) {
      expect(agent.daysOff).toHaveLength(1)
      expect(agent.hours).toBeLessThanOrEqual(agent.weeklyHours)
      const days = view.shifts.filter((s) => s.agentId === agent.id).map((s) => s.day)
      expect(new Set(days).size).toBe(days.length)
      expect(days).not.toContain(agent.daysOff[0])
    }
  })

  it('moves a shift by hand: coverage drops where it left and rises where it went, and the gap grows', async () => {
    const before = (await getScheduleView(id, 1))!
    const shift = before.shifts.find((s) => s.day === 1)!
    expect(await editShift(id, shift.id, { start: '09:00', agentId: shift.agentId }, 'carla')).toBe('moved')
    const after = (await getScheduleView(id, 1))!
    const at = (view: typeof before, clock: string) => view.chart.find((p) => p.label === clock)!.scheduled
    expect(at(after, '08:00')).toBe(at(before, '08:00') - 1)
    expect(at(after, '08:30')).toBe(at(before, '08:30') - 1)
    expect(at(after, '14:00')).toBe(at(before, '14:00') + 1)
    expect(at(after, '14:30')).toBe(at(before, '14:30') + 1)
    expect(after.totals.coverage).toBeLessThan(1)
    expect(after.totals.short.length).toBe(2)
    expect(after.totals.gap).toBeGreaterThan(0)
    const moved = after.shifts.find((s) => s.id === shift.id)!
    expect(moved.end - moved.start).toBe(6 * 3_600_000)
    expect(moved.edited).toBe(true)
    expect((await prisma.scheduleShift.findUnique({ where: { id: shift.id }, select: { editedBy: true } }))!.editedBy).toBe('carla')
  })

  it('refuses an agent who already works that day, one who is off, and a time that is not on the day', async () => {
    const view = (await getScheduleView(id, null))!
    const [first, second] = view.shifts.filter((s) => s.day === 2)
    expect(await editShift(id, first!.id, { start: '08:00', agentId: second!.agentId }, 'carla')).toBe('agentBusy')
    const saturday = view.shifts.find((s) => s.day === 5)!
    expect(await editShift(id, saturday.id, { start: '25:00', agentId: null }, 'carla')).toBe('badTime')
    expect(await editShift(id, saturday.id, { start: '08:03', agentId: null }, 'carla')).toBe('badTime')
    await prisma.schedule.update({ where: { id }, data: { daysOff: JSON.stringify({ [first!.agentId!]: [5] }) } })
    expect(await editShift(id, saturday.id, { start: '08:00', agentId: first!.agentId }, 'carla')).toBe('agentOff')
    expect(await editShift(id, 999_999, { start: '08:00', agentId: null }, 'carla')).toBe('notFound')
    // Only active agents who can work the schedule's channel.
    const chatOnly = (await prisma.agent.findUnique({ where: { name: 'Só Chat' }, select: { id: true } }))!.id
    expect(await editShift(id, saturday.id, { start: '08:00', agentId: chatOnly }, 'carla')).toBe('unknownAgent')
    await saveAgent(null, { name: 'Inativo', channels: ['voz'], weeklyHours: 36 })
    const inactive = (await prisma.agent.findUnique({ where: { name: 'Inativo' }, select: { id: true } }))!.id
    await setAgentActive(inactive, false)
    expect(await editShift(id, saturday.id, { start: '08:00', agentId: inactive }, 'carla')).toBe('unknownAgent')
  })

  it('refuses a shift that would overlap the same agent’s shift of the day before, running past midnight', async () => {
    const view = (await getScheduleView(id, null))!
    const [tuesday, other] = view.shifts.filter((s) => s.day === 1 && s.agentId !== null)
    const wednesday = view.shifts.find((s) => s.day === 2 && s.agentId !== tuesday!.agentId && s.agentId !== other!.agentId)!
    // Tuesday's shift moved to 22:00 runs to 04:00 on Wednesday…
    expect(await editShift(id, tuesday!.id, { start: '22:00', agentId: tuesday!.agentId }, 'carla')).toBe('moved')
    // …so its agent cannot take a Wednesday shift at 01:00, though Wednesday has no shift of theirs yet.
    await prisma.scheduleShift.updateMany({ where: { scheduleId: id, day: 2, agentId: tuesday!.agentId }, data: { agentId: null } })
    expect(await editShift(id, wednesday.id, { start: '01:00', agentId: tuesday!.agentId }, 'carla')).toBe('agentBusy')
    expect(await editShift(id, wednesday.id, { start: '08:00', agentId: tuesday!.agentId }, 'carla')).toBe('moved')
  })

  it('publishes, recording who', async () => {
    expect(await publishSchedule(id, 'diana')).toBe(true)
    const view = (await getScheduleView(id, null))!
    expect(view.schedule.status).toBe('published')
    expect(view.schedule.publishedBy).toBe('diana')
  })

  it('exports one CSV line per shift with local times and the agent', async () => {
    const { csv } = (await scheduleCsv(id))!
    const lines = csv.trim().split('\n')
    const view = (await getScheduleView(id, null))!
    expect(lines[0]).toBe('agent,date,shift_type,start,end,paid_hours,breaks')
    expect(lines.length).toBe(view.totals.shifts + 1)
    expect(lines[1]).toMatch(/^Agente \d\d,2026-11-30,6h,2026-11-30T08:00:00-03:00,2026-11-30T14:00:00-03:00,6,$/)
  })

  it('defuses a name a spreadsheet would run as a formula', async () => {
    await saveAgent(null, { name: '=HYPERLINK("x")', channels: ['voz'], weeklyHours: 36 })
    const agent = (await prisma.agent.findUnique({ where: { name: '=HYPERLINK("x")' }, select: { id: true } }))!.id
    const monday = await prisma.scheduleShift.findFirst({ where: { scheduleId: id, day: 0 }, select: { id: true } })
    expect(await editShift(id, monday!.id, { start: '08:00', agentId: agent }, 'carla')).toBe('moved')
    const { csv } = (await scheduleCsv(id))!
    expect(csv).toContain(`"'=HYPERLINK(""x"")",2026-11-30,`)
    expect(csv).not.toMatch(/^=/m)
  })

  it('says why it cannot build a schedule', async () => {
    await expect(generateSchedule({ forecastId: 999, channelKey: null, week: 0 }, 'x')).rejects.toThrow(ScheduleInputError)
    await expect(generateSchedule({ forecastId, channelKey: 'fax', week: 0 }, 'x')).rejects.toMatchObject({ reason: 'unknownChannel' })
    await expect(generateSchedule({ forecastId, channelKey: 'voz', week: 1 }, 'x')).rejects.toMatchObject({ reason: 'weekOutside' })
    await expect(generateSchedule({ forecastId, channelKey: 'chat', week: 0 }, 'x')).rejects.toMatchObject({ reason: 'nothingRequired' })
  })

  it('runs as a background job that reports its phases and ends with the schedule; one solve at a time', async () => {
    const job = startScheduleJob({ forecastId, channelKey: null, week: 0 }, 20, 'eva')
    expect(job.status).toBe('running')
    // The same request again follows the same job; another waits its turn.
    expect(startScheduleJob({ forecastId, channelKey: null, week: 0 }, 20, 'eva').id).toBe(job.id)
    const next = startScheduleJob({ forecastId, channelKey: 'voz', week: 0 }, 20, 'eva')
    expect(next.phase).toBe('queued')
    const phases = new Set<string>()
    while (getScheduleJob(job.id)!.status === 'running') {
      phases.add(getScheduleJob(job.id)!.phase)
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    expect(getScheduleJob(job.id)!.status).toBe('done')
    expect(phases.has('integer')).toBe(true)
    expect(getScheduleJob(job.id)!.lpBound).toBeGreaterThan(0)
    const view = (await getScheduleView(getScheduleJob(job.id)!.scheduleId!, null))!
    expect(view.schedule.channelKey).toBeNull()
    while (getScheduleJob(next.id)!.status === 'running') await new Promise((resolve) => setTimeout(resolve, 5))
    expect(getScheduleJob(next.id)!.status).toBe('done')
  })
})
