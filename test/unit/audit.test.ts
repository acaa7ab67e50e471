// The audit log's pure parts: what a save changed, what events refer to, and the Audit page's
// readable details in both languages.
import { describe, expect, it } from 'vitest'
import { auditReferences, changedFields, type AuditNames } from '../../app/domain/audit.ts'
import { createI18n } from '../../app/i18n/i18n.ts'
import { describeDetails, describeTarget, type AuditContext } from '../../app/utils/audit-details.ts'

describe('changedFields', () => {
  it('is null when nothing differs: deeply, in any key order, absent equal to null', () => {
    const hours = [null, { open: 480, close: 1200 }, null, null, null, null, null]
    expect(changedFields({ name: 'Voz', hours, goal: null }, { hours: hours.map((d) => d && { close: d.close, open: d.open }), name: 'Voz' })).toBeNull()
  })

  it('lists only the fields that differ, before and after (null for a value added or removed)', () => {
    expect(
      changedFields(
        { name: 'Voz', slGoal: 0.8, shrinkage: 0.3, shifts: [{ name: '6h20', breaks: [1, 2] }], penalty: 50 },
        { name: 'Voz', slGoal: 0.85, shrinkage: 0.3, shifts: [{ name: '6h20', breaks: [1, 3] }], extra: 'x' },
      ),
    ).toEqual({
      before: { slGoal: 0.8, shifts: [{ name: '6h20', breaks: [1, 2] }], penalty: 50, extra: null },
      after: { slGoal: 0.85, shifts: [{ name: '6h20', breaks: [1, 3] }], penalty: null, extra: 'x' },
    })
    // Order matters in a list (shift types, breaks); 0 is not null; '1' is not 1.
    expect(changedFields({ a: [1, 2] }, { a: [2, 1] })).not.toBeNull()
    expect(changedFields({ a: 0 }, { a: null })).not.toBeNull()
    expect(changedFields({ a: 1 }, { a: '1' })).not.toBeNull()
  })
})

describe('auditReferences', () => {
  it('collects users, agents and forecasts from targets and details, changes included', () => {
    const refs = auditReferences([
      { target: 'user:7', details: { before: { role: 'analyst' }, after: { role: 'admin' } } },
      { target: 'schedule:3', details: { shiftId: 9, agentId: 12, start: '08:00' } },
      { target: null, details: { forecastId: 4, week: 0, channel: 'voz' } },
      { target: 'agent:12', details: { before: { agentId: 5 }, after: { agentId: null } } },
      { target: 'forecast:x', details: 'not JSON' },
    ])
    expect(refs).toEqual({ user: [7], agent: [12, 5], forecast: [4] })
  })
})

const names: AuditNames = {
  channels: [
    { id: 1, key: 'voz', name: 'Voz' },
    { id: 2, key: 'chat', name: 'Chat' },
  ],
  users: { 7: 'bia@test.local' },
  agents: { 12: 'Ana Souza' },
  forecasts: { 4: 'Dezembro' },
}
const context = (language: 'en' | 'pt-BR'): AuditContext => ({ t: createI18n(language).t, language, timeZone: 'America/Sao_Paulo', names })
const lines = (details: unknown, language: 'en' | 'pt-BR' = 'en') =>
  describeDetails(details, context(language)).map((l) => (l.label ? `${l.label}: ${l.text}` : l.text))

