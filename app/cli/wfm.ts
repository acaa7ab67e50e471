// `npm run wfm -- <command>`: the command-line entry for automation. It uses the app's database
// (DATABASE_URL) and migrates it like the app does, but never loads demo data on its own.
import { createReadStream, existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { Command, InvalidArgumentError, Option } from 'commander'
import { answerLines, answerRequest } from './erlang.ts'
import { forecastFromRows, gapLine } from './forecast.ts'
import { staffFromRows, staffLine, UnknownChannels, type StaffLine } from './staff.ts'
import { BadRequirements, readAgents, readRequirements, rosterBySkill, rosterNames, scheduleLines, skillProblem } from './schedule.ts'
import { scheduleRulesSchema, toScheduleRules } from '../schemas/schedule-rules.ts'
import { ScheduleFailed, solveMultiSkill, solveSchedule } from '../services/scheduler.server.ts'
import { planRows, type PlanGap } from '../services/staffing.server.ts'
import type { PlanProblemReason } from '../domain/staffing-plan.ts'
import type { MethodRequest } from '../domain/forecast/forecast.ts'
import { forecastIntervals, type ForecastInterval } from '../domain/forecast/grid.ts'
import { methodIds } from '../domain/forecast/methods/index.ts'
import { BadIntervalFile, readIntervalFile } from '../services/interval-file.server.ts'
import { databaseUrl } from '../db/url.server.ts'
import { configureDatabase, prisma } from '../db.server.ts'
import { closeQueries } from '../db/queries.server.ts'
import { daysBetween, isLocalDate } from '../domain/intervals.ts'
import { applyMigrations } from '../services/migrations.server.ts'
import { todayIn } from '../services/clock.server.ts'
import { isDatabaseEmpty } from '../services/database.server.ts'
import { defaultTimeZone, loadDemoData } from '../services/demo.server.ts'
import { importCsvAs } from '../services/import.server.ts'
import { importDates } from '../services/import-dates.server.ts'
import { detectFileEncoding } from '../services/csv-source.server.ts'
import { getActuals, UnknownChannel } from '../services/actuals.server.ts'
import { bucketFromSeconds } from '../domain/buckets.ts'
import { getOperation, listChannels } from '../services/operation.server.ts'
import type { ImportKind } from '../domain/import/formats.ts'
import { isTimeZone } from '../schemas/settings.ts'
import { ensureAdministrator, normaliseEmail } from '../services/auth.server.ts'
import { applyCalibration, calibrateHistory, CannotCheck, checkHistory, checkIntervalSeconds, readCheckHistory, type CheckHistory, type CheckIntervalSec } from '../services/model-check.server.ts'
import { calibrationLine, modelCheckLines, modelCheckSummaryLine } from './model-check.ts'
import { startOfLocalDay } from '../domain/intervals.ts'
import { resetPassword } from '../services/users.server.ts'

// No requests to serve: wait inside SQLite for another process's write lock (an import beside the
// app's) instead of failing.
configureDatabase({ waitForLocks: 'block' })

class CliError extends Error {}

function localDateOption(value: string): string {
  if (!isLocalDate(value)) throw new InvalidArgumentError('expected a date as YYYY-MM-DD')
  return value
}

function localDatesOption(value: string): string[] {
  const days = value.split(',').map((day) => day.trim())
  const bad = days.filter((day) => !isLocalDate(day))
  if (bad.length > 0) throw new InvalidArgumentError(`expected dates as YYYY-MM-DD separated by commas (not ${bad.map((d) => `"${d}"`).join(', ')})`)
  return days
}

function wholeNumberOption(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n)) throw new InvalidArgumentError('expected a whole number')
  return n
}

function numberOption(value: string): number {
  const n = Number(value)
  if (value.trim() === '' || !Number.isFinite(n)) throw new InvalidArgumentError('expected a number')
  return n
}

/** Commands that read or write the database migrate it first, like the app. */
const usesDatabase = new Set(['demo', 'status', 'import', 'actuals', 'staff', 'schedule', 'admin-password', 'model-check', 'calibrate'])

