// A user's own data with volume only (as the bank's history: `interval_start,channel,offered`),
// imported beside a channel with full measures: the forecast has no TMA for it, so Staffing,
// Schedules and the Review must say what is missing and plan with the channel's planned TMA once
// it is set, never fail.
import { Readable } from 'node:stream'
import { beforeAll, describe, expect, it } from 'vitest'
import { prisma } from '../../app/db.server.ts'
import { sql, withWrite } from '../../app/db/queries.server.ts'
import { createForecast, ForecastInputError, getForecastView } from '../../app/services/forecast.server.ts'
import { listHistoryGaps } from '../../app/services/history-gaps.server.ts'
import { saveSpecialDay } from '../../app/services/special-days.server.ts'
import { importCsv } from '../../app/services/import.server.ts'
import { listChannels } from '../../app/services/operation.server.ts'
import { getReview } from '../../app/services/review.server.ts'
import { generateSchedule, ScheduleInputError } from '../../app/services/schedule-generation.server.ts'
import { saveChannel } from '../../app/services/settings.server.ts'
import { getStaffingView, planRows } from '../../app/services/staffing.server.ts'
import { channelFormSchema } from '../../app/schemas/settings.ts'
import { importDates } from '../support/import-dates.ts'
import { testActor } from '../support/actor.ts'

const ZONE = 'America/Sao_Paulo'
const query = { week: 0, channel: null, scenarioIds: [] as number[], weeklyHours: 44, workdays: 6 }
let forecastId: number
let banco: number
let voz: number

/** Four weeks of weekdays 08:00–12:00, 20 contacts per 15 minutes; Voz also answered at 300 s. */
function intervalFile(): string {
  const lines = ['interval_start,channel,offered,answered,aht_seconds']
  for (let d = 0; d < 28; d++) {
    const day = new Date(Date.UTC(2026, 10, 2 + d)) // Monday 2 November 2026
    if (day.getUTCDay() === 0 || day.getUTCDay() === 6) continue
    const date = day.toISOString().slice(0, 10)
    for (let q = 0; q < 16; q++) {
      const time = `${String(8 + Math.floor(q / 4)).padStart(2, '0')}:${String((q % 4) * 15).padStart(2, '0')}`
      lines.push(`${date} ${time},Banco,20,,`, `${date} ${time},Voz,20,20,300`)
    }
  }
  return `${lines.join('\n')}\n`
}

beforeAll(async () => {
  await prisma.operation.create({ data: { id: 1, name: 'SP', timeZone: ZONE } })
  const result = await importCsv(Readable.from([intervalFile()]), { kind: 'intervals', timeZone: ZONE, fileName: 'mix.csv', dates: importDates })
  expect(result.status).toBe('imported')
  const channels = await listChannels()
  banco = channels.find((c) => c.key === 'banco')!.id
  voz = channels.find((c) => c.key === 'voz')!.id
  forecastId = await createForecast(
    {
      name: 'Próxima semana',
      channelIds: [banco, voz],
      historyFrom: '2026-11-02',
      historyTo: '2026-11-29',
      horizonDays: 7,
      intervalMin: 15,
      method: 'average-4w',
    },
    'ana',
  )
})

/** Sets Banco's planned TMA as the Settings form does. */
async function setPlannedAht(ahtSec: string, profile = '') {
  const channel = (await listChannels()).find((c) => c.id === banco)!
  const form = channelFormSchema.parse({
    channelId: String(banco),
    name: channel.name,
    kind: channel.kind,
    concurrency: String(channel.concurrency),
    slGoalPct: '80',
    slThresholdSec: '20',
    shrinkagePct: '30',
    staffingModel: 'erlangC',
    plannedAhtSec: ahtSec,
    plannedAhtProfile: profile,
    ...Object.fromEntries([0, 1, 2, 3, 4, 5, 6].flatMap((d) => [[`open${d}`, '00:00'], [`close${d}`, '24:00']])),
  })
  const saved = await saveChannel(testActor, form)
  expect(saved.found).toBe(true)
  return saved
}

