// Runs `wfm schedule` as users do (`tsx app/cli/wfm.ts`), on files in `dir`, without blocking the
// event loop (vitest's worker keeps answering): requirements and rules written there, --tz UTC.
import { spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { parseScheduleOutput, requirementsCsv, type CliSummary, type PrintedShift, type RulesFile, type WeekRequirements } from './schedule-recount.ts'

const root = path.resolve(import.meta.dirname, '../..')

export interface ScheduleRun {
  shifts: PrintedShift[]
  summary: CliSummary
  /** Wall time of the whole command (node, tsx, migrations, solve), seconds. */
  wallSeconds: number
}

export function runSchedule(dir: string, name: string, week: WeekRequirements, rules: RulesFile): Promise<ScheduleRun> {
  const requirements = path.join(dir, `${name}.csv`)
  const rulesFile = path.join(dir, `${name}.rules.json`)
  writeFileSync(requirements, requirementsCsv(week))
  writeFileSync(rulesFile, JSON.stringify(rules, null, 2))
  const started = performance.now()
  return new Promise((resolve, reject) => {
    const child = spawn(
      path.join(root, 'node_modules', '.bin', 'tsx'),
      [path.join(root, 'app/cli/wfm.ts'), 'schedule', '--requirements', requirements, '--rules', rulesFile, '--tz', 'UTC', '--json'],
      { cwd: root, env: { ...process.env, TODAY: '2026-11-24', DATABASE_URL: `file:${path.join(dir, `${name}.db`)}` } },
    )
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (status) => {
      if (status !== 0) return reject(new Error(`wfm schedule exited ${status}: ${stderr.trim()}`))
      try {
        resolve({ ...parseScheduleOutput(stdout), wallSeconds: (performance.now() - started) / 1000 })
      } catch (error) {
        reject(error)
      }
    })
  })
}