const program = new Command()
  .name('wfm')
  .description('Traffic planner command line')
  .showHelpAfterError()
  .hook('preAction', async (_program, command) => {
    if (usesDatabase.has(command.name())) await applyMigrations(databaseUrl())
  })

program
  .command('demo')
  .description('load the generated demo operation (13 weeks of history for four channels)')
  .option('--reset', 'replace whatever the database holds')
  .option('--today <date>', 'the history ends the day before this local date (default: today, or TODAY)', localDateOption)
  .option('--seed <n>', 'random seed', wholeNumberOption)
  .action(async (options: { reset?: boolean; today?: string; seed?: number }) => {
    if (!options.reset && !(await isDatabaseEmpty())) {
      throw new CliError('The database already holds data; run `npm run wfm -- demo --reset` to replace it.')
    }
    const summary = await loadDemoData({
      today: options.today ?? todayIn(defaultTimeZone),
      timeZone: defaultTimeZone,
      seed: options.seed,
    })
    console.log(JSON.stringify({ command: 'demo', ...summary }))
  })

program
  .command('admin-password')
  .description('print a new one-time password for an administrator (the first one, or --email); on an empty database, create one')
  .option('--email <email>', 'the administrator\'s e-mail')
  .action(async (options: { email?: string }) => {
    const created = await ensureAdministrator()
    if (created) {
      console.log(JSON.stringify({ command: 'admin-password', email: created.email, password: created.password, created: true }))
      return
    }
    const admin = await prisma.user.findFirst({
      where: { role: 'admin', active: true, ...(options.email ? { email: normaliseEmail(options.email) } : {}) },
      orderBy: { id: 'asc' },
      select: { id: true, email: true },
    })
    if (!admin) throw new CliError(options.email ? `No active administrator has the e-mail ${options.email}.` : 'No active administrator.')
    const reset = await resetPassword({ id: null, email: 'wfm admin-password' }, admin.id)
    if (!reset.ok) throw new CliError('The administrator disappeared while resetting the password.')
    console.log(JSON.stringify({ command: 'admin-password', email: admin.email, password: reset.password, created: false }))
  })

program
  .command('status')
  .description('print what the database holds, as one JSON line')
  .action(async () => {
    const [operation, channels, contacts, intervals] = await Promise.all([
      prisma.operation.findUnique({ where: { id: 1 }, select: { name: true, timeZone: true } }),
      prisma.channel.findMany({ select: { key: true }, orderBy: { sortOrder: 'asc' } }),
      prisma.contact.count(),
      prisma.intervalStat.count(),
    ])
    console.log(
      JSON.stringify({
        command: 'status',
        database: databaseUrl(),
        operation,
        channels: channels.map((c) => c.key),
        contacts,
        intervals,
      }),
    )
  })