describe('a volume-only channel', () => {
  it('is planned without it, with the others planned and the gap named', async () => {
    const view = (await getStaffingView({ ...query, forecastId }))!
    expect(view.plans[0]!.gaps).toEqual([{ key: 'banco', name: 'Banco', channelId: banco, reason: 'noAht' }])
    expect(Object.keys(view.plans[0]!.byChannel)).toEqual(['voz'])
    expect(view.plans[0]!.totals.agentHours).toBeGreaterThan(0)
    const rows = (await planRows(forecastId, null))!
    expect(new Set(rows.rows.map((r) => r.channel))).toEqual(new Set(['voz']))
    expect(rows.gaps.map((g) => g.key)).toEqual(['banco'])
  })

  it('is not scheduled as if nobody were needed: generation is refused, naming it', async () => {
    const refused = await generateSchedule({ forecastId, channelKey: null, week: 0 }, 'ana').catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(ScheduleInputError)
    expect(refused).toMatchObject({ reason: 'unplannable', gaps: [{ key: 'banco', reason: 'noAht' }] })
  })

  it('is reviewed with what it has: volume accuracy, and the missing TMA and plan named', async () => {
    // A forecast of the history's last week, made from the weeks before: actuals to compare with.
    const past = await createForecast(
      {
        name: 'Semana passada',
        channelIds: [banco, voz],
        historyFrom: '2026-11-02',
        historyTo: '2026-11-22',
        horizonDays: 7,
        intervalMin: 15,
        method: 'average-4w',
      },
      'ana',
    )
    const view = await getReview({ forecastId: past, from: '2026-11-23', to: '2026-11-27', channel: null, day: null }, ZONE)
    expect(view.missing.actualAht).toEqual(['Banco'])
    expect(view.missing.forecastAht).toEqual(['Banco'])
    // Neither file column gives them (Voz's has answered and TMA only): unknown, not 0%.
    expect([view.missing.serviceLevel, view.missing.abandonment]).toEqual([
      ['Banco', 'Voz'],
      ['Banco', 'Voz'],
    ])
    expect(view.missing.planGaps.map((g) => g.key)).toEqual(['banco'])
    expect(view.missing.agents).toBe(true)
    const bank = view.byChannel.find((c) => c.key === 'banco')!
    expect(bank.volume.wape).toBe(0) // the same 20 contacts every quarter hour, forecast exactly
    expect([bank.ahtSec, bank.serviceLevel, bank.abandonRate]).toEqual([null, null, null])

    // A day whose rows never arrived is missing, not a day nobody called: left out and named.
    await withWrite((writer) =>
      writer.run(
        sql`DELETE FROM "IntervalStat" WHERE "channelId" = ${banco}
            AND "start" >= ${writer.instant(Date.parse('2026-11-25T00:00:00-03:00'))} AND "start" < ${writer.instant(Date.parse('2026-11-26T00:00:00-03:00'))}`,
      ),
    )
    const after = await getReview({ forecastId: past, from: '2026-11-23', to: '2026-11-27', channel: null, day: null }, ZONE)
    expect(after.missing.days).toEqual([{ channel: 'Banco', days: ['2026-11-25'] }])
    const bankAfter = after.byChannel.find((c) => c.key === 'banco')!
    expect(bankAfter.volume.wape).toBe(0)
    expect(bankAfter.offered).toBe(bank.offered - 16 * 20)
  })

  it('is planned with its planned TMA once set, exactly as a forecast carrying that TMA', async () => {
    await setPlannedAht('300')
    const view = (await getStaffingView({ ...query, forecastId }))!
    expect(view.plans[0]!.gaps).toEqual([])
    expect(view.ahtFills).toEqual([{ key: 'banco', name: 'Banco', channelId: banco, share: 1, from: 'planned' }])
    // Same volume and TMA as Voz, same targets: the same agents in every interval.
    const { byChannel } = view.plans[0]!
    expect(byChannel.banco!.agentHours).toBeCloseTo(byChannel.voz!.agentHours, 9)
    // The peak of the two together is the peak of their sum.
    expect(view.plans[0]!.totals.peakScheduled).toBe(2 * byChannel.voz!.peakScheduled)
  })

  it('uses the weekday × hour profile over the flat value', async () => {
    expect(await setPlannedAht('300', 'seg,08,600')).toMatchObject({ changes: { before: { plannedAhtProfile: null } } })
    // Saved again as the page shows it (weekday as a number): nothing changes, nothing is audited.
    expect(await setPlannedAht('300', '1,08,600')).toMatchObject({ changes: null })
    const rows = (await planRows(forecastId, null))!.rows.filter((r) => r.channel === 'banco' && r.planned.offered > 0)
    const monday8 = rows.filter((r) => new Date(r.start).getUTCDay() === 1 && new Date(r.start).getUTCHours() === 11)
    expect(monday8.length).toBe(4)
    expect(monday8.every((r) => r.planned.ahtSec === 600)).toBe(true)
    expect(rows.filter((r) => !monday8.includes(r)).every((r) => r.planned.ahtSec === 300)).toBe(true)
  })
})

