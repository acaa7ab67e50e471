// Solves the shift-scheduling model with HiGHS (compiled to WebAssembly, the `highs` package):
// first the LP relaxation, whose optimum is the lower bound no schedule can beat, then the integer
// program within a time limit and a relative gap. The solver runs in a worker thread: a solve takes
// seconds of CPU and must not stall the server's other requests. No database: the CLI and the page
// share it.
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import { buildScheduleModel, readSchedule, type Requirements, type ScheduleResult } from '../domain/schedule/model.ts'
import type { ShortMinutes } from '../domain/schedule/coverage.ts'
import { solverFigures } from '../domain/schedule/figures.ts'
import { recount } from '../domain/schedule/recount.ts'
import { checkRules, DEFAULT_SHORTFALL_PENALTY, type ScheduleRules } from '../domain/schedule/rules.ts'

export type SolvePhase = 'relaxation' | 'integer'

export interface SolveOptions {
  /** Seconds for the integer program (default 10). */
  timeLimitSec?: number
  /** Stop when within this share of the best bound (default 1%). */
  relativeGap?: number
  /** Told when a phase starts; `lpBound` once the relaxation is solved. */
  onProgress?: (phase: SolvePhase, lpBound: number | null) => void
}

/** Where the time went: the time limit applies to the integer program alone. */
export interface SolvePhases {
  relaxationMs: number
  /** HiGHS stops the integer program at `integerLimitSec` (reading the model comes on top). */
  integerMs: number
  integerLimitSec: number
  /** Reading the solution and the greedy repair of coverage after it, which added `repairedShifts`. */
  repairMs: number
  repairedShifts: number
}

export interface SolvedSchedule extends ScheduleResult {
  /** The LP relaxation's optimum: paid hours plus shortfall penalty no schedule can go below. */
  lpBound: number
  /** The schedule's paid hours plus its shortfall penalty, on the same scale as lpBound. */
  objective: number
  /** (objective − lpBound) ÷ lpBound. */
  gap: number
  /** HiGHS's status of the integer solve ("Optimal", "Time limit reached", …), or "Greedy" when it found no integer solution in time and the repair built the schedule. */
  status: string
  /** The shifts recounted minute by minute: minutes short the rules cannot reach, and those left short. */
  minutes: ShortMinutes
  /** From building the model to the end of the repair. */
  milliseconds: number
  phases: SolvePhases
}

export class ScheduleFailed extends Error {}

type WorkerMessage =
  | { phase: 'relaxed'; status: string; objective: number; milliseconds: number }
  | { phase: 'integer'; status: string; values: Record<string, number> | null; milliseconds: number }
  | { phase: 'error'; message: string }

// CommonJS run by the worker: load HiGHS, solve both models, send back the nonzero values only.
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads')
require(workerData.highs)().then((highs) => {
  let started = performance.now()
  const relaxed = highs.solve(workerData.relaxed, { presolve: 'on', output_flag: false })
  parentPort.postMessage({ phase: 'relaxed', status: relaxed.Status, objective: relaxed.ObjectiveValue, milliseconds: performance.now() - started })
  if (relaxed.Status !== 'Optimal') return
  started = performance.now()
  const integer = highs.solve(workerData.lp, workerData.options)
  const milliseconds = performance.now() - started
  // Without an integer solution (time limit before the first one) HiGHS still lists the columns,
  // all zero, with an infinite objective: report no values rather than an empty schedule.
  let values = null
  if (Number.isFinite(integer.ObjectiveValue) && integer.Columns) {
    values = {}
    for (const [name, column] of Object.entries(integer.Columns)) if (column.Primal) values[name] = column.Primal
  }
  parentPort.postMessage({ phase: 'integer', status: integer.Status, values, milliseconds })
}).catch((error) => parentPort.postMessage({ phase: 'error', message: String(error && error.message || error) }))
`

const highsPath = () => createRequire(import.meta.url).resolve('highs')

export async function solveSchedule(requirements: Requirements, rules: ScheduleRules, options: SolveOptions = {}): Promise<SolvedSchedule> {
  checkRules(rules)
  const started = performance.now()
  const model = buildScheduleModel(requirements, rules)
  const timeLimitSec = options.timeLimitSec ?? 10
  options.onProgress?.('relaxation', null)
  const { lpBound, status, values, relaxationMs, integerMs } = await new Promise<{
    lpBound: number
    status: string
    values: Record<string, number>
    relaxationMs: number
    integerMs: number
  }>((resolve, reject) => {
    const worker = new Worker(workerSource, {
      eval: true,
      workerData: {
        highs: highsPath(),
        relaxed: model.relaxed,
        lp: model.lp,
        options: { presolve: 'on', output_flag: false, time_limit: timeLimitSec, mip_rel_gap: options.relativeGap ?? 0.01 },
      },
    })
    let bound: number | null = null
    let relaxationMs = 0
    let settled = false
    const settle = () => {
      settled = true
      clearTimeout(guard)
      void worker.terminate()
    }
    const fail = (message: string) => {
      if (settled) return
      settle()
      reject(new ScheduleFailed(message))
    }
    // HiGHS honours its time limit; this guards against a solver that never answers.
    const guard = setTimeout(() => fail('the solver did not answer in time'), (timeLimitSec + 60) * 1000)
    worker.on('message', (message: WorkerMessage) => {
      if (message.phase === 'error') fail(`the solver failed: ${message.message}`)
      else if (message.phase === 'relaxed') {
        if (message.status !== 'Optimal') return fail(`the LP relaxation ended with status "${message.status}"`)
        bound = message.objective
        relaxationMs = message.milliseconds
        options.onProgress?.('integer', bound)
      } else if (!settled) {
        settle()
        // No integer solution within the limit: the repair builds the schedule greedily, and says so.
        resolve({
          lpBound: bound!,
          status: message.values === null ? 'Greedy' : message.status,
          values: message.values ?? {},
          relaxationMs,
          integerMs: message.milliseconds,
        })
      }
    })
    worker.on('exit', (code) => fail(`the solver stopped (exit code ${code})`))
    worker.on('error', (error) => fail(`the solver failed: ${error.message}`))
  })
  const repairStarted = performance.now()
  const result = readSchedule(model, requirements, rules, (name) => values[name] ?? 0)
  const ended = performance.now()
  const minutes = recount(result.shifts, requirements, result.owed, rules).short
  const penalty = rules.shortfallPenaltyHours ?? DEFAULT_SHORTFALL_PENALTY
  return {
    ...result,
    ...solverFigures(lpBound, result.paidHours + penalty * result.shortHours),
    status,
    minutes,
    milliseconds: ended - started,
    phases: { relaxationMs, integerMs, integerLimitSec: timeLimitSec, repairMs: ended - repairStarted, repairedShifts: result.repaired },
  }
}