program
  .command('import')
  .description('import a CSV file of contacts or interval statistics: all of it, or nothing with every bad line listed')
  .argument('<file>', 'the CSV file')
  .addOption(new Option('--kind <kind>', 'what the file holds').choices(['contacts', 'intervals']).makeOptionMandatory())
  .option('--tz <zone>', "IANA time zone of date-times without an offset (default: the operation's)")
  .option('--map <ours=theirs...>', "map our column names to the file's, e.g. --map contact_id=Protocolo")
  .action(async (file: string, options: { kind: ImportKind; tz?: string; map?: string[] }) => {
    const timeZone = options.tz ?? (await getOperation()).timeZone
    if (!isTimeZone(timeZone)) throw new CliError(`Unknown time zone "${timeZone}": use an IANA name such as America/Sao_Paulo.`)
    const mapping: Record<string, string> = {}
    for (const pair of options.map ?? []) {
      const at = pair.indexOf('=')
      if (at <= 0) throw new CliError(`--map expects ours=theirs (got "${pair}")`)
      mapping[pair.slice(0, at)] = pair.slice(at + 1)
    }
    if (!existsSync(file)) throw new CliError(`No such file: ${file}`)
    // The audit row names the command as its actor, as `wfm admin-password` does (no user signs in here).
    const result = await importCsvAs({ id: null, email: 'wfm import' }, createReadStream(file), {
      encoding: await detectFileEncoding(file),
      kind: options.kind,
      timeZone,
      fileName: path.basename(file),
      dates: importDates(timeZone),
      mapping,
      // A running count for people watching a terminal; nothing when output goes to a file.
      onProgress: ({ rows }) => process.stderr.isTTY && process.stderr.write(`\r${rows.toLocaleString('en')} rows read…`),
    })
    if (process.stderr.isTTY) process.stderr.write('\r\x1b[K')
    if (result.status === 'imported') {
      console.log(
        `Imported ${result.rows} ${result.kind} rows from ${path.basename(file)}: ${result.inserted} new, ${result.updated} updated, ` +
          `${result.unchanged} unchanged; ${result.firstAt ?? '-'} to ${result.lastAt ?? '-'}; ` +
          `${result.byChannel.map((c) => `${c.channel} ${c.rows}`).join(', ')}` +
          (result.channelsCreated.length > 0 ? `; new channels: ${result.channelsCreated.join(', ')}` : '') +
          ` (${(result.milliseconds / 1000).toFixed(1)} s)`,
      )
      return
    }
    for (const error of result.errors) console.error(error.line > 0 ? `line ${error.line}: ${error.reason}` : error.reason)
    const unlisted = result.errorCount - result.errors.length
    throw new CliError(
      `Refused ${path.basename(file)}: ${result.errorCount} bad line(s)${
        unlisted > 0 ? ` (${unlisted} more not listed)` : ''
      }; nothing was imported.`,
    )
  })

program
  .command('actuals')
  .description('actuals per interval and channel, one JSON object per line')
  .requiredOption('--from <date>', 'first local date (inclusive)', localDateOption)
  .requiredOption('--to <date>', 'last local date (exclusive)', localDateOption)
  .option('--interval <seconds>', 'interval length: 900, 1800, 3600, 86400 or 604800', '900')
  .option('--channel <name>', 'one channel (key or name); all by default')
  .option('--threshold <seconds>', "count answered within this many seconds (default: each channel's own)", numberOption)
  .option('--tz <zone>', "IANA time zone of the dates and intervals (default: the operation's)")
  .option('--json', 'JSON lines (the only format; accepted for clarity)')
  .action(async (options: { from: string; to: string; interval: string; channel?: string; threshold?: number; tz?: string }) => {
    if (daysBetween(options.from, options.to) < 1) throw new CliError('--to must be after --from (--to is exclusive)')
    const size = bucketFromSeconds(Number(options.interval))
    if (size === null) throw new CliError(`--interval must be 900, 1800, 3600, 86400 or 604800 seconds (got ${options.interval})`)
    const timeZone = options.tz ?? (await getOperation()).timeZone
    if (!isTimeZone(timeZone)) throw new CliError(`Unknown time zone "${timeZone}": use an IANA name such as America/Sao_Paulo.`)
    if (options.threshold !== undefined && !(options.threshold >= 0)) throw new CliError('--threshold must be a number of seconds ≥ 0')
    let rows
    try {
      rows = await getActuals({ from: options.from, to: options.to, size, timeZone, channel: options.channel, thresholdSec: options.threshold })
    } catch (error) {
      if (error instanceof UnknownChannel) throw new CliError(error.message)
      throw error
    }
    for (const row of rows) {
      process.stdout.write(
        `${JSON.stringify({
          start: row.start,
          channel: row.channel,
          offered: row.offered,
          answered: row.answered,
          abandoned: row.abandoned,
          answeredWithinThreshold: row.answeredWithinThreshold,
          aht: row.ahtSec,
          asa: row.asaSec,
          serviceLevel: row.serviceLevel,
          abandonRate: row.abandonRate,
          fcrRate: row.fcrRate,
          nps: row.nps,
        })}\n`,
      )
    }
  })