describe('a forecast for a channel whose TMA is known', () => {
  it('keeps its own TMA where it has one', async () => {
    const rows = (await planRows(forecastId, null))!.rows.filter((r) => r.channel === 'voz' && r.planned.offered > 0)
    expect(rows.every((r) => Math.abs(r.planned.ahtSec - 300) < 1e-9)).toBe(true)
    expect(voz).toBeGreaterThan(0)
  })
})

describe('a forecast from a window without the channel’s history', () => {
  it('is refused, naming the channel, and nothing is saved', async () => {
    // A new channel with January's history: Banco has none then.
    const january = ['interval_start,channel,offered', ...Array.from({ length: 31 }, (_, d) => `2026-01-${String(d + 1).padStart(2, '0')} 10:00,Novo,5`)]
    await importCsv(Readable.from([`${january.join('\n')}\n`]), { kind: 'intervals', timeZone: ZONE, fileName: 'novo.csv', dates: importDates })
    const novo = (await listChannels()).find((c) => c.key === 'novo')!.id
    const before = await prisma.forecast.count()
    const refused = await createForecast(
      { name: 'Janeiro', channelIds: [banco, novo], historyFrom: '2026-01-01', historyTo: '2026-01-31', horizonDays: 7, intervalMin: 30, method: 'auto' },
      'ana',
    ).catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(ForecastInputError)
    expect(refused).toMatchObject({ key: 'errors.noHistoryForChannel', params: { channels: 'Banco' } })
    expect(await prisma.forecast.count()).toBe(before)
  })
})

describe('a day whose rows never arrived', () => {
  it('is a gap: listed, left out of training (not learned as zero contacts) and kept with the forecast', async () => {
    // Weekdays of four weeks, 08:00–12:00, 20 contacts a quarter hour; Wednesday 25 November absent.
    const lines = ['interval_start,channel,offered']
    for (let d = 0; d < 28; d++) {
      const date = new Date(Date.UTC(2026, 10, 2 + d)).toISOString().slice(0, 10)
      const weekday = new Date(`${date}T12:00:00Z`).getUTCDay()
      if (weekday === 0 || weekday === 6 || date === '2026-11-25') continue
      for (let q = 0; q < 16; q++) lines.push(`${date} ${String(8 + Math.floor(q / 4)).padStart(2, '0')}:${String((q % 4) * 15).padStart(2, '0')},Lacunas,20`)
    }
    await importCsv(Readable.from([`${lines.join('\n')}\n`]), { kind: 'intervals', timeZone: ZONE, fileName: 'lacunas.csv', dates: importDates })
    const channel = (await listChannels()).find((c) => c.key === 'lacunas')!
    const listed = (await listHistoryGaps(ZONE)).find((c) => c.channelId === channel.id)!
    expect(listed.gaps).toEqual([{ date: '2026-11-25', kind: 'missing', total: 0, usual: 320 }])

    const id = await createForecast(
      { name: 'Lacunas', channelIds: [channel.id], historyFrom: '2026-11-02', historyTo: '2026-11-29', horizonDays: 7, intervalMin: 30, method: 'seasonal-naive' },
      'ana',
    )
    const view = (await getForecastView(id, 'lacunas'))!
    expect(view.channel.gaps.map((g) => g.date)).toEqual(['2026-11-25'])
    // The next Wednesday is the Wednesday before the gap, not its zeros.
    expect(view.days.find((d) => d.day === '2026-12-02')!.model).toBeCloseTo(320, 9)

    // Tagged, it is a special day: no longer a gap to act on.
    await saveSpecialDay({ ...testActor, name: 'ana' }, { date: '2026-11-25', kind: 'missing', name: 'Sem dados na origem', adjustPct: null })
    expect((await listHistoryGaps(ZONE)).find((c) => c.channelId === channel.id)!.gaps).toEqual([])
  })
})
