// Solves the shift-scheduling model with HiGHS (compiled to WebAssembly, the `highs` package):
// first the LP relaxation, whose optimum is the lower bound no schedule can beat, then the integer
// program within a time limit and a relative gap. No database: the CLI and the page share it.
import highsLoader, { type Highs } from 'highs'
import { buildScheduleModel, readSchedule, type Requirements, type ScheduleResult } from '../domain/schedule/model.ts'
import { checkRules, DEFAULT_SHORTFALL_PENALTY, type ScheduleRules } from '../domain/schedule/rules.ts'

let solver: Promise<Highs> | undefined

export interface SolveOptions {
  /** Seconds for the integer program (default 10). */
  timeLimitSec?: number
  /** Stop when within this share of the best bound (default 1%). */
  relativeGap?: number
}

export interface SolvedSchedule extends ScheduleResult {
  /** The LP relaxation's optimum: paid hours plus shortfall penalty no schedule can go below. */
  lpBound: number
  /** The schedule's paid hours plus its shortfall penalty, on the same scale as lpBound. */
  objective: number
  /** (objective − lpBound) ÷ lpBound. */
  gap: number
  /** HiGHS's status of the integer solve ("Optimal", "Time limit reached", …). */
  status: string
  milliseconds: number
}

export class ScheduleFailed extends Error {}

export async function solveSchedule(requirements: Requirements, rules: ScheduleRules, options: SolveOptions = {}): Promise<SolvedSchedule> {
  checkRules(rules)
  const started = performance.now()
  const highs = await (solver ??= highsLoader())
  const model = buildScheduleModel(requirements, rules)
  const relaxed = highs.solve(model.relaxed, { presolve: 'on', output_flag: false })
  if (relaxed.Status !== 'Optimal') throw new ScheduleFailed(`the LP relaxation ended with status "${relaxed.Status}"`)
  const integer = highs.solve(model.lp, {
    presolve: 'on',
    output_flag: false,
    time_limit: options.timeLimitSec ?? 10,
    mip_rel_gap: options.relativeGap ?? 0.01,
  })
  const columns = integer.Columns as Record<string, { Primal?: number }>
  if (!('Columns' in integer) || Object.keys(columns).length === 0)
    throw new ScheduleFailed(`the solver found no schedule (status "${integer.Status}")`)
  const result = readSchedule(model, requirements, rules, (name) => columns[name]?.Primal ?? 0)
  const penalty = rules.shortfallPenaltyHours ?? DEFAULT_SHORTFALL_PENALTY
  const objective = result.paidHours + penalty * result.shortHours
  const lpBound = relaxed.ObjectiveValue
  return {
    ...result,
    lpBound,
    objective,
    gap: lpBound > 0 ? (objective - lpBound) / lpBound : 0,
    status: integer.Status,
    milliseconds: performance.now() - started,
  }
}
