import { beforeAll, describe, expect, it } from 'vitest'
import { prisma } from '../../app/db.server.ts'
import { formPost, signedInAs } from '../support/session.ts'
import { action as agentsAction } from '../../app/routes/schedules.agents.tsx'
import { action as rulesAction } from '../../app/routes/schedules.rules.tsx'
import { rulesFormSchema, rulesFormValues } from '../../app/schemas/schedule-rules-form.ts'
import { scheduleRulesSchema, toScheduleRules } from '../../app/schemas/schedule-rules.ts'
import { listAgents, saveAgent, setAgentActive } from '../../app/services/agents.server.ts'
import { defaultRulesFile, getRulesFile, RulesRefused, saveRulesFile, type RulesFile } from '../../app/services/schedule-rules.server.ts'
import { testActor } from '../support/actor.ts'

let cookie: string

beforeAll(async () => {
  cookie = (await signedInAs('supervisor')).cookie
  await prisma.channel.create({ data: { key: 'voz', name: 'Voz', sortOrder: 1 } })
  await prisma.channel.create({ data: { key: 'chat', name: 'Chat', sortOrder: 2 } })
})

/** A route action's answer to a posted form: its status and data. */
async function post(action: typeof rulesAction | typeof agentsAction, path: string, fields: [string, string][]) {
  const result = (await action({
    request: formPost(path, fields, cookie),
    params: {},
    context: {},
  })) as unknown
  if (result && typeof result === 'object' && 'init' in result) {
    const { data, init } = result as { data: unknown; init: ResponseInit | null }
    return { status: init?.status ?? 200, data: data as Record<string, unknown> }
  }
  return { status: 200, data: result as Record<string, unknown> }
}

const lunchDay: RulesFile = {
  shiftTypes: [
    {
      name: '8h48',
      lengthMinutes: 528,
      breaks: [{ name: 'almoço', lengthMinutes: 60, earliestAfterStartMinutes: 180, latestAfterStartMinutes: 300, paid: false }],
    },
  ],
  startEveryMinutes: 30,
  earliestStart: '07:00',
  latestStart: '13:00',
  breakEveryMinutes: 15,
  openingHours: [null, ...Array(6).fill({ open: '07:00', close: '22:00' })],
  minAgentsWhileOpen: 2,
  maxAgentsPerDay: 40,
  daysOffPerWeek: 2,
  consecutiveDaysOff: true,
  timeLimitSeconds: 30,
}

describe('shift rules', () => {
  it('are the NR-17 defaults while none are stored', async () => {
    expect(await getRulesFile()).toEqual({ file: defaultRulesFile, updatedAt: null, updatedBy: null })
  })

  it('are stored and read back with who changed them', async () => {
    await saveRulesFile({ ...testActor, name: 'ana' }, lunchDay)
    const stored = await getRulesFile()
    expect(stored.file).toEqual(lunchDay)
    expect(stored.updatedBy).toBe('ana')
    expect(Date.parse(stored.updatedAt!)).toBeGreaterThan(Date.now() - 60_000)
  })

  it('are refused, keeping the stored ones, when a break can end after the shift or the last start is before the first', async () => {
    const late = structuredClone(lunchDay)
    late.shiftTypes[0]!.breaks![0]!.latestAfterStartMinutes = 500 // 500 + 60 > 528
    await expect(saveRulesFile({ ...testActor, name: 'bia' }, late)).rejects.toThrow(RulesRefused)
    await expect(saveRulesFile({ ...testActor, name: 'bia' }, late)).rejects.toThrow(/end after the shift/)
    await expect(saveRulesFile({ ...testActor, name: 'bia' }, { ...lunchDay, earliestStart: '14:00', latestStart: '08:00' })).rejects.toThrow(RulesRefused)
    expect((await getRulesFile()).file).toEqual(lunchDay)
    expect((await getRulesFile()).updatedBy).toBe('ana')
  })
})

