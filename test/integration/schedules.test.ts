// Schedules from a saved forecast against a real database (SQLite, or PostgreSQL with
// TEST_DATABASE=postgres): a week whose optimum is known (one 6-hour shift type, a channel open
// 08:00–14:00 Monday to Saturday, so every shift starts at 08:00), rostered to the agents of that
// channel, edited by hand, published and exported.
import { beforeAll, describe, expect, it } from 'vitest'
import { prisma } from '../../app/db.server.ts'
import { saveAgent, setAgentActive } from '../../app/services/agents.server.ts'
import { getScheduleJob, startScheduleJob } from '../../app/services/schedule-jobs.server.ts'
import { saveRulesFile, type RulesFile } from '../../app/services/schedule-rules.server.ts'
import { generateSchedule, ScheduleInputError } from '../../app/services/schedule-generation.server.ts'
import { editShift, getScheduleView, publishSchedule, scheduleCsv } from '../../app/services/schedules.server.ts'
import { planRows } from '../../app/services/staffing.server.ts'
import { localMinuteOfDay } from '../../app/domain/intervals.ts'
import { formatClock } from '../../app/domain/opening-hours.ts'
import { testActor } from '../support/actor.ts'
import { storeForecastWeek } from '../support/schedule-forecast.ts'

const carla = { ...testActor, name: 'carla' }

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
  // 08:00–14:00 Monday to Saturday, busier on Monday.
  await storeForecastWeek(forecastId, Date.parse(`${MONDAY}T00:00:00-03:00`), [
    { id: voz.id, calls: (d, k) => (d < 6 && k >= 16 && k < 28 ? (d === 0 ? 120 : 80) : 0) },
  ])
  const plan = (await planRows(forecastId, null))!
  requiredByDay = Array.from({ length: 7 }, (_, d) =>
    plan.rows
      .filter((r) => Math.floor((r.start - Date.parse(`${MONDAY}T00:00:00-03:00`)) / 86_400_000) === d)
      .map((r) => r.planned.scheduled),
  )
  await saveRulesFile({ ...testActor, name: 'ana' }, rules)
  // One more voice agent than Monday needs; a chat agent who must get no voice shift.
  const need = Math.max(...requiredByDay[0]!)
  for (let k = 0; k <= need; k++)
    await saveAgent(testActor, null, { name: `Agente ${String(k).padStart(2, '0')}`, channels: ['voz'], weeklyHours: 36 })
  await saveAgent(testActor, null, { name: 'Só Chat', channels: ['chat'], weeklyHours: 36 })
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
    expect(view.solver.objective).toBeCloseTo(view.totals.paidHours, 9)
    expect(view.solver.lpBound).toBeCloseTo(view.totals.paidHours, 6)
    expect(view.solver.gap).toBeCloseTo(0, 9)
    // HiGHS's MIP bound is stored with the schedule: between the LP's and the cost.
    expect(view.solver.mipBound).not.toBeNull()
    expect(view.solver.mipBound!).toBeGreaterThanOrEqual(view.solver.lpBound - 1e-6)
    expect(view.solver.mipBound!).toBeLessThanOrEqual(view.solver.objective)
    expect(view.solver.bestGap).toBeCloseTo(0, 9)
    expect(view.solver.editedSince).toBe(false)
    expect(view.totals.coverage).toBe(1)
    expect(view.totals.short).toEqual([])
    expect(view.shifts.every((s) => new Date(s.start).toISOString().endsWith('T11:00:00.000Z'))).toBe(true)
    expect(view.days.map((d) => d.shifts)).toEqual(peaks)
    // The requirement is the plan's scheduled agents, interval by interval.
    expect(view.chart.filter((p) => p.required > 0).map((p) => p.required)).toEqual(requiredByDay.flat().filter((r) => r > 0))
  })

  it('says where the solve’s time went: the limit covers the whole solve, the integer program had what was left', async () => {
    const { solver } = (await getScheduleView(id, null))!
    expect(solver.timeLimitSec).toBe(20)
    const phases = solver.phases!
    expect(phases.limitSec).toBe(20)
    expect(phases.integerLimitSec).toBeLessThan(20 - phases.relaxationMs / 1000)
    expect(phases.repairedShifts).toBe(0)
    expect(phases.relaxationMs + phases.integerMs + phases.repairMs).toBeLessThanOrEqual(solver.totalMs + 1)
  })

  it('gives every shift to a voice agent, one a day, with one day off each, within the contract: no shift breaks a rule', async () => {
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
    expect(view.totals.outOfRules).toBe(0)
    expect(view.shifts.every((s) => s.violations.length === 0)).toBe(true)
  })

  it('gives a shift to another agent who is free that day', async () => {
    const view = (await getScheduleView(id, null))!
    const shift = view.shifts.find((s) => s.day === 1)!
    const free = view.agents.find(
      (a) => !a.daysOff.includes(1) && a.hours + 6 <= a.weeklyHours && !view.shifts.some((s) => s.day === 1 && s.agentId === a.id),
    )!
    expect(await editShift(carla, id, shift.id, { start: '08:00', agentId: free.id })).toEqual({ outcome: 'saved', violations: [] })
    const after = (await getScheduleView(id, null))!
    expect(after.shifts.find((s) => s.id === shift.id)).toMatchObject({ agentId: free.id, edited: true, violations: [] })
  })

  it('refuses a move out of opening hours with the reason; saved anyway, the warning stays on the shift until it is fixed', async () => {
    const before = (await getScheduleView(id, 1))!
    const shift = before.shifts.find((s) => s.day === 1)!
    // Voice closes at 14:00: a 6-hour shift from 09:00 ends at 15:00.
    const outside = [{ rule: 'openingHours', open: 8 * 60, close: 14 * 60 }]
    expect(await editShift(carla, id, shift.id, { start: '09:00', agentId: shift.agentId })).toEqual({ outcome: 'refused', violations: outside })
    expect((await getScheduleView(id, 1))!.shifts.find((s) => s.id === shift.id)!.start).toBe(shift.start)

    expect(await editShift(carla, id, shift.id, { start: '09:00', agentId: shift.agentId, force: true })).toEqual({
      outcome: 'saved',
      violations: outside,
    })
    const after = (await getScheduleView(id, 1))!
    const at = (view: typeof before, clock: string) => view.chart.find((p) => formatClock(p.minute) === clock)!.scheduled
    expect(at(after, '08:00')).toBe(at(before, '08:00') - 1)
    expect(at(after, '08:30')).toBe(at(before, '08:30') - 1)
    expect(at(after, '14:00')).toBe(at(before, '14:00') + 1)
    expect(at(after, '14:30')).toBe(at(before, '14:30') + 1)
    expect(after.totals.coverage).toBeLessThan(1)
    expect(after.totals.short.length).toBe(2)
    expect(after.days[1]!.short).toBe(2)
    const moved = after.shifts.find((s) => s.id === shift.id)!
    expect(moved.end - moved.start).toBe(6 * 3_600_000)
    expect(moved.edited).toBe(true)
    expect(moved.violations).toEqual(outside)
    expect(after.totals.outOfRules).toBe(1)
    expect((await prisma.scheduleShift.findUnique({ where: { id: shift.id }, select: { editedBy: true } }))!.editedBy).toBe('carla')
    // The solver's figures stay those of the schedule as generated, and say the schedule changed since.
    const { editedSince, ...generated } = after.solver
    const { editedSince: _, ...generatedBefore } = before.solver
    expect(generated).toEqual(generatedBefore)
    expect(editedSince).toBe(true)

    // Fixed: back to 08:00, the warning goes.
    expect(await editShift(carla, id, shift.id, { start: '08:00', agentId: shift.agentId })).toEqual({ outcome: 'saved', violations: [] })
    const fixed = (await getScheduleView(id, 1))!
    expect(fixed.shifts.find((s) => s.id === shift.id)!.violations).toEqual([])
    expect(fixed.totals.outOfRules).toBe(0)
    expect(fixed.totals.coverage).toBe(1)
  })

  it('refuses an agent who already works that day, one who is off, one of another channel, with the reasons; and what no one can save', async () => {
    const view = (await getScheduleView(id, null))!
    const [first, second] = view.shifts.filter((s) => s.day === 2)
    const busy = await editShift(carla, id, first!.id, { start: '08:00', agentId: second!.agentId })
    expect(busy.outcome).toBe('refused')
    expect('violations' in busy && busy.violations.map((v) => v.rule)).toEqual(expect.arrayContaining(['oneShiftADay', 'overlap']))
    const saturday = view.shifts.find((s) => s.day === 5)!
    expect(await editShift(carla, id, saturday.id, { start: '25:00', agentId: null })).toEqual({ outcome: 'badTime' })
    expect(await editShift(carla, id, saturday.id, { start: '08:03', agentId: null })).toEqual({ outcome: 'badTime' })
    const { daysOff } = (await prisma.schedule.findUnique({ where: { id }, select: { daysOff: true } }))!
    await prisma.schedule.update({ where: { id }, data: { daysOff: JSON.stringify({ [first!.agentId!]: [5] }) } })
    const off = await editShift(carla, id, saturday.id, { start: '08:00', agentId: first!.agentId })
    expect(off.outcome).toBe('refused')
    expect('violations' in off && off.violations).toContainEqual({ rule: 'dayOff' })
    await prisma.schedule.update({ where: { id }, data: { daysOff } })
    expect(await editShift(carla, id, 999_999, { start: '08:00', agentId: null })).toEqual({ outcome: 'notFound' })
    // An agent who does not work the schedule's channel breaks a rule; an inactive one is not on the team at all.
    const chatOnly = (await prisma.agent.findUnique({ where: { name: 'Só Chat' }, select: { id: true } }))!.id
    expect(await editShift(carla, id, saturday.id, { start: '08:00', agentId: chatOnly })).toEqual({
      outcome: 'refused',
      violations: [{ rule: 'channel', missing: ['voz'] }],
    })
    await saveAgent(testActor, null, { name: 'Inativo', channels: ['voz'], weeklyHours: 36 })
    const inactive = (await prisma.agent.findUnique({ where: { name: 'Inativo' }, select: { id: true } }))!.id
    await setAgentActive(testActor, inactive, false)
    expect(await editShift(carla, id, saturday.id, { start: '08:00', agentId: inactive })).toEqual({ outcome: 'unknownAgent' })
    expect(await editShift(carla, id, saturday.id, { start: '08:00', agentId: inactive, force: true })).toEqual({ outcome: 'unknownAgent' })
  })

  it('refuses a shift within 11 h of the same agent’s shift of the day before, running past midnight', async () => {
    const view = (await getScheduleView(id, null))!
    const worksWednesday = (agentId: number | null) => !view.agents.find((a) => a.id === agentId)?.daysOff.includes(2)
    const tuesday = view.shifts.find((s) => s.day === 1 && s.agentId !== null && worksWednesday(s.agentId))!
    const agentId = tuesday.agentId!
    const wednesday = view.shifts.find((s) => s.day === 2 && s.agentId !== agentId)!
    await prisma.scheduleShift.updateMany({ where: { scheduleId: id, day: 2, agentId }, data: { agentId: null } })
    // Tuesday's shift moved to 20:00 (saved anyway: voice closes at 14:00) runs to 02:00 on Wednesday…
    const late = await editShift(carla, id, tuesday.id, { start: '20:00', agentId, force: true })
    expect(late).toEqual({ outcome: 'saved', violations: [{ rule: 'openingHours', open: 480, close: 840 }] })
    // …so its agent cannot take a Wednesday shift at 08:00: 6 h of rest, though Wednesday has no shift of theirs.
    const rest = { rule: 'rest', restMin: 6 * 60, minRestMin: 11 * 60 }
    expect(await editShift(carla, id, wednesday.id, { start: '08:00', agentId })).toEqual({ outcome: 'refused', violations: [rest] })
    // Saved anyway, both shifts carry the warning.
    expect(await editShift(carla, id, wednesday.id, { start: '08:00', agentId, force: true })).toEqual({ outcome: 'saved', violations: [rest] })
    const after = (await getScheduleView(id, null))!
    expect(after.shifts.find((s) => s.id === tuesday.id)!.violations).toEqual([{ rule: 'openingHours', open: 480, close: 840 }, rest])
    expect(after.shifts.find((s) => s.id === wednesday.id)!.violations).toEqual([rest])
    expect(after.totals.outOfRules).toBe(2)
  })

  it('gives an agent one shift of a day when supervisors give them every shift of that day at once: the edits do not interleave', async () => {
    await saveAgent(testActor, null, { name: 'Disputado', channels: ['voz'], weeklyHours: 36 })
    const agentId = (await prisma.agent.findUnique({ where: { name: 'Disputado' }, select: { id: true } }))!.id
    const thursday = (await getScheduleView(id, null))!.shifts.filter((s) => s.day === 3)
    expect(thursday.length).toBeGreaterThan(2)
    const outcomes = await Promise.all(thursday.map((shift) => editShift(carla, id, shift.id, { start: '08:00', agentId })))
    // Each edit after the first read the one saved before it, committed, and was refused.
    expect(outcomes.filter((o) => o.outcome === 'saved')).toHaveLength(1)
    for (const refused of outcomes.filter((o) => o.outcome !== 'saved')) {
      expect(refused.outcome).toBe('refused')
      expect('violations' in refused && refused.violations.map((v) => v.rule)).toContain('oneShiftADay')
    }
    const after = (await getScheduleView(id, null))!.shifts.filter((s) => s.day === 3 && s.agentId === agentId)
    expect(after).toHaveLength(1)
  })

  it('publishes, recording who', async () => {
    expect(await publishSchedule({ ...testActor, name: 'diana' }, id)).toBe(true)
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
    await saveAgent(testActor, null, { name: '=HYPERLINK("x")', channels: ['voz'], weeklyHours: 36 })
    const agent = (await prisma.agent.findUnique({ where: { name: '=HYPERLINK("x")' }, select: { id: true } }))!.id
    const monday = await prisma.scheduleShift.findFirst({ where: { scheduleId: id, day: 0 }, select: { id: true } })
    expect(await editShift(carla, id, monday!.id, { start: '08:00', agentId: agent })).toEqual({ outcome: 'saved', violations: [] })
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

  it('runs as a durable background job in its own process that reports its phases and ends with the schedule; one solve at a time', async () => {
    const actor = { id: null, email: 'eva@example.com' }
    const input = { forecastId, channelKey: null, week: 0, timeLimitSec: 20, by: 'eva' }
    const id = await startScheduleJob(input, actor)
    // The same request again follows the same job; another waits its turn.
    expect(await startScheduleJob(input, actor)).toBe(id)
    const next = await startScheduleJob({ ...input, channelKey: 'voz' }, actor)
    expect((await getScheduleJob(next))!.phase).toBe('queued')
    const phases = new Set<string>()
    const until = async (jobId: number) => {
      for (;;) {
        const job = (await getScheduleJob(jobId))!
        if (job.state !== 'queued' && job.state !== 'running') return job
        phases.add(job.phase)
        // The progress bar's time runs from when the solver starts building the model (the limit
        // covers the whole solve), inside the job's own time.
        if (job.phase === 'relaxation' || job.phase === 'integer') expect(job.limitUsedSec).not.toBeNull()
        if (job.phase === 'plan' || job.phase === 'queued') expect(job.limitUsedSec).toBeNull()
        if (job.limitUsedSec !== null) expect(job.limitUsedSec).toBeLessThanOrEqual(job.elapsedSec)
        await new Promise((resolve) => setTimeout(resolve, 5))
      }
    }
    const done = await until(id)
    expect(done.state).toBe('done')
    expect([...phases].every((phase) => ['queued', 'plan', 'relaxation', 'integer', 'roster'].includes(phase))).toBe(true)
    const view = (await getScheduleView(done.scheduleId!, null))!
    expect(view.schedule.channelKey).toBeNull()
    // Every channel of this forecast is Voz: the chat agent is not on the schedule's team.
    expect(view.shifts.some((s) => s.agentName === 'Só Chat')).toBe(false)
    expect(view.agents.map((a) => a.name)).not.toContain('Só Chat')
    expect(view.solver.lpBound).toBeGreaterThan(0)
    expect((await until(next)).state).toBe('done')
    // The outcome is audited by the job (not only the request).
    const audited = await prisma.auditEvent.findMany({ where: { action: 'schedule.generate', actor: 'eva@example.com' }, orderBy: { id: 'asc' }, select: { target: true, details: true } })
    expect(audited.map((a) => a.target)).toEqual([`schedule:${done.scheduleId}`, expect.stringMatching(/^schedule:\d+$/)])
    expect(JSON.parse(audited[0]!.details!)).toMatchObject({ status: 'done', forecastId })
  })

  it('states the LP bound beside the cost it bounds when the rules leave intervals short, never below paid hours as if it bounded them', async () => {
    // One shift a day cannot cover Monday: the cost carries the shortfall penalty (100 h per agent-hour short).
    await saveRulesFile({ ...testActor, name: 'ana' }, { ...rules, maxAgentsPerDay: 1 })
    const short = (await getScheduleView(await generateSchedule({ forecastId, channelKey: 'voz', week: 0 }, 'bruno'), null))!
    expect(short.totals.short.length).toBeGreaterThan(0)
    expect(short.solver.lpBound).toBeGreaterThan(short.totals.paidHours)
    expect(short.solver.objective).toBeCloseTo(short.totals.paidHours + 100 * short.totals.underHours, 6)
    expect(short.solver.objective).toBeGreaterThanOrEqual(short.solver.lpBound)
    expect(short.solver.gap).toBeGreaterThanOrEqual(0)
    // Every minute short is one a shift could reach (a second shift), none a rules problem.
    expect(short.totals.shortAgentMinutes).toBeCloseTo(60 * short.totals.underHours, 6)
    expect(short.totals.unreachableMinutes).toBe(0)
    await saveRulesFile({ ...testActor, name: 'ana' }, rules)
  })

  it('names the minutes no allowed shift can reach, apart from those the schedule leaves short', async () => {
    // 5h50 shifts starting every 30 minutes in a channel open 08:00–14:00: the 08:00 start ends at
    // 13:50 and the next (08:30) would end at 14:20, after closing. 13:50–14:00 owes the 13:30
    // interval's agents and nobody can be there: 10 minutes × 6 open days, a rules problem.
    await saveRulesFile({ ...testActor, name: 'ana' }, { ...rules, shiftTypes: [{ name: '5h50', lengthMinutes: 350, breaks: [] }] })
    const view = (await getScheduleView(await generateSchedule({ forecastId, channelKey: 'voz', week: 0 }, 'bruno'), null))!
    const lastInterval = requiredByDay.slice(0, 6).map((day) => day[27]!) // 13:30, the 28th half hour of the day
    expect(lastInterval.every((n) => n > 0)).toBe(true)
    expect(view.totals.unreachableMinutes).toBe(60)
    expect(view.totals.unreachableAgentMinutes).toBe(10 * lastInterval.reduce((a, b) => a + b, 0))
    expect(view.totals.unreachable.map((r) => `${formatClock(localMinuteOfDay(r.start, ZONE))}–${formatClock(localMinuteOfDay(r.end, ZONE))}`)).toEqual(
      new Array(6).fill('13:50–14:00'),
    )
    // The solver is charged for nothing it could cover: cost = paid hours = the bound.
    expect(view.totals.shortMinutes).toBe(0)
    expect(view.solver.objective).toBeCloseTo(view.totals.paidHours, 9)
    expect(view.solver.lpBound).toBeCloseTo(view.totals.paidHours, 6)
    await saveRulesFile({ ...testActor, name: 'ana' }, rules)
  })

  it('rosters within availability and contract shift types, and gives Saturdays off first to who had fewer weekend days off the week before', async () => {
    const team = await prisma.agent.findMany({ where: { channels: { contains: 'voz' }, active: true }, orderBy: { name: 'asc' }, select: { id: true, name: true } })
    const monToWed = team.find((a) => a.name === 'Agente 00')
    const fourHours = team.find((a) => a.name === 'Agente 01')
    const rest = team.filter((a) => a !== monToWed && a !== fourHours)
    // An 18-hour part-timer on Monday to Wednesday 08:00–14:00 only; a contract of "4h" shifts the rules do not have: no shift at all.
    const mornings = [null, ...Array(3).fill({ open: 480, close: 840 }), null, null, null]
    await saveAgent(testActor, monToWed!.id, { name: monToWed!.name, channels: ['voz'], weeklyHours: 18, availability: mornings })
    await saveAgent(testActor, fourHours!.id, { name: fourHours!.name, channels: ['voz'], weeklyHours: 36, shiftTypes: ['4h'] })
    // Last week (published): the first half of the rest had Saturday and Sunday off, the others Tuesday and Sunday.
    const hadTwo = new Set(rest.slice(0, Math.ceil(rest.length / 2)).map((a) => a.id))
    const lastWeek = Object.fromEntries(rest.map((a) => [a.id, hadTwo.has(a.id) ? [5, 6] : [1, 6]]))
    await prisma.schedule.create({
      data: {
        channelKey: 'voz',
        firstDay: '2026-11-23',
        days: 7,
        timeZone: ZONE,
        intervalMin: 30,
        requirement: JSON.stringify({ start: [], required: [], owed: [] }),
        rules: JSON.stringify(rules),
        daysOff: JSON.stringify(lastWeek),
        lpBound: 0,
        objective: 0,
        gap: 0,
        solverStatus: 'Optimal',
        solveMs: 0,
        status: 'published',
        createdBy: 'ana',
      },
    })
    await saveRulesFile({ ...testActor, name: 'ana' }, { ...rules, daysOffPerWeek: 2, startToleranceMinutes: 60 })
    const view = (await getScheduleView(await generateSchedule({ forecastId, channelKey: 'voz', week: 0 }, 'bruno'), null))!
    await saveRulesFile({ ...testActor, name: 'ana' }, rules)
    const daysOf = (id: number) => view.shifts.filter((s) => s.agentId === id).map((s) => s.day)
    expect(daysOf(monToWed!.id)).toEqual([0, 1, 2])
    expect(daysOf(fourHours!.id)).toEqual([])
    // Nothing the roster did breaks a rule the page checks (availability, contract types, tolerance included).
    expect(view.shifts.flatMap((s) => s.violations)).toEqual([])
    // Saturday (day 5) off went to those with one weekend day off last week before any with two.
    const daysOff = new Map(view.agents.map((a) => [a.id, a.daysOff]))
    const saturdayOff = rest.filter((a) => daysOff.get(a.id)!.includes(5))
    const working = rest.filter((a) => !daysOff.get(a.id)!.includes(5))
    expect(saturdayOff.length).toBeGreaterThan(0)
    expect(working.length).toBeGreaterThan(0)
    if (saturdayOff.some((a) => hadTwo.has(a.id))) expect(working.every((a) => hadTwo.has(a.id))).toBe(true)
    expect(saturdayOff.some((a) => !hadTwo.has(a.id))).toBe(true)
  })
})