describe('the Audit page’s details', () => {
  it('shows a channel’s change as before → after, shares as percentages, waits with units, hours by weekday', () => {
    const week = (open: number, close: number) => [null, ...Array.from({ length: 5 }, () => ({ open, close })), { open: 480, close: 840 }]
    const change = {
      before: { slGoal: 0.8, slThresholdSec: 20, responseGoalSec: null, staffingModel: 'erlangC', openingHours: null },
      after: { slGoal: 0.85, slThresholdSec: 30, responseGoalSec: 86_400, staffingModel: 'erlangA', openingHours: week(480, 1200) },
    }
    expect(lines(change)).toEqual([
      'SL goal: 80% → 85%',
      'SL threshold: 20 s → 30 s',
      'Response goal: — → 24 h',
      'Staffing model: Erlang C → Erlang A',
      'Opening hours: always open → Mon–Fri 08:00–20:00, Sat 08:00–14:00, Sun closed',
    ])
    expect(lines(change, 'pt-BR')).toEqual([
      'Meta de NS: 80% → 85%',
      'Tempo-limite do NS: 20 s → 30 s',
      'Prazo de resposta: — → 24 h',
      'Modelo do dimensionamento: Erlang C → Erlang A',
      'Horário de atendimento: sempre aberto → seg.–sex. 08:00–20:00, sáb. 08:00–14:00, dom. fechado',
    ])
  })

  it('shows a calibration as the change and the period and errors it was fitted on', () => {
    const calibration = {
      before: { efficiency: 1, patienceSec: 150 },
      after: { efficiency: 0.798, patienceSec: 144 },
      from: '2026-10-28',
      to: '2026-11-10',
      intervalSec: 3600,
      intervals: 144,
      slMae: 0.0396,
      abandonMae: 0.0163,
    }
    expect(lines(calibration, 'pt-BR')).toEqual([
      'Eficiência k: 1 → 0,798',
      'Paciência média: 150 s → 144 s',
      'De: 28 de out. de 2026',
      'Até: 10 de nov. de 2026',
      'Intervalo: 1 h',
      'Intervalos: 144',
      'Erro médio do NS: 3,96%',
      'Erro médio do abandono: 1,63%',
    ])
  })

  it('names channels, agents and forecasts instead of keys and ids', () => {
    expect(lines({ name: 'Ana Souza', channels: ['chat', 'voz'], weeklyHours: 37.5 }, 'pt-BR')).toEqual([
      'Nome: Ana Souza',
      'Canais: Chat, Voz',
      'Horas semanais: 37,5 h',
    ])
    expect(lines({ forecastId: 4, week: 0, channel: null })).toEqual(['Forecast: Dezembro', 'Week of the forecast: 1', 'Channel: all channels'])
    expect(lines({ shiftId: 9, start: '08:30', agentId: null })).toEqual(['Shift: #9', 'Start: 08:30', 'Agent: open (nobody)'])
    expect(lines({ forecastId: 99, agentId: 12 }, 'pt-BR')).toEqual(['Previsão: nº 99', 'Agente: Ana Souza'])
    expect(lines({ name: 'Dez', channelIds: [2, 1], historyFrom: '2025-12-01', horizonDays: 28, intervalMin: 15, method: 'auto' })).toEqual([
      'Name: Dez',
      'Channels: Chat, Voz',
      'History from: Dec 1, 2025',
      'Horizon: 28 days',
      'Interval: 15 min',
      'Method: Automatic (best backtest)',
    ])
  })

  it('shows an override’s amount as its kind says, and a scenario’s changes by channel and day', () => {
    expect(lines({ channelId: 1, day: '2026-12-24', kind: 'percent', amount: -20, note: null })).toEqual([
      'Channel: Voz',
      'Day: Dec 24, 2026',
      'Kind: percentage',
      'Amount: -20%',
      'Note: —',
    ])
    expect(lines({ channelId: null, kind: 'value', amount: 1200 })).toEqual(['Channel: all channels', 'Kind: total', 'Amount: 1,200'])
    const scenario = { name: 'Black Friday', changes: { volumePct: 30, ahtPct: 0, channels: { chat: { slGoal: 0.9, rolloutFromPct: 20, rolloutToPct: 60 } }, days: { '2026-11-27': 50 } } }
    expect(lines(scenario)).toEqual([
      'Name: Black Friday',
      'Changes: Volume: +30%, TMA: 0%, Channels: Chat (SL goal: 90%, Rollout now: 20%, Rollout in the scenario: 60%), By day: Nov 27, 2026: +50%',
    ])
    expect(lines({ changes: { volumePct: -10, channels: {}, days: {} } })).toEqual(['Changes: Volume: -10%, Channels: —, By day: —'])
  })

  it('shows a refused sign-in’s reason and an import’s outcome in words, instants in the operation’s time zone', () => {
    expect(lines({ address: '10.0.0.7', reason: 'wrongPassword' }, 'pt-BR')).toEqual(['Endereço: 10.0.0.7', 'Motivo: senha errada'])
    expect(lines({ file: 'x.csv', kind: 'contacts', status: 'imported', rows: 12_345, firstAt: '2026-11-20T11:00:00.000Z' }, 'pt-BR')).toEqual([
      'Arquivo: x.csv',
      'Tipo: contatos',
      'Resultado: importado',
      'Linhas: 12.345',
      'Primeiro contato: 20/11/2026, 08:00',
    ])
  })

  it('shows shift rules in words', () => {
    const shift = (paid: boolean) => [
      { name: '6h20', lengthMinutes: 380, breaks: [{ name: 'pausa 1', lengthMinutes: 10, earliestAfterStartMinutes: 60, latestAfterStartMinutes: 120, paid }] },
    ]
    expect(lines({ before: { shiftTypes: shift(true), maxAgentsPerDay: null }, after: { shiftTypes: shift(false), maxAgentsPerDay: 40 } })).toEqual([
      'Shift types: 6h20 6:20 (pausa 1: 10 min, starting 60–120 min in, paid) → 6h20 6:20 (pausa 1: 10 min, starting 60–120 min in, unpaid)',
      'Maximum agents per day: — → 40',
    ])
  })

  it('reads a field it does not know as name: value, never JSON; an old full before/after shows only what differs', () => {
    const shown = lines({ futureField: { nested: [1, 2], flag: true, on: '2026-01-05' }, retries: 3 })
    expect(shown).toEqual(['futureField: nested: 1, 2, flag: yes, on: Jan 5, 2026', 'retries: 3'])
    expect(shown.join()).not.toMatch(/[{}"]/)
    expect(lines({ before: { role: 'analyst', active: true, name: 'Bia' }, after: { role: 'admin', active: true, name: 'Bia' } }, 'pt-BR')).toEqual([
      'Papel: Analista de tráfego → Administrador',
    ])
    expect(lines('text that was not JSON')).toEqual(['text that was not JSON'])
    expect(lines(null)).toEqual([])
  })

  it('names what an event applied to', () => {
    const en = context('en')
    expect(describeTarget('channel:2', en)).toBe('Channel Chat')
    expect(describeTarget('user:7', en)).toBe('User bia@test.local')
    expect(describeTarget('forecast:99', en)).toBe('Forecast #99')
    expect(describeTarget('day:2026-12-25', context('pt-BR'))).toBe('Dia 25 de dez. de 2026')
    expect(describeTarget('holidays:2026', context('pt-BR'))).toBe('Feriados nacionais de 2026')
    expect(describeTarget('rules', context('pt-BR'))).toBe('Regras de turno')
    expect(describeTarget('something:else', en)).toBe('something:else')
    expect(describeTarget(null, en)).toBe('—')
  })
})