program
  .command('erlang')
  .description('staffing for one interval: JSON requests on stdin, one per line (or one from the flags), one JSON result per line')
  .option('--json', 'JSON lines in and out (the only format; accepted for clarity)')
  .option('--calls <n>', 'contacts offered in the interval', numberOption)
  .option('--aht <seconds>', 'average handle time', numberOption)
  .option('--interval <seconds>', 'interval length', numberOption)
  .option('--threshold <seconds>', 'service level threshold', numberOption)
  .option('--sl <share>', 'service level goal in (0, 1)', numberOption)
  .option('--agents <n>', 'evaluate at this many agents instead of searching', numberOption)
  .option('--max-occupancy <share>', 'occupancy at most', numberOption)
  .option('--max-abandon <share>', 'abandonment at most (Erlang A)', numberOption)
  .option('--asa-goal <seconds>', 'mean wait of answered contacts at most', numberOption)
  .option('--shrinkage <share>', 'share of paid time not available, in [0, 1)', numberOption)
  .option('--patience <seconds>', 'mean patience (Erlang A)', numberOption)
  .option('--concurrency <k>', 'conversations per agent', numberOption)
  .option('--efficiency <k>', 'servers one agent is worth, in (0, 1.5] (calibration)', numberOption)
  .addOption(new Option('--model <model>', 'queue model').choices(['erlangC', 'erlangA']))
  .action(async (options: Record<string, unknown>) => {
    const { json: _json, ...fields } = options
    if (Object.keys(fields).length > 0) {
      const answer = answerRequest(fields)
      console.log(JSON.stringify(answer))
      if ('error' in answer) process.exitCode = 1
      return
    }
    const bad = await answerLines(process.stdin, (line) => process.stdout.write(`${line}\n`))
    if (bad > 0) process.exitCode = 1
  })

program
  .command('forecast')
  .description('forecast volume and TMA from an interval CSV (no database): one JSON line per interval and channel')
  .requiredOption('--history <file>', 'interval CSV (interval_start,channel,offered[,aht_seconds…]); rows before --start are the history')
  .requiredOption('--start <date>', 'first forecast day (local date)', localDateOption)
  .requiredOption('--horizon-days <n>', 'days to forecast', wholeNumberOption)
  .option('--interval <seconds>', 'forecast interval: 900, 1800 or 3600', '1800')
  .requiredOption('--tz <zone>', 'IANA time zone of the file and the forecast days')
  .addOption(new Option('--method <method>', 'forecasting method').choices(['auto', ...methodIds]).default('auto'))
  .option('--skip-days <dates>', 'history days to leave out of training, besides the gaps found (YYYY-MM-DD,YYYY-MM-DD…)', localDatesOption)
  .option('--json', 'JSON lines (the only format; accepted for clarity)')
  .action(async (options: { history: string; start: string; horizonDays: number; interval: string; tz: string; method: MethodRequest; skipDays?: string[] }) => {
    const minutes = Number(options.interval) / 60
    if (!(forecastIntervals as readonly number[]).includes(minutes))
      throw new CliError(`--interval must be 900, 1800 or 3600 seconds (got ${options.interval})`)
    if (!isTimeZone(options.tz)) throw new CliError(`Unknown time zone "${options.tz}": use an IANA name such as America/Sao_Paulo.`)
    if (!(options.horizonDays >= 1 && options.horizonDays <= 366)) throw new CliError('--horizon-days must be between 1 and 366')
    const late = options.skipDays?.find((day) => day >= options.start)
    if (late) throw new CliError(`--skip-days ${late} is not in the history (before --start ${options.start})`)
    if (!existsSync(options.history)) throw new CliError(`No such file: ${options.history}`)
    let rows
    try {
      rows = await readIntervalFile(options.history, options.tz, importDates(options.tz))
    } catch (error) {
      if (!(error instanceof BadIntervalFile)) throw error
      for (const problem of error.problems) console.error(problem.line > 0 ? `line ${problem.line}: ${problem.reason}` : problem.reason)
      throw new CliError(`Cannot read ${path.basename(options.history)}: ${error.problems.length} bad line(s).`)
    }
    let forecast
    try {
      forecast = forecastFromRows(rows, {
        start: options.start,
        horizonDays: options.horizonDays,
        minutes: minutes as ForecastInterval,
        timeZone: options.tz,
        method: options.method,
        skipDays: options.skipDays,
      })
    } catch (error) {
      if (error instanceof RangeError) throw new CliError(error.message)
      throw error
    }
    // stdout stays JSON lines: what was left out goes to stderr.
    for (const gap of forecast.gaps) console.error(gapLine(gap))
    for (const line of forecast.lines) process.stdout.write(`${JSON.stringify(line)}\n`)
  })

