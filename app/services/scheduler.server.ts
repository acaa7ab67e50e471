// Solves the shift-scheduling model with HiGHS (compiled to WebAssembly, the `highs` package):
// first the LP relaxation, whose optimum is the lower bound no schedule can beat, then the integer
// program with what is left of the time limit (domain/schedule/time-limit.ts) and a relative gap,
// reading HiGHS's MIP bound beside the LP's. The solver runs in a worker thread: a solve takes
// seconds of CPU and must not stall the server's other requests. No database: the CLI and the page
// share it.
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import { buildScheduleModel, readSchedule, type Requirements, type ScheduleResult } from '../domain/schedule/model.ts'
import type { ShortMinutes } from '../domain/schedule/coverage.ts'
import { boundFigures, solverFigures } from '../domain/schedule/figures.ts'
import { recount } from '../domain/schedule/recount.ts'
import { checkRules, DEFAULT_SHORTFALL_PENALTY, type ScheduleRules } from '../domain/schedule/rules.ts'
import { integerTimeLimit } from '../domain/schedule/time-limit.ts'

export type SolvePhase = 'relaxation' | 'integer'

export interface SolveOptions {
  /** Seconds for the whole solve, from building the model (default 10); the integer program gets what is left, at least MIN_INTEGER_SEC. */
  timeLimitSec?: number
  /** Stop when within this share of the best bound (default 1%). */
  relativeGap?: number
  /** Told when a phase starts (the time limit runs from the relaxation's start); `lpBound` once the relaxation is solved. */
  onProgress?: (phase: SolvePhase, lpBound: number | null) => void
}

/** Where the time went within the limit. */
export interface SolvePhases {
  /** The whole solve's limit (absent from schedules made when it applied to the integer program alone). */
  limitSec?: number
  relaxationMs: number
  /** HiGHS stops the integer program at `integerLimitSec`: what was left of `limitSec` after the model was built and read and the LP solved. */
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
  /** HiGHS's MIP bound from the integer solve, null when it proved none. */
  mipBound: number | null
  /** The gap to the better of the LP and MIP bounds. */
  bestGap: number
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
  | { phase: 'integer'; status: string; values: Record<string, number> | null; mipBound: number | null; milliseconds: number }
  | { phase: 'read' }
  | { phase: 'error'; message: string }

// CommonJS run by the worker: load HiGHS, solve the relaxation (one-shot), read the integer
// program into a model, ask the main thread for its time limit (what is left of the whole
// solve's), run it and send back the nonzero values, the status and the MIP bound. The persistent
// model API is the one that exposes HiGHS's info (mip_dual_bound); its status codes are mapped
// back to the one-shot API's names, which schedules store.
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads')
const statuses = ['Not Set', 'Load error', 'Model error', 'Presolve error', 'Solve error', 'Postsolve error', 'Empty', 'Optimal',
  'Infeasible', 'Primal infeasible or unbounded', 'Unbounded', 'Bound on objective reached', 'Target for objective reached',
  'Time limit reached', 'Iteration limit reached', 'Unknown', 'Solution limit reached', 'Interrupted']
require(workerData.highs)().then((highs) => {
  let started = performance.now()
  const relaxed = highs.solve(workerData.relaxed, { presolve: 'on', output_flag: false })
  parentPort.postMessage({ phase: 'relaxed', status: relaxed.Status, objective: relaxed.ObjectiveValue, milliseconds: performance.now() - started })
  if (relaxed.Status !== 'Optimal') return
  const model = highs.createModel({ format: 'lp', data: workerData.lp })
  parentPort.postMessage({ phase: 'read' })
  parentPort.once('message', ({ timeLimitSec }) => {
    try {
      started = performance.now()
      model.options.set({ ...workerData.options, time_limit: timeLimitSec })
      const { modelStatus } = model.run()
      const milliseconds = performance.now() - started
      // Without an integer solution (time limit before the first one) report no values rather
      // than an empty schedule; primal_solution_status 2 is a feasible one.
      let values = null
      if (model.info.get('primal_solution_status') === 2) {
        values = {}
        const { colValue } = model.getSolution()
        for (let i = 0; i < colValue.length; i++) if (colValue[i]) values[model.getColName(i)] = colValue[i]
      }
      const bound = Number(model.info.get('mip_dual_bound'))
      parentPort.postMessage({ phase: 'integer', status: statuses[modelStatus] ?? 'Unknown', values, mipBound: Number.isFinite(bound) ? bound : null, milliseconds })
    } catch (error) {
      parentPort.postMessage({ phase: 'error', message: String(error && error.message || error) })
    } finally {
      model.dispose()
    }
  })
}).catch((error) => parentPort.postMessage({ phase: 'error', message: String(error && error.message || error) }))
`

const highsPath = () => createRequire(import.meta.url).resolve('highs')

export async function solveSchedule(requirements: Requirements, rules: ScheduleRules, options: SolveOptions = {}): Promise<SolvedSchedule> {
  checkRules(rules)
  // The limit runs from here: building the model is part of the relaxation phase.
  options.onProgress?.('relaxation', null)
  const started = performance.now()
  const model = buildScheduleModel(requirements, rules)
  const timeLimitSec = options.timeLimitSec ?? 10
  let integerLimitSec = timeLimitSec
  const { lpBound, mipBound, status, values, relaxationMs, integerMs } = await new Promise<{
    lpBound: number
    mipBound: number | null
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
        options: { presolve: 'on', output_flag: false, mip_rel_gap: options.relativeGap ?? 0.01 },
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
      } else if (message.phase === 'read') {
        integerLimitSec = integerTimeLimit(timeLimitSec, performance.now() - started)
        worker.postMessage({ timeLimitSec: integerLimitSec })
      } else if (!settled) {
        settle()
        // No integer solution within the limit: the repair builds the schedule greedily, and says so.
        resolve({
          lpBound: bound!,
          mipBound: message.mipBound,
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
  const figures = solverFigures(lpBound, result.paidHours + penalty * result.shortHours)
  return {
    ...result,
    ...figures,
    ...boundFigures(figures.lpBound, mipBound, figures.objective),
    status,
    minutes,
    milliseconds: ended - started,
    phases: { limitSec: timeLimitSec, relaxationMs, integerMs, integerLimitSec, repairMs: ended - repairStarted, repairedShifts: result.repaired },
  }
}
