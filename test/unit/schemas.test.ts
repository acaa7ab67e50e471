import { describe, expect, it } from 'vitest'
import { parsePeriod } from '../../app/schemas/period.ts'
import { calculatorDefaults, calculatorSchema, toStaffingRequest } from '../../app/schemas/calculator.ts'
import { fieldErrors } from '../../app/schemas/form-fields.ts'
import { channelFormSchema, operationSchema } from '../../app/schemas/settings.ts'
import { modelCheckFormSchema, parseModelCheckSearch } from '../../app/schemas/model-check.ts'
import { parseStaffingQuery, scenarioFormSchema } from '../../app/schemas/staffing.ts'

const validChannel = {
  channelId: '1',
  name: 'Voz',
  kind: 'realtime',
  concurrency: '1',
  slGoalPct: '80',
  slThresholdSec: '20',
  asaGoalSec: '',
  maxOccupancyPct: '85',
  shrinkagePct: '32',
  patienceSec: '150',
  staffingModel: 'erlangA',
  open0: '',
  close0: '',
  ...Object.fromEntries(
    [1, 2, 3, 4, 5, 6].flatMap((d) => [
      [`open${d}`, '08:00'],
      [`close${d}`, d === 6 ? '14:00' : '20:00'],
    ]),
  ),
  responseGoalHours: '',
}

describe('channel settings form', () => {
  it('turns percent and hours into shares and seconds', () => {
    const parsed = channelFormSchema.parse({ ...validChannel, slGoalPct: '85,5', kind: 'deferred', responseGoalHours: '8' })
    expect(parsed).toMatchObject({ slGoal: 0.855, maxOccupancy: 0.85, shrinkage: 0.32, asaGoalSec: null, responseGoalSec: 28_800 })
    expect(parsed.openingHours).toEqual([null, ...Array(5).fill({ open: 480, close: 1200 }), { open: 480, close: 840 }])
  })

  it('reads opening hours: 24:00 closes the day, every day 00:00–24:00 is "always"', () => {
    const always = Object.fromEntries(
      [0, 1, 2, 3, 4, 5, 6].flatMap((d) => [
        [`open${d}`, '00:00'],
        [`close${d}`, '24:00'],
      ]),
    )
    expect(channelFormSchema.parse({ ...validChannel, ...always }).openingHours).toBeNull()
    for (const [open, close] of [
      ['20:00', '08:00'],
      ['8h', '20:00'],
      ['08:00', ''],
      ['08:00', '24:30'],
    ]) {
      const result = channelFormSchema.safeParse({ ...validChannel, open3: open, close3: close })
      expect(result.success).toBe(false)
      expect(fieldErrors(result.error!).open3).toBe('errors.openingHours')
    }
  })

  it('needs a patience for Erlang A', () => {
    const result = channelFormSchema.safeParse({ ...validChannel, patienceSec: '' })
    expect(fieldErrors(result.error!).patienceSec).toBe('errors.patienceForErlangA')
    expect(channelFormSchema.safeParse({ ...validChannel, patienceSec: '', staffingModel: 'erlangC' }).success).toBe(true)
  })

  it.each([
    ['slGoalPct', '0', 'errors.slGoal'],
    ['slGoalPct', '100', 'errors.slGoal'],
    ['slGoalPct', '150', 'errors.slGoal'],
    ['slGoalPct', '', 'errors.slGoal'],
    ['slGoalPct', 'abc', 'errors.number'],
    ['slThresholdSec', '-1', 'errors.slThreshold'],
    ['shrinkagePct', '100', 'errors.shrinkage'],
    ['patienceSec', '0', 'errors.patience'],
    ['concurrency', '1.5', 'errors.concurrency'],
    ['maxOccupancyPct', '120', 'errors.maxOccupancy'],
    ['name', '  ', 'errors.name'],
    ['slThresholdSec', '0x14', 'errors.number'],
    ['shrinkagePct', '1,2,3', 'errors.number'],
    ['asaGoalSec', '1e3', 'errors.number'],
  ])('refuses %s = "%s" with %s', (field, value, key) => {
    const result = channelFormSchema.safeParse({ ...validChannel, [field]: value })
    expect(result.success).toBe(false)
    expect(fieldErrors(result.error!)[field]).toBe(key)
  })

  it.each(['slGoalPct', 'concurrency', 'shrinkagePct', 'slThresholdSec', 'name', 'kind'])('refuses a form without %s', (field) => {
    const { [field as keyof typeof validChannel]: _, ...rest } = validChannel
    const result = channelFormSchema.safeParse(rest)
    expect(result.success).toBe(false)
    const expected = {
      name: 'errors.name',
      kind: 'errors.kind',
      concurrency: 'errors.concurrency',
      slGoalPct: 'errors.slGoal',
      shrinkagePct: 'errors.shrinkage',
      slThresholdSec: 'errors.slThreshold',
    }
    expect(fieldErrors(result.error!)[field]).toBe(expected[field as keyof typeof expected])
  })

  it('reads the efficiency k in percent; empty is 100% (the textbook)', () => {
    expect(channelFormSchema.parse({ ...validChannel, efficiencyPct: '75' }).efficiency).toBe(0.75)
    expect(channelFormSchema.parse({ ...validChannel, efficiencyPct: '82,5' }).efficiency).toBeCloseTo(0.825, 12)
    expect(channelFormSchema.parse({ ...validChannel, efficiencyPct: '150' }).efficiency).toBe(1.5)
    expect(channelFormSchema.parse({ ...validChannel, efficiencyPct: '' }).efficiency).toBe(1)
    expect(channelFormSchema.parse(validChannel).efficiency).toBe(1)
    for (const [value, key] of [
      ['0', 'errors.efficiency'],
      ['-10', 'errors.efficiency'],
      ['150,1', 'errors.efficiency'],
      ['0.75x', 'errors.number'],
    ]) {
      const result = channelFormSchema.safeParse({ ...validChannel, efficiencyPct: value })
      expect(fieldErrors(result.error!).efficiencyPct).toBe(key)
    }
  })

  it('requires a response goal for deferred channels', () => {
    const result = channelFormSchema.safeParse({ ...validChannel, kind: 'deferred' })
    expect(fieldErrors(result.error!).responseGoalHours).toBe('errors.responseGoal')
  })
})

