// Loads the generated demo history into the database (one transaction), then its forecast.
import { brazilNationalHolidays } from '../domain/holidays.ts'
import { addDays } from '../domain/intervals.ts'
import { generateDemoHistory, type DemoHistory } from '../domain/demo/generate.ts'
import { prisma } from '../db.server.ts'
import { rows, sql, withWrite, type Writer } from '../db/queries.server.ts'
import { createForecast } from './forecast.server.ts'
import { planRows } from './staffing.server.ts'
import { demoTeam } from '../domain/demo/team.ts'
import { markChannelTouched, refreshTouched } from './interval-stats.server.ts'

export const demoOperationName = 'Suporte Hospedagem & Internet (demo)'
export const defaultTimeZone = 'America/Sao_Paulo'

export interface DemoLoadSummary {
  from: string
  to: string
  contacts: number
  channels: Array<{ key: string; contacts: number }>
  /** The demo forecast of the next four weeks, for the staffing page. */
  forecastId: number
  /** A forecast of the last four weeks made before them, for the Review. */
  reviewForecastId: number
  milliseconds: number
}

export const DEMO_FORECAST_DAYS = 28

/**
 * Replaces everything in the database with the demo operation: its settings, four channels,
 * 13 weeks of contacts up to (not including) `today`, their interval aggregates and the national
 * holidays as special days (one transaction: all or nothing); then a forecast of the last four
 * weeks made from the history before them (for the Review) and one of the next four weeks
 * (15-minute, automatic, for staffing and schedules) are made from them like any other (if that failed, the data would
 * stay, without the forecast, and the error would be raised).
 */
export async function loadDemoData(options: { today: string; timeZone?: string; seed?: number }): Promise<DemoLoadSummary> {
  const started = performance.now()
  const timeZone = options.timeZone ?? defaultTimeZone
  const history = generateDemoHistory({ today: options.today, timeZone, seed: options.seed })
  await withWrite(async (writer) => {
    for (const table of ['Schedule', 'Agent', 'Forecast', 'SpecialDay', 'Contact', 'IntervalStat', 'Channel', 'Operation']) {
      await writer.run(sql`DELETE FROM ${sql.table(table)}`)
    }
    await writer.run(
      sql`INSERT INTO "Operation" ("id", "name", "timeZone", "updatedAt") VALUES (1, ${demoOperationName}, ${timeZone}, ${writer.instant(Date.now())})`,
    )
    for (const channelHistory of history.channels) await insertChannelHistory(writer, channelHistory)
    await tagDemoHolidays(writer, Number(history.from.slice(0, 4)), Number(options.today.slice(0, 4)) + 1)
  })
  const channelIds = (await prisma.channel.findMany({ select: { id: true } })).map((c) => c.id)
  // For the Review: what a forecast made four weeks ago said about the last four weeks.
  const reviewForecastId = await createForecast(
    {
      name: 'Últimas 4 semanas (para a análise)',
      channelIds,
      historyFrom: history.from,
      historyTo: addDays(options.today, -(DEMO_FORECAST_DAYS + 1)),
      horizonDays: DEMO_FORECAST_DAYS,
      intervalMin: 15,
      method: 'auto',
    },
    'demo',
  )
  const forecastId = await createForecast(
    {
      name: 'Próximas 4 semanas (demonstração)',
      channelIds,
      historyFrom: history.from,
      historyTo: history.to,
      horizonDays: DEMO_FORECAST_DAYS,
      intervalMin: 15,
      method: 'auto',
    },
    'demo',
  )
  await createDemoTeam(forecastId)
  return {
    from: history.from,
    to: history.to,
    contacts: history.channels.reduce((sum, c) => sum + c.contacts.arrivedAt.length, 0),
    channels: history.channels.map((c) => ({ key: c.channel.key, contacts: c.contacts.arrivedAt.length })),
    forecastId,
    reviewForecastId,
    milliseconds: Math.round(performance.now() - started),
  }
}