describe('the shift rules form', () => {
  it('reads back the rules it shows (opening hours aside)', () => {
    const { openingHours: _, ...rest } = lunchDay
    expect(rulesFormSchema.parse(rulesFormValues(lunchDay))).toEqual(rest)
    expect(rulesFormValues(defaultRulesFile)['shift0.length']).toBe('6:20')
    expect(rulesFormSchema.parse(rulesFormValues(defaultRulesFile))).toEqual(defaultRulesFile)
  })

  it('ignores blank rows, drops removed and nameless ones, and reads h:mm lengths and decimal commas', () => {
    const form = {
      ...rulesFormValues(defaultRulesFile),
      'shift0.break1.remove': 'on', // the 20-minute rest goes
      'shift0.break3.name': '', // the blank break row
      'shift0.break3.length': '',
      'shift0.break3.earliest': '',
      'shift0.break3.latest': '',
      'shift1.name': 'manhã 4h',
      'shift1.length': '4h',
      'shift1.break0.name': 'pausa',
      'shift1.break0.length': '15',
      'shift1.break0.earliest': '90',
      'shift1.break0.latest': '150',
      'shift1.break0.paid': 'on',
      'shift1.break1.name': '',
      'shift2.name': '   ', // cleared: removed even with a length left in
      'shift2.length': '8:00',
      maxAgentsPerDay: '',
      minAgentsWhileOpen: '1,5',
      shortfallPenaltyHours: '50',
      consecutiveDaysOff: 'on',
      startToleranceMinutes: '60',
      maxOnBreak: '4',
    }
    const rules = rulesFormSchema.parse(form)
    expect(rules.shiftTypes.map((t) => t.name)).toEqual(['6h20', 'manhã 4h'])
    expect(rules.shiftTypes[0]!.breaks!.map((b) => b.name)).toEqual(['pausa 1', 'pausa 2'])
    expect(rules.shiftTypes[1]).toEqual({
      name: 'manhã 4h',
      lengthMinutes: 240,
      breaks: [{ name: 'pausa', lengthMinutes: 15, earliestAfterStartMinutes: 90, latestAfterStartMinutes: 150, paid: true }],
    })
    expect(rules).toMatchObject({ maxAgentsPerDay: null, minAgentsWhileOpen: 1.5, shortfallPenaltyHours: 50, consecutiveDaysOff: true, startToleranceMinutes: 60 })
    // Blank = no tolerance rule; the form shows a stored one back.
    expect(rulesFormSchema.parse({ ...form, startToleranceMinutes: '' })).not.toHaveProperty('startToleranceMinutes')
    expect(rulesFormValues(rules).startToleranceMinutes).toBe('60')
    // The same for the limit on breaks at once, read by the CLI's schema and the solver.
    expect(rules.maxOnBreak).toBe(4)
    expect(rulesFormSchema.parse({ ...form, maxOnBreak: '' })).not.toHaveProperty('maxOnBreak')
    expect(rulesFormValues(rules).maxOnBreak).toBe('4')
    expect(toScheduleRules(scheduleRulesSchema.parse(rules)).rules.maxOnBreak).toBe(4)
  })

  it('names the fields in error', () => {
    const form = {
      ...rulesFormValues(defaultRulesFile),
      'shift0.length': '380',
      'shift0.break2.earliest': 'x',
      earliestStart: '25:00',
      daysOffPerWeek: '7',
      timeLimitSeconds: '0',
      startToleranceMinutes: '721',
      maxOnBreak: '0',
    }
    const result = rulesFormSchema.safeParse(form)
    expect(result.success).toBe(false)
    const fields = Object.fromEntries(result.error!.issues.map((i) => [i.path[0], i.message]))
    expect(fields).toEqual({
      'shift0.length': 'scheduleRules.errors.shiftLength',
      'shift0.break2.earliest': 'errors.number',
      earliestStart: 'errors.time',
      daysOffPerWeek: 'scheduleRules.errors.daysOff',
      timeLimitSeconds: 'scheduleRules.errors.timeLimit',
      startToleranceMinutes: 'scheduleRules.errors.startTolerance',
      maxOnBreak: 'scheduleRules.errors.maxOnBreak',
    })
    const none = rulesFormSchema.safeParse({ ...rulesFormValues(defaultRulesFile), 'shift0.remove': 'on' })
    expect(none.error!.issues.map((i) => i.message)).toEqual(['scheduleRules.errors.noShiftTypes'])
  })
})

describe('the shift rules page', () => {
  it('saves the form, keeping the stored opening hours', async () => {
    const form = { ...rulesFormValues(lunchDay), daysOffPerWeek: '1' }
    const { status, data } = await post(rulesAction, '/schedules/rules', Object.entries(form))
    expect(status).toBe(200)
    expect(data).toEqual({ status: 'done', form: 'rules' })
    const stored = await getRulesFile()
    expect(stored.file).toEqual({ ...lunchDay, daysOffPerWeek: 1 })
    expect(stored.updatedBy).toBe('Test supervisor')
  })

  it('refuses bad input with 400: field errors, or the reason the rules cannot make a schedule', async () => {
    const before = await getRulesFile()
    const bad = await post(rulesAction, '/schedules/rules', Object.entries({ ...rulesFormValues(lunchDay), 'shift0.length': 'oito' }))
    expect(bad.status).toBe(400)
    expect(bad.data.errors).toEqual({ 'shift0.length': 'scheduleRules.errors.shiftLength' })
    const late = await post(
      rulesAction,
      '/schedules/rules',
      Object.entries({ ...rulesFormValues(lunchDay), 'shift0.break0.latest': '500' }),
    )
    expect(late.status).toBe(400)
    expect((late.data.message as { params: { reason: string } }).params.reason).toMatch(/end after the shift/)
    expect(await getRulesFile()).toEqual(before)
  })
})