describe('calculator form', () => {
  it('passes the efficiency k to the engine as a share (75% → 0.75); empty or absent is 1', () => {
    const request = (efficiencyPct?: string) => {
      const { efficiencyPct: _, ...rest } = calculatorDefaults
      return toStaffingRequest(calculatorSchema.parse(efficiencyPct === undefined ? rest : { ...rest, efficiencyPct }))
    }
    expect(request('75').efficiency).toBe(0.75)
    expect(request('100').efficiency).toBe(1)
    expect(request('').efficiency).toBe(1)
    expect(request().efficiency).toBe(1) // a link from before the field existed
    expect(request('120').efficiency).toBe(1.2)
  })

  it('refuses an efficiency of 0 or above 150%', () => {
    for (const value of ['0', '151', '-5']) {
      const result = calculatorSchema.safeParse({ ...calculatorDefaults, efficiencyPct: value })
      expect(fieldErrors(result.error!).efficiencyPct).toBe('errors.efficiency')
    }
  })
})

describe('operation settings form', () => {
  it('accepts IANA time zones and refuses others', () => {
    expect(operationSchema.safeParse({ name: 'Op', timeZone: 'America/Manaus' }).success).toBe(true)
    const bad = operationSchema.safeParse({ name: 'Op', timeZone: 'Mars/Olympus' })
    expect(fieldErrors(bad.error!).timeZone).toBe('errors.timeZone')
  })

  it('reads placeholder agent names separated by commas or lines, without blanks or repeats', () => {
    const parse = (agentPlaceholders: string) => operationSchema.safeParse({ name: 'Op', timeZone: 'America/Manaus', agentPlaceholders })
    expect(parse(' NO_SERVER, sistema ,\nno_server,, URA ').data?.agentPlaceholders).toEqual(['NO_SERVER', 'sistema', 'URA'])
    expect(parse('').data?.agentPlaceholders).toEqual([])
    expect(fieldErrors(parse('x'.repeat(81)).error!).agentPlaceholders).toBe('errors.agentPlaceholders')
    expect(fieldErrors(parse(Array.from({ length: 21 }, (_, i) => `n${i}`).join(',')).error!).agentPlaceholders).toBe('errors.agentPlaceholders')
  })
})