const planGapText: Record<PlanProblemReason, string> = {
  noAht: 'the forecast has no TMA and the channel has no planned TMA: set one in Settings',
  noResponseGoal: 'deferred work needs a response goal: set one in Settings',
  traffic: 'traffic beyond the 1,000,000 Erlangs the engine computes',
  patience: 'patience too long for Erlang A at this traffic: use Erlang C',
}

program
  .command('staff')
  .description(
    "staffing plan per interval and channel, one JSON line each: from a saved forecast, or a forecast CSV with the database's channel targets",
  )
  .option('--forecast <id>', 'a saved forecast (see the Forecast page)', wholeNumberOption)
  .option('--scenario <id>', 'with a saved scenario of that forecast', wholeNumberOption)
  .option('--input <file>', 'forecast CSV: interval_start,channel,offered,aht_seconds (the Forecast page export works)')
  .option('--interval <seconds>', 'interval length of --input (default: the smallest gap between its starts)', wholeNumberOption)
  .option('--tz <zone>', "IANA time zone of --input's times without an offset (default: the operation's)")
  .option('--json', 'JSON lines (the only format; accepted for clarity)')
  .action(async (options: { forecast?: number; scenario?: number; input?: string; interval?: number; tz?: string }) => {
    if ((options.forecast === undefined) === (options.input === undefined)) throw new CliError('give either --forecast ID or --input FILE')
    let lines: StaffLine[]
    let gaps: PlanGap[] = []
    try {
      if (options.forecast !== undefined) {
        const result = await planRows(options.forecast, options.scenario ?? null)
        if (!result)
          throw new CliError(
            `No forecast ${options.forecast}${options.scenario !== undefined ? ` with scenario ${options.scenario}` : ''}.`,
          )
        lines = result.rows.map((r) => staffLine(r.start, r.channel, r.planned))
        gaps = result.gaps
      } else {
        if (options.scenario !== undefined) throw new CliError('--scenario goes with --forecast')
        if (!existsSync(options.input!)) throw new CliError(`No such file: ${options.input}`)
        const timeZone = options.tz ?? (await getOperation()).timeZone
        if (!isTimeZone(timeZone)) throw new CliError(`Unknown time zone "${timeZone}": use an IANA name such as America/Sao_Paulo.`)
        if (options.interval !== undefined && !(options.interval > 0 && options.interval % 60 === 0))
          throw new CliError('--interval must be a whole number of minutes, in seconds')
        let rows
        try {
          rows = await readIntervalFile(options.input!, timeZone, importDates(timeZone))
        } catch (error) {
          if (!(error instanceof BadIntervalFile)) throw error
          for (const problem of error.problems) console.error(problem.line > 0 ? `line ${problem.line}: ${problem.reason}` : problem.reason)
          throw new CliError(`Cannot read ${path.basename(options.input!)}: ${error.problems.length} bad line(s).`)
        }
        lines = staffFromRows(rows, await listChannels(), { timeZone, intervalSec: options.interval })
      }
    } catch (error) {
      if (error instanceof UnknownChannels || error instanceof RangeError) throw new CliError(error.message)
      throw error
    }
    for (const line of lines) process.stdout.write(`${JSON.stringify(line)}\n`)
    // The other channels are planned above; one that could not be is an error to act on.
    if (gaps.length > 0) {
      throw new CliError(`Not planned: ${gaps.map((g) => `${g.key} (${planGapText[g.reason]})`).join('; ')}.`)
    }
  })

