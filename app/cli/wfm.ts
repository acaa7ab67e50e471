// `npm run wfm -- <command>`: the command-line entry for automation. It uses the app's database
// (DATABASE_URL) and migrates it like the app does, but never loads demo data on its own.
import { Command, InvalidArgumentError, Option } from 'commander'
import { answerLines, answerRequest } from './erlang.ts'
import { databaseUrl } from '../db/url.server.ts'
import { prisma } from '../db.server.ts'
import { isLocalDate, localDateOf } from '../domain/intervals.ts'
import { applyMigrations } from '../services/migrations.server.ts'
import { isDatabaseEmpty } from '../services/database.server.ts'
import { defaultTimeZone, loadDemoData } from '../services/demo.server.ts'

class CliError extends Error {}

function localDateOption(value: string): string {
  if (!isLocalDate(value)) throw new InvalidArgumentError('expected a date as YYYY-MM-DD')
  return value
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
const usesDatabase = new Set(['demo', 'status'])

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
  .option('--today <date>', 'the history ends the day before this local date (default: today)', localDateOption)
  .option('--seed <n>', 'random seed', wholeNumberOption)
  .action(async (options: { reset?: boolean; today?: string; seed?: number }) => {
    if (!options.reset && !(await isDatabaseEmpty())) {
      throw new CliError('The database already holds data; run `npm run wfm -- demo --reset` to replace it.')
    }
    const summary = loadDemoData({
      today: options.today ?? localDateOf(Date.now(), defaultTimeZone),
      timeZone: defaultTimeZone,
      seed: options.seed,
    })
    console.log(JSON.stringify({ command: 'demo', ...summary }))
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
  .command('erlang')
  .description(
    'staffing for one interval: JSON requests on stdin, one per line (or one from the flags), one JSON result per line',
  )
  .option('--json', 'JSON lines in and out (the only format; accepted for clarity)')
  .option('--calls <n>', 'contacts offered in the interval', numberOption)
  .option('--aht <seconds>', 'average handle time', numberOption)
  .option('--interval <seconds>', 'interval length', numberOption)
  .option('--threshold <seconds>', 'service level threshold', numberOption)
  .option('--sl <share>', 'service level goal in (0, 1)', numberOption)
  .option('--agents <n>', 'evaluate at this many agents instead of searching', numberOption)
  .option('--max-occupancy <share>', 'occupancy at most', numberOption)
  .option('--asa-goal <seconds>', 'mean wait of answered contacts at most', numberOption)
  .option('--shrinkage <share>', 'share of paid time not available, in [0, 1)', numberOption)
  .option('--patience <seconds>', 'mean patience (Erlang A)', numberOption)
  .option('--concurrency <k>', 'conversations per agent', numberOption)
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

try {
  await program.parseAsync(process.argv)
} catch (error) {
  console.error(error instanceof CliError ? error.message : error)
  process.exitCode = 1
} finally {
  await prisma.$disconnect()
}