/** A team sized on the first forecast week's plan, so the demo's schedules can be rostered. */
async function createDemoTeam(forecastId: number) {
  const { rows, forecast } = (await planRows(forecastId, null))!
  const firstWeekEnd = rows[0]!.start + 7 * 86_400_000
  const hours = new Map<string, number>()
  for (const row of rows) {
    if (row.start < firstWeekEnd) hours.set(row.channel, (hours.get(row.channel) ?? 0) + (row.planned.scheduledFractional * forecast.intervalMin) / 60)
  }
  const team = demoTeam([...hours].map(([key, h]) => ({ key, hours: h })))
  const now = Date.now()
  await withWrite((writer) =>
    writer.insertRows(
      'Agent',
      { name: 'text', channels: 'text', weeklyHours: 'float', active: 'bool', createdAt: 'instant' },
      team.map((agent) => [agent.name, JSON.stringify(agent.channels), agent.weeklyHours, true, now]),
    ),
  )
}

/**
 * The national holidays as special days, so forecasts leave them out of training. The demo's
 * channels run at 35–70% of a normal day on a holiday: tagged −50%, as an analyst would.
 */
async function tagDemoHolidays(writer: Writer, fromYear: number, toYear: number) {
  const now = Date.now()
  const days: unknown[][] = []
  for (let year = fromYear; year <= toYear; year++) {
    for (const holiday of brazilNationalHolidays(year)) days.push([holiday.date, 'holiday', holiday.namePt, -50, now, 'demo'])
  }
  await writer.insertRows('SpecialDay', { date: 'text', kind: 'text', name: 'text', adjustPct: 'float', createdAt: 'instant', createdBy: 'text' }, days)
}

async function insertChannelHistory(writer: Writer, { channel, contacts, staffing }: DemoHistory['channels'][number]) {
  const [{ id: channelId }] = (await rows(
    sql<{ id: number }>`INSERT INTO "Channel" ("key", "name", "kind", "concurrency", "slGoal", "slThresholdSec", "asaGoalSec", "maxOccupancy",
                            "shrinkage", "patienceSec", "responseGoalSec", "staffingModel", "openingHours", "sortOrder")
       VALUES (${channel.key}, ${channel.name}, ${channel.kind}, ${channel.concurrency}, ${channel.slGoal}, ${channel.slThresholdSec},
               ${channel.asaGoalSec}, ${channel.maxOccupancy}, ${channel.shrinkage}, ${channel.patienceSec}, ${channel.responseGoalSec},
               ${channel.staffingModel}, ${channel.openingHours && JSON.stringify(channel.openingHours)}, ${channel.sortOrder})
       RETURNING "id"`,
    writer,
  )) as [{ id: number }]

  await writer.insertRows(
    'IntervalStat',
    { channelId: 'int', start: 'instant', agentsStaffed: 'float' },
    Array.from(staffing.start, (start, i) => [channelId, start, staffing.agents[i]!]),
  )

  const prefix = channel.key.toUpperCase()
  const agentName = (agent: number) => `${channel.key}-${String(agent + 1).padStart(3, '0')}`
  function* contactRows() {
    for (let c = 0; c < contacts.arrivedAt.length; c++) {
      const answered = contacts.answered[c] === 1
      yield [
        channelId,
        `${prefix}-${String(c + 1).padStart(7, '0')}`,
        contacts.arrivedAt[c]!,
        answered ? 'answered' : 'abandoned',
        contacts.waitSec[c]!,
        contacts.handleSec[c]!,
        answered ? agentName(contacts.agent[c]!) : null,
        contacts.fcr[c] === -1 ? null : contacts.fcr[c] === 1,
        contacts.nps[c] === -1 ? null : contacts.nps[c]!,
      ]
    }
  }
  await writer.insertRows(
    'Contact',
    { channelId: 'int', externalId: 'text', arrivedAt: 'instant', outcome: 'text', waitSec: 'float', handleSec: 'float', agent: 'text', fcr: 'bool', nps: 'int' },
    contactRows(),
  )
  await markChannelTouched(writer, channelId)
  await refreshTouched(writer)
}