program
  .command('schedule')
  .description('shifts with breaks covering the agents required per interval: one JSON line per shift, then a summary line')
  .requiredOption('--requirements <file>', 'CSV interval_start,required[,channel] (15-minute intervals; rows per channel)')
  .requiredOption('--rules <file>', 'RULES.json: shift types, breaks, start times, opening hours (see docs/command-line.md)')
  .option('--tz <zone>', "IANA time zone of the file's times without an offset and of the rules' times (default: the operation's)")
  .option('--agents <file>', 'CSV name,weekly_hours[,shift_types][,availability][,channels]: give the shifts to these people (days off, 11 h rest, availability, contract types and skills honoured)')
  .option('--json', 'JSON lines (the only format; accepted for clarity)')
  .action(async (options: { requirements: string; rules: string; tz?: string; agents?: string }) => {
    for (const file of [options.requirements, options.rules, options.agents ?? options.rules])
      if (!existsSync(file)) throw new CliError(`No such file: ${file}`)
    const timeZone = options.tz ?? (await getOperation()).timeZone
    if (!isTimeZone(timeZone)) throw new CliError(`Unknown time zone "${timeZone}": use an IANA name such as America/Sao_Paulo.`)
    let json: unknown
    try {
      json = JSON.parse(readFileSync(options.rules, 'utf8'))
    } catch (error) {
      throw new CliError(`${path.basename(options.rules)} is not valid JSON: ${(error as Error).message}`)
    }
    const parsed = scheduleRulesSchema.safeParse(json)
    if (!parsed.success) {
      throw new CliError(`${path.basename(options.rules)}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`).join('; ')}`)
    }
    const { rules, timeLimitSec } = toScheduleRules(parsed.data)
    let file
    try {
      file = readRequirements(options.requirements, timeZone)
    } catch (error) {
      if (!(error instanceof BadRequirements)) throw error
      for (const problem of error.problems.slice(0, 100)) console.error(problem)
      throw new CliError(`Cannot read ${path.basename(options.requirements)}: ${error.problems.length} problem(s).`)
    }
    const { requirements } = file
    let agents
    try {
      agents = options.agents ? readAgents(options.agents, rules.shiftTypes.map((t) => t.name), file.channels) : undefined
    } catch (error) {
      if (!(error instanceof BadRequirements)) throw error
      for (const problem of error.problems.slice(0, 100)) console.error(problem)
      throw new CliError(`Cannot read ${path.basename(options.agents!)}: ${error.problems.length} problem(s).`)
    }
    // The people available bound the shifts a day, and their hours and contracts the shifts, as on the page.
    if (agents) {
      rules.maxAgentsPerDay = Math.min(rules.maxAgentsPerDay ?? Infinity, agents.length)
      rules.people = agents.map((a) => ({ availability: a.availability, shiftTypes: a.shiftTypes }))
    }
    try {
      // One channel (or no channel column): the single-channel schedule, as before multi-skill.
      if (file.channels.length <= 1) {
        const result = await solveSchedule(requirements, rules, { timeLimitSec })
        const names = agents && rosterNames(result.shifts, requirements, rules, agents)
        for (const line of scheduleLines(result, requirements, names)) process.stdout.write(`${line}\n`)
        return
      }
      // Several: each channel covered by agents skilled for it, each agent on one channel at a time.
      const problem = skillProblem(file, agents)
      const result = await solveMultiSkill(problem, rules, { timeLimitSec })
      const names = agents && rosterBySkill(result.shifts, problem, rules, agents)
      for (const line of scheduleLines(result, requirements, names, { problem, channels: result.channels })) process.stdout.write(`${line}\n`)
    } catch (error) {
      if (error instanceof RangeError || error instanceof ScheduleFailed) throw new CliError(error.message)
      throw error
    }
  })

interface CheckOptions {
  channel: string
  from: string
  to: string
  interval: string
  threshold?: number
  tz?: string
}

/** The options model-check and calibrate share. */
function checkCommand(name: string, description: string): Command {
  return program
    .command(name)
    .description(description)
    .requiredOption('--channel <name>', 'a real-time channel (key or name)')
    .requiredOption('--from <date>', 'first local date (inclusive)', localDateOption)
    .requiredOption('--to <date>', 'last local date (exclusive)', localDateOption)
    .option('--interval <seconds>', 'interval length: 900, 1800 or 3600', '3600')
    .option('--threshold <seconds>', "service level threshold (default: the channel's own)", numberOption)
    .option('--tz <zone>', "IANA time zone of the dates and intervals (default: the operation's)")
    .option('--json', 'JSON lines (the only format; accepted for clarity)')
}

async function readHistory(options: CheckOptions): Promise<CheckHistory> {
  if (daysBetween(options.from, options.to) < 1) throw new CliError('--to must be after --from (--to is exclusive)')
  const intervalSec = Number(options.interval)
  if (!(checkIntervalSeconds as readonly number[]).includes(intervalSec)) throw new CliError(`--interval must be 900, 1800 or 3600 seconds (got ${options.interval})`)
  if (options.threshold !== undefined && !(Number.isInteger(options.threshold) && options.threshold >= 0)) throw new CliError('--threshold must be a whole number of seconds ≥ 0')
  const timeZone = options.tz ?? (await getOperation()).timeZone
  if (!isTimeZone(timeZone)) throw new CliError(`Unknown time zone "${timeZone}": use an IANA name such as America/Sao_Paulo.`)
  try {
    return readCheckHistory({
      channel: options.channel,
      fromMs: startOfLocalDay(options.from, timeZone),
      toMs: startOfLocalDay(options.to, timeZone),
      intervalSec: intervalSec as CheckIntervalSec,
      timeZone,
      thresholdSec: options.threshold,
    })
  } catch (error) {
    if (error instanceof CannotCheck) throw new CliError(error.message)
    throw error
  }
}

checkCommand('model-check', "the channel's queueing model against history: one JSON line per interval with enough traffic, then a summary").action(
  async (options: CheckOptions) => {
    const result = checkHistory(await readHistory(options))
    for (const line of modelCheckLines(result)) process.stdout.write(`${line}\n`)
    process.stdout.write(`${modelCheckSummaryLine(result)}\n`)
    if (result.checked.length === 0) console.error('No interval had enough traffic (≥ 60 offered and ≥ 20 answered per hour), a TMA and agents on duty.')
  },
)

checkCommand('calibrate', "fit the channel's efficiency k to history (patience from the period's waits): one JSON line")
  .option('--apply', 'store the efficiency and patience on the channel (audited)')
  .action(async (options: CheckOptions & { apply?: boolean }) => {
    const history = await readHistory(options)
    let fit
    try {
      fit = calibrateHistory(history)
    } catch (error) {
      if (error instanceof CannotCheck) throw new CliError(error.message)
      throw error
    }
    if (!fit) throw new CliError('No interval had enough traffic (≥ 60 offered and ≥ 20 answered per hour), a TMA, agents on duty and an actual SL or abandonment: nothing to fit.')
    let applied = false
    if (options.apply) {
      const context = { from: options.from, to: options.to, intervalSec: Number(options.interval), intervals: fit.intervals, abandonMae: fit.abandonMae, slMae: fit.slMae }
      const saved = await applyCalibration({ id: null, email: 'wfm calibrate' }, history.channel.id, fit, context)
      applied = saved.found
    }
    console.log(calibrationLine(history.channel.key, fit, applied))
  })

try {
  await program.parseAsync(process.argv)
} catch (error) {
  // Expected failures say what to do; anything else says what broke (DEBUG=1 for the stack).
  console.error(error instanceof Error && (error instanceof CliError || !process.env.DEBUG) ? error.message : error)
  process.exitCode = 1
} finally {
  // PostgreSQL's pool would keep the process alive until its idle connections time out (~10 s).
  await closeQueries()
  await prisma.$disconnect()
}