describe('the team', () => {
  it('adds agents, refuses a second agent of the same name, edits and deactivates', async () => {
    expect(await saveAgent(testActor, null, { name: 'Ana Souza', channels: ['voz'], weeklyHours: 36 })).toMatchObject({ status: 'saved', created: true })
    expect(await saveAgent(testActor, null, { name: 'Bruno Lima', channels: ['voz', 'chat'], weeklyHours: 44 })).toMatchObject({ status: 'saved' })
    expect(await saveAgent(testActor, null, { name: 'Ana Souza', channels: ['chat'], weeklyHours: 30 })).toEqual({ status: 'duplicate' })
    const [ana, bruno] = await listAgents()
    expect(ana).toMatchObject({ name: 'Ana Souza', channels: ['voz'], weeklyHours: 36, active: true })
    expect(await saveAgent(testActor, ana!.id, { name: 'Ana Souza', channels: ['voz', 'chat'], weeklyHours: 37.5 })).toMatchObject({ status: 'saved', created: false })
    expect(await saveAgent(testActor, bruno!.id, { name: 'Ana Souza', channels: ['voz'], weeklyHours: 44 })).toEqual({ status: 'duplicate' })
    expect(await saveAgent(testActor, 9999, { name: 'Ninguém', channels: ['voz'], weeklyHours: 44 })).toEqual({ status: 'notFound' })
    expect((await listAgents())[0]).toMatchObject({ channels: ['voz', 'chat'], weeklyHours: 37.5 })
    expect(await setAgentActive(testActor, bruno!.id, false)).toMatchObject({ found: true })
    expect((await listAgents({ activeOnly: true })).map((a) => a.name)).toEqual(['Ana Souza'])
    expect((await listAgents()).map((a) => [a.name, a.active])).toEqual([
      ['Ana Souza', true],
      ['Bruno Lima', false],
    ])
    expect(await setAgentActive(testActor, bruno!.id, true)).toMatchObject({ found: true })
  })

  it('is edited through the page, which refuses bad input with 400', async () => {
    const added = await post(agentsAction, '/schedules/agents', [
      ['intent', 'save'],
      ['agentId', ''],
      ['name', ' Carla Dias '],
      ['channels', 'chat'],
      ['weeklyHours', '37,5'],
    ])
    expect(added).toEqual({ status: 200, data: { status: 'done', form: 'agent', name: 'Carla Dias' } })
    expect((await listAgents()).find((a) => a.name === 'Carla Dias')).toMatchObject({ channels: ['chat'], weeklyHours: 37.5 })

    const bad = await post(agentsAction, '/schedules/agents', [
      ['intent', 'save'],
      ['agentId', ''],
      ['name', ''],
      ['channels', 'fax'],
      ['weeklyHours', '61'],
    ])
    expect(bad.status).toBe(400)
    expect(bad.data.errors).toEqual({ name: 'errors.name', channels: 'errors.channels', weeklyHours: 'team.errors.weeklyHours' })
    const noChannel = await post(agentsAction, '/schedules/agents', [
      ['intent', 'save'],
      ['name', 'Davi'],
      ['weeklyHours', '36'],
    ])
    expect(noChannel.data.errors).toEqual({ channels: 'errors.channels' })

    const duplicate = await post(agentsAction, '/schedules/agents', [
      ['intent', 'save'],
      ['agentId', ''],
      ['name', 'Carla Dias'],
      ['channels', 'voz'],
      ['weeklyHours', '36'],
    ])
    expect(duplicate.status).toBe(400)
    expect(duplicate.data.errors).toEqual({ name: 'team.errors.duplicate' })

    // Availability in the seven rows (both empty = not that day), shift types of the contract from the rules (8h48 now).
    const week = (d: number, open: string, close: string): [string, string][] => [
      [`open${d}`, open],
      [`close${d}`, close],
    ]
    const terms: [string, string][] = [
      ['intent', 'save'],
      ['agentId', String((await listAgents()).find((a) => a.name === 'Carla Dias')!.id)],
      ['name', 'Carla Dias'],
      ['channels', 'chat'],
      ['weeklyHours', '20'],
      ['shiftTypes', '8h48'],
      ...week(0, '', ''),
      ...[1, 2, 3, 4, 5].flatMap((d) => week(d, '08:00', '14:00')),
      ...week(6, '', ''),
    ]
    expect((await post(agentsAction, '/schedules/agents', terms)).status).toBe(200)
    expect((await listAgents()).find((a) => a.name === 'Carla Dias')).toMatchObject({
      shiftTypes: ['8h48'],
      availability: [null, ...Array(5).fill({ open: 480, close: 840 }), null],
    })
    const badTerms = await post(agentsAction, '/schedules/agents', [
      ...terms.filter(([k]) => k !== 'open3' && k !== 'shiftTypes'),
      ['open3', '15:00'],
      ['shiftTypes', '6h20'],
    ])
    expect(badTerms.status).toBe(400)
    expect(badTerms.data.errors).toEqual({ open3: 'team.errors.availability', shiftTypes: 'team.errors.shiftTypes' })

    const carla = (await listAgents()).find((a) => a.name === 'Carla Dias')!
    await post(agentsAction, '/schedules/agents', [
      ['intent', 'active'],
      ['agentId', String(carla.id)],
      ['active', 'false'],
    ])
    expect((await listAgents({ activeOnly: true })).map((a) => a.name)).not.toContain('Carla Dias')
  })
})