describe('period from the query string', () => {
  it('defaults to the last 7 complete days', () => {
    expect(parsePeriod(new URLSearchParams(), '2026-11-24')).toEqual({ period: { from: '2026-11-17', to: '2026-11-23' } })
  })

  it('refuses reversed, malformed and over-long periods', () => {
    const error = (query: string) => (parsePeriod(new URLSearchParams(query), '2026-11-24') as { error: string }).error
    expect(error('from=2026-11-20&to=2026-11-01')).toBe('errors.periodOrder')
    expect(error('from=2026-13-01&to=2026-11-01')).toBe('errors.periodDate')
    expect(error('from=2026-11-01')).toBe('errors.periodDate')
    expect(error('from=2024-01-01&to=2026-11-01')).toBe('errors.periodLength')
  })
})

describe('staffing page query and scenario form', () => {
  it('keeps the good scenario ids, at most three, and defaults the rest', () => {
    const query = parseStaffingQuery(new URLSearchParams('scenario=3&scenario=x&scenario=4&scenario=5&scenario=6&weeklyHours=abc'))
    expect(query).toMatchObject({ scenario: [3, 4, 5], weeklyHours: 44, workdays: 6, week: 0 })
  })

  it('turns the form into changes, and refuses the same day twice', () => {
    const schema = scenarioFormSchema(['voz', 'chat'])
    const parsed = schema.parse({
      name: 'Chat aberto',
      volumePct: '10',
      'chat.rolloutFromPct': '20',
      'chat.rolloutToPct': '60',
      'voz.slGoalPct': '90',
      day1: '2026-12-01',
      day1Pct: '-30',
    })
    expect(parsed).toEqual({
      name: 'Chat aberto',
      changes: {
        volumePct: 10,
        ahtPct: 0,
        channels: { voz: { slGoal: 0.9 }, chat: { rolloutFromPct: 20, rolloutToPct: 60 } },
        days: { '2026-12-01': -30 },
      },
    })
    const twice = schema.safeParse({ name: 'x', day1: '2026-12-01', day1Pct: '10', day2: '2026-12-01', day2Pct: '20' })
    expect(fieldErrors(twice.error!).day2).toBe('errors.sameDay')
    const half = schema.safeParse({ name: 'x', 'chat.rolloutFromPct': '20' })
    expect(fieldErrors(half.error!)['chat.rolloutToPct']).toBe('errors.rollout')
  })
})

describe('model check query', () => {
  it('defaults to hourly, and refuses a period past 92 days with its reason', () => {
    expect(parseModelCheckSearch(new URLSearchParams('channel=voz&interval=999'))).toEqual({ channel: 'voz', period: null, periodError: null, interval: 3600 })
    expect(parseModelCheckSearch(new URLSearchParams('from=2026-01-01&to=2026-04-02&interval=900'))).toMatchObject({ period: { from: '2026-01-01', to: '2026-04-02' }, interval: 900 })
    expect(parseModelCheckSearch(new URLSearchParams('from=2026-01-01&to=2026-04-03')).periodError).toEqual({ error: 'errors.checkPeriodLength', requested: { from: '2026-01-01', to: '2026-04-03' } })
    expect(modelCheckFormSchema.safeParse({ channel: 'voz', from: '2026-01-01', to: '2026-04-03', interval: '3600' }).success).toBe(false)
    expect(modelCheckFormSchema.safeParse({ channel: 'voz', from: '2026-01-01', to: '2026-01-31', interval: '3600' }).data).toEqual({ channel: 'voz', from: '2026-01-01', to: '2026-01-31', interval: 3600 })
  })
})
