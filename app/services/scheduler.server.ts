// Solves the shift-scheduling model with HiGHS (compiled to WebAssembly, the `highs` package):
// first the LP relaxation, whose optimum is the lower bound no schedule can beat, then the integer
// program with what is left of the time limit (domain/schedule/time-limit.ts) and a relative gap,
// reading HiGHS's MIP bound beside the LP's. The solver runs in a worker thread: a solve takes
// seconds of CPU and must not stall the server's other requests. No database: the CLI and the page
// share it.
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import { unionWeekHours } from '../domain/opening-hours.ts'
import { independentBlocks } from '../domain/schedule/blocks.ts'
import { buildScheduleModel, readSchedule, type Requirements, type ScheduleModel, type ScheduleResult } from '../domain/schedule/model.ts'
import type { ShortMinutes } from '../domain/schedule/coverage.ts'
import { boundFigures, solverFigures } from '../domain/schedule/figures.ts'
import { recount, type Recount } from '../domain/schedule/recount.ts'
import { weekShiftCap } from '../domain/schedule/people.ts'
import { checkRules, DEFAULT_SHORTFALL_PENALTY, paidHours as paidHoursOf, type ScheduleRules } from '../domain/schedule/rules.ts'
import { integerTimeLimit, MIN_INTEGER_SEC } from '../domain/schedule/time-limit.ts'
import { roundedRelaxation, warmStart } from '../domain/schedule/warm-start.ts'
import { recountSkills, type ChannelRecount } from '../domain/schedule/multi-recount.ts'
import {
  blockRules,
  buildMultiSkillModel,
  channelRequirements,
  componentProblem,
  multiSkillValues,
  readMultiSkill,
  skillComponents,
  splitWeekCaps,
  withinShiftCaps,
  type GroupShift,
  type MultiSkillProblem,
} from '../domain/schedule/multi-skill.ts'

export type SolvePhase = 'relaxation' | 'integer'

export interface SolveOptions {
  /** Seconds for the whole solve, from building the model (default 10); the integer program gets what is left, at least MIN_INTEGER_SEC. A multi-skill problem's independent parts have it each. */
  timeLimitSec?: number
  /** Stop each program when within this share of its best bound (default DEFAULT_RELATIVE_GAP). */
  relativeGap?: number
  /** Hand HiGHS the rounded and repaired relaxation as its first incumbent (default false: measured, it steers HiGHS's own heuristics to dearer schedules on large weeks; it is always the fallback when HiGHS finds none). */
  warmStart?: boolean
  /** Told when a phase starts (the time limit runs from the relaxation's start); `lpBound` once the relaxation is solved; `part` in a multi-skill problem of several parts. */
  onProgress?: (phase: SolvePhase, lpBound: number | null, part?: SolvePart) => void
}

/** Which independent part of a multi-skill problem is being solved (its own time limit runs from its relaxation). */
export interface SolvePart {
  /** 0-based, of `count`. */
  index: number
  count: number
  /** Its channels (the problem's names). */
  channels: string[]
}

/** Where the time went within the limit. */
export interface SolvePhases {
  /** The whole solve's limit (absent from schedules made when it applied to the integer program alone). */
  limitSec?: number
  relaxationMs: number
  /** What was left of `limitSec` for the integer programs once the models were built and read and the LPs solved; with several blocks, each had an equal share of what remained when it began. */
  integerMs: number
  integerLimitSec: number
  /** Reading the solution and the greedy repair of coverage after it, which added `repairedShifts`. */
  repairMs: number
  repairedShifts: number
  /** Programs the horizon was solved as (blocks.ts: 7 for a week closed overnight); absent in schedules made before. */
  blocks?: number
  /** Independent parts of a multi-skill problem, each solved with `limitSec` (times above are their sums); absent = one. */
  parts?: number
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
  /** The most agents on a break at once, and minutes above the rules' `maxOnBreak`. */
  breaks: Recount['breaks']
  /** From building the model to the end of the repair. */
  milliseconds: number
  phases: SolvePhases
}

export class ScheduleFailed extends Error {}

/**
 * HiGHS stops a program within 0.2% of its bound. At 1% (until issue 15) it stopped a 10-second
 * solve after 2–5 s with schedules 0.5–0.8% dearer than the best known; day programs are small
 * enough to use the rest of the limit (decision 010).
 */
export const DEFAULT_RELATIVE_GAP = 0.002

type Relaxed = { status: string; objective: number; columns: Record<string, number>; milliseconds: number }
type Integer = { status: string; values: Record<string, number> | null; objective: number | null; mipBound: number | null; milliseconds: number }
type WorkerMessage =
  | ({ phase: 'relaxed'; id: number } & Relaxed)
  | ({ phase: 'integer'; id: number } & Integer)
  | { phase: 'read'; id: number }
  | { phase: 'error'; message: string }

// CommonJS run by the worker: load HiGHS, then answer the main thread's requests in order. "relax"
// solves a program's relaxation (one-shot API), sends its optimum and nonzero values, then reads
// the integer program into a persistent model; "solve" runs that model with the time limit and
// warm start the main thread computed meanwhile, and sends the nonzero values, the status and the
// MIP bound. The persistent model API is the one that exposes HiGHS's info (mip_dual_bound); its
// status codes are mapped back to the one-shot API's names, which schedules store.
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads')
const statuses = ['Not Set', 'Load error', 'Model error', 'Presolve error', 'Solve error', 'Postsolve error', 'Empty', 'Optimal',
  'Infeasible', 'Primal infeasible or unbounded', 'Unbounded', 'Bound on objective reached', 'Target for objective reached',
  'Time limit reached', 'Iteration limit reached', 'Unknown', 'Solution limit reached', 'Interrupted']
const fail = (error) => parentPort.postMessage({ phase: 'error', message: String(error && error.message || error) })
require(workerData.highs)().then((highs) => {
  const models = new Map()
  parentPort.on('message', (request) => {
    try {
      if (request.op === 'relax') relax(request)
      else solve(request)
    } catch (error) {
      fail(error)
    }
  })
  function relax({ id, relaxed, lp }) {
    const started = performance.now()
    const solved = highs.solve(relaxed, { presolve: 'on', output_flag: false })
    const columns = {}
    for (const [name, column] of Object.entries(solved.Columns ?? {})) if (column.Primal > 1e-9) columns[name] = column.Primal
    parentPort.postMessage({ phase: 'relaxed', id, status: solved.Status, objective: solved.ObjectiveValue, columns, milliseconds: performance.now() - started })
    if (solved.Status !== 'Optimal') return
    models.set(id, highs.createModel({ format: 'lp', data: lp }))
    parentPort.postMessage({ phase: 'read', id })
  }
  // A model stays until the worker ends: a block HiGHS left unfinished is run again with more time.
  function solve({ id, timeLimitSec, start }) {
    const model = models.get(id)
    {
      const started = performance.now()
      model.options.set({ ...workerData.options, time_limit: timeLimitSec })
      // The warm start, as a full vector (a variable it leaves out is 0).
      if (start) {
        const { numCols } = model.getDimensions()
        const colValue = new Float64Array(numCols)
        for (let i = 0; i < numCols; i++) colValue[i] = start[model.getColName(i)] ?? 0
        model.setSolution({ colValue })
      }
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
      const objective = values === null ? null : model.getObjectiveValue()
      parentPort.postMessage({ phase: 'integer', id, status: statuses[modelStatus] ?? 'Unknown', values, objective, mipBound: Number.isFinite(bound) ? bound : null, milliseconds })
    }
  }
}).catch(fail)
`

const highsPath = () => createRequire(import.meta.url).resolve('highs')

/** The worker as three awaitable steps; any failure or silence past `guardMs` rejects whatever is pending. */
function startSolver(relativeGap: number, guardMs: number) {
  const worker = new Worker(workerSource, {
    eval: true,
    workerData: { highs: highsPath(), options: { presolve: 'on', output_flag: false, mip_rel_gap: relativeGap } },
  })
  const pending = new Map<string, (message: WorkerMessage) => void>()
  let failure: ScheduleFailed | null = null
  const rejects = new Set<(error: Error) => void>()
  const fail = (message: string) => {
    failure ??= new ScheduleFailed(message)
    for (const reject of rejects) reject(failure)
    rejects.clear()
    void worker.terminate()
  }
  // HiGHS honours its time limit; this guards against a solver that never answers.
  const guard = setTimeout(() => fail('the solver did not answer in time'), guardMs)
  worker.on('message', (message: WorkerMessage) => {
    if (message.phase === 'error') return fail(`the solver failed: ${message.message}`)
    pending.get(`${message.phase}:${message.id}`)?.(message)
  })
  worker.on('exit', (code) => fail(`the solver stopped (exit code ${code})`))
  worker.on('error', (error) => fail(`the solver failed: ${error.message}`))
  const expect = <T,>(phase: string, id: number) =>
    new Promise<T>((resolve, reject) => {
      if (failure) return reject(failure)
      rejects.add(reject)
      pending.set(`${phase}:${id}`, (message) => {
        pending.delete(`${phase}:${id}`)
        rejects.delete(reject)
        resolve(message as unknown as T)
      })
    })
  return {
    /** The relaxation's result; `read` resolves once the integer program is read (only after an optimal relaxation). */
    relax(id: number, model: Program) {
      const relaxed = expect<Relaxed>('relaxed', id)
      const read = expect<unknown>('read', id)
      read.catch(() => {})
      worker.postMessage({ op: 'relax', id, relaxed: model.relaxed, lp: model.lp })
      return { relaxed, read }
    },
    solve(id: number, timeLimitSec: number, start: Record<string, number> | null) {
      const integer = expect<Integer>('integer', id)
      worker.postMessage({ op: 'solve', id, timeLimitSec, start })
      return integer
    },
    close() {
      clearTimeout(guard)
      failure ??= new ScheduleFailed('closed')
      void worker.terminate()
    },
  }
}

/** A program as the worker reads it: the integer program and its relaxation, in CPLEX LP text. */
type Program = Pick<ScheduleModel, 'lp' | 'relaxed'>

/** What the programs of a solve came to, joined. */
interface Solved {
  lpBound: number
  mipBound: number | null
  status: string
  values: Record<string, number>
  relaxationMs: number
  integerMs: number
  integerLimitSec: number
  /** Programs the horizon was solved as in the end: its blocks, or 1 (the whole horizon). */
  programs: number
}

/** Share of its time a block gets in the first pass, when there are several (the rest goes to the unfinished). */
const FIRST_PASS_SHARE = 0.5

/** What HiGHS left open on a program: its cost less its bound (all of the bound when it found nothing). */
const openGap = (result: Integer) => (result.objective ?? Infinity) - (result.mipBound ?? 0)

/**
 * Solves the horizon as its independent blocks (blocks.ts), else whole: all relaxations first
 * (their sum is the bound), then the integer programs in two passes (below). `fallback` gives a
 * program's values from its relaxation — the schedule when HiGHS finds none in its time, and its
 * first incumbent when `options.warmStart` asks; with `costOf`, also the schedule when HiGHS's own
 * is dearer (stopped by its limit on a poor incumbent). When the blocks' relaxations, or their
 * schedules, together break a limit on the horizon's shifts (`fits`), the whole horizon is solved
 * as one program with what is left.
 */
async function solveInBlocks<P extends Program>(
  whole: P,
  blocks: P[],
  fallback: (program: P, relaxed: (name: string) => number) => Record<string, number>,
  fits: (values: Record<string, number>) => boolean,
  options: SolveOptions,
  timeLimitSec: number,
  started: number,
  costOf?: (program: P, values: Record<string, number>) => number,
  tighten?: (relaxed: Record<string, number>, every: boolean) => P[] | null,
): Promise<Solved> {
  const solver = startSolver(options.relativeGap ?? DEFAULT_RELATIVE_GAP, (timeLimitSec + 60) * 1000)
  let relaxationMs = 0
  let integerMs = 0
  // The last relaxations' values joined and their bound (what `tighten` and a restriction's bound read).
  let lastRelaxed: Record<string, number> = {}
  let lastBound = 0
  // `asBlocks`: when their relaxations together already break a limit on the horizon's shifts,
  // their integer programs would too — null, and the whole horizon is solved with the time they leave.
  const solveParts = async (parts: P[], firstId: number, asBlocks: boolean): Promise<Solved | null> => {
    const relaxedAll = parts.map((part, k) => solver.relax(firstId + k, part))
    const starts: Array<Record<string, number>> = []
    const relaxedValues: Record<string, number> = (lastRelaxed = {})
    let lpBound = 0
    for (const [k, { relaxed }] of relaxedAll.entries()) {
      const result = await relaxed
      if (result.status !== 'Optimal') throw new ScheduleFailed(`the LP relaxation ended with status "${result.status}"`)
      lpBound += result.objective
      relaxationMs += result.milliseconds
      Object.assign(relaxedValues, result.columns)
      // While HiGHS reads the integer program.
      starts.push(fallback(parts[k]!, (name) => result.columns[name] ?? 0))
    }
    lastBound = lpBound
    if (asBlocks && !fits(relaxedValues)) return null
    options.onProgress?.('integer', lpBound)
    for (const { read } of relaxedAll) await read
    // What was left for the integer programs when the first began.
    const integerLimitSec = integerTimeLimit(timeLimitSec, performance.now() - started)
    const run = async (k: number, share: number, start: Record<string, number> | null) => {
      const limit = share * integerTimeLimit(timeLimitSec, performance.now() - started, left)
      const result = await solver.solve(firstId + k, limit, start)
      integerMs += result.milliseconds
      return result
    }
    // First pass: each program in turn, half its share of what is left, so that easy ones finish
    // and leave time; second pass: those HiGHS left unfinished, the largest gap first, with all that
    // is left shared among them and their incumbent as warm start (a rerun starts its search anew).
    let left = parts.length
    const results: Integer[] = []
    for (const k of parts.keys()) {
      results.push(await run(k, parts.length > 1 ? FIRST_PASS_SHARE : 1, options.warmStart ? starts[k]! : null))
      left--
    }
    const unfinished = [...parts.keys()]
      .filter((k) => results[k]!.status !== 'Optimal')
      .sort((a, b) => openGap(results[b]!) - openGap(results[a]!))
    left = unfinished.length
    for (const k of unfinished) {
      if (integerTimeLimit(timeLimitSec, performance.now() - started) <= MIN_INTEGER_SEC) break
      const again = await run(k, 1, results[k]!.values ?? starts[k]!)
      if (again.values !== null && (results[k]!.objective === null || again.objective! <= results[k]!.objective!)) results[k] = { ...again, mipBound: Math.max(again.mipBound ?? -Infinity, results[k]!.mipBound ?? -Infinity) }
      left--
    }
    const values: Record<string, number> = {}
    let mipBound: number | null = 0
    let status = 'Optimal'
    for (const [k, result] of results.entries()) {
      // No integer solution within the limit (or, with `costOf`, a dearer one): that part is the fallback; "Greedy" when HiGHS found none.
      const dearer = result.objective !== null && costOf !== undefined && costOf(parts[k]!, starts[k]!) < result.objective - 1e-6
      Object.assign(values, result.values === null || dearer ? starts[k]! : result.values)
      // The MIP bound is reported when HiGHS proved one for every block.
      mipBound = mipBound === null || result.mipBound === null || !Number.isFinite(result.mipBound) ? null : mipBound + result.mipBound
      if (result.values === null) status = 'Greedy'
      else if (status === 'Optimal') status = result.status
    }
    return { lpBound, mipBound, status, values, relaxationMs, integerMs, integerLimitSec, programs: parts.length }
  }
  try {
    const solved = blocks.length > 1 ? await solveParts(blocks, 0, true) : null
    if (solved && fits(solved.values)) return solved
    // Blocks again under tighter limits that keep the horizon's (`tighten`): a restriction, so the
    // bound stays the blocks' first relaxations' (a relaxation of the problem), and HiGHS's proves nothing of it.
    // First the limits the relaxations broke alone; when the days' schedules then break another, every one.
    const firstBound = lastBound
    const firstRelaxed = lastRelaxed
    for (const [attempt, every] of [false, true].entries()) {
      const tight = blocks.length > 1 && tighten ? tighten(firstRelaxed, every) : null
      if (!tight) break
      const again = await solveParts(tight, (attempt + 1) * blocks.length, true)
      if (again && fits(again.values)) return { ...again, lpBound: Math.min(again.lpBound, firstBound), mipBound: null }
    }
    return (await solveParts([whole], 3 * blocks.length, false))!
  } finally {
    solver.close()
  }
}

/** Shifts in a set of solver values (or a relaxation's): the sum of the start variables. */
const shiftsIn = (values: Record<string, number>) =>
  Object.entries(values).reduce((sum, [name, value]) => sum + (name.startsWith('x') ? value : 0), 0)

export async function solveSchedule(requirements: Requirements, rules: ScheduleRules, options: SolveOptions = {}): Promise<SolvedSchedule> {
  checkRules(rules)
  // The limit runs from here: building the model is part of the relaxation phase.
  options.onProgress?.('relaxation', null)
  const started = performance.now()
  const timeLimitSec = options.timeLimitSec ?? 10
  const model = buildScheduleModel(requirements, rules)
  const blocks = independentBlocks(requirements, rules)
  // The week's limit on shifts (people × working days) ties the blocks.
  const cap = weekShiftCap(rules, requirements)
  const solved = await solveInBlocks(
    model,
    blocks.length > 1 ? blocks.map((block) => buildScheduleModel(requirements, rules, block)) : [],
    // The rounded relaxation, repaired.
    (part, relaxed) => Object.fromEntries(warmStart(part, requirements, rules, relaxed)),
    (values) => cap === null || shiftsIn(values) <= cap + 1e-6,
    options,
    timeLimitSec,
    started,
  )
  const { lpBound, mipBound, status, values, relaxationMs, integerMs, integerLimitSec, programs } = solved
  const repairStarted = performance.now()
  const result = readSchedule(model, requirements, rules, (name) => values[name] ?? 0)
  const ended = performance.now()
  const { short: minutes, breaks } = recount(result.shifts, requirements, result.owed, rules)
  const penalty = rules.shortfallPenaltyHours ?? DEFAULT_SHORTFALL_PENALTY
  const figures = solverFigures(lpBound, result.paidHours + penalty * result.shortHours)
  return {
    ...result,
    ...figures,
    ...boundFigures(figures.lpBound, mipBound, figures.objective),
    status,
    minutes,
    breaks,
    milliseconds: ended - started,
    phases: { limitSec: timeLimitSec, relaxationMs, integerMs, integerLimitSec, repairMs: ended - repairStarted, repairedShifts: result.repaired, blocks: programs },
  }
}

/** A multi-skill schedule: shifts of skill groups, recounted per channel. */
export interface SolvedMultiSkill extends Omit<SolvedSchedule, 'shifts' | 'onFloor' | 'owed' | 'shortHours' | 'repaired'> {
  shifts: GroupShift[]
  /** Per channel (the problem's order): owed, short and unreachable minutes, recounted minute by minute. */
  channels: ChannelRecount[]
}

/**
 * Solves a multi-skill problem (multi-skill.ts): its independent parts one after another, each
 * within the time limit, as the schedules of separate channels would be. A part of one channel
 * and one group is a single-channel schedule (solveSchedule: its team's hours and contracts, breaks
 * staggered); the others are solved by solveConnected. Every figure comes from the minute-by-minute
 * recount per channel of the whole.
 */
export async function solveMultiSkill(problem: MultiSkillProblem, rules: ScheduleRules, options: SolveOptions = {}): Promise<SolvedMultiSkill> {
  checkRules(rules)
  const people = problem.groups.reduce((sum, g) => sum + (g.people ?? Infinity), 0)
  // A total limit a day below the groups' head counts ties the parts together.
  const parts = rules.maxAgentsPerDay != null && rules.maxAgentsPerDay < people ? [] : skillComponents(problem).filter((p) => p.groups.length > 0)
  if (parts.length <= 1) return recounted(problem, rules, await solveConnected(problem, rules, options))
  const started = performance.now()
  const shifts: GroupShift[] = []
  const phases = { relaxationMs: 0, integerMs: 0, integerLimitSec: 0, repairMs: 0, repairedShifts: 0, blocks: 0 }
  let lpBound = 0
  let mipBound: number | null = 0
  let status = 'Optimal'
  for (const [index, part] of parts.entries()) {
    const about = { index, count: parts.length, channels: part.channels.map((c) => problem.channels[c]!) }
    const solved = await solvePart(componentProblem(problem, part), rules, {
      ...options,
      onProgress: (phase, bound) => options.onProgress?.(phase, bound === null ? null : lpBound + bound, about),
    })
    shifts.push(...solved.shifts.map((s) => ({ ...s, group: part.groups[s.group]! })))
    lpBound += solved.lpBound
    mipBound = mipBound === null || solved.mipBound === null ? null : mipBound + solved.mipBound
    // The least finished part's: a heuristic's, else a limit reached, else optimal.
    if (solved.status === 'Greedy' || status === 'Optimal') status = solved.status
    for (const key of Object.keys(phases) as Array<keyof typeof phases>) phases[key] += solved.phases[key] ?? 0
  }
  shifts.sort((a, b) => a.start - b.start || a.group - b.group)
  const limitSec = options.timeLimitSec ?? 10
  return recounted(problem, rules, { shifts, lpBound, mipBound, status, started, phases: { limitSec, ...phases, parts: parts.length } })
}

/** A multi-skill solve before its recount: the shifts and the solver's own figures (the whole is recounted once). */
interface SolvedShifts {
  shifts: GroupShift[]
  lpBound: number
  mipBound: number | null
  status: string
  /** When the solve began (performance.now()). */
  started: number
  phases: SolvePhases
}

/** A part solved alone: one channel and one group as a single channel, with its team's terms. */
async function solvePart(part: MultiSkillProblem, rules: ScheduleRules, options: SolveOptions): Promise<SolvedShifts> {
  const members = part.groups.every((g) => g.members) ? part.groups.flatMap((g) => g.members!) : undefined
  const people = part.groups.reduce((sum, g) => sum + (g.people ?? Infinity), 0)
  // Its shifts within its channels' hours together (a single channel's own).
  const hours = part.openingHours ? { openingHours: unionWeekHours(part.openingHours) } : {}
  const partRules = { ...rules, ...hours, maxAgentsPerDay: Number.isFinite(people) ? people : (rules.maxAgentsPerDay ?? null), people: members }
  if (part.channels.length > 1 || part.groups.length > 1) return solveConnected(part, partRules, options)
  const solved = await solveSchedule(channelRequirements(part, 0), partRules, options)
  return { ...solved, shifts: solved.shifts.map((s) => ({ ...s, group: 0 })), started: performance.now() - solved.milliseconds }
}

/**
 * Solves a multi-skill problem whose channels are joined by their groups as solveSchedule solves
 * one channel: in blocks where the horizon falls apart, with HiGHS in the worker; the rounded
 * relaxation, repaired, is the fallback when HiGHS finds nothing or something dearer, and the
 * greedy repair tops up what the solution leaves short. The caller recounts its shifts (recounted).
 */
async function solveConnected(problem: MultiSkillProblem, rules: ScheduleRules, options: SolveOptions = {}): Promise<SolvedShifts> {
  options.onProgress?.('relaxation', null)
  const started = performance.now()
  const timeLimitSec = options.timeLimitSec ?? 10
  const model = buildMultiSkillModel(problem, rules)
  const blocks = independentBlocks(problem.requirements, blockRules(problem, rules))
  const solved = await solveInBlocks(
    model,
    blocks.length > 1 ? blocks.map((block) => buildMultiSkillModel(problem, rules, block)) : [],
    // The rounded relaxation, repaired, with its allocation to channels and what stays short.
    (part, relaxed) => {
      const rounded = roundedRelaxation(part.starts.flat(), relaxed)
      return multiSkillValues(part, problem, rules, readMultiSkill(part, problem, rules, (name) => rounded.get(name) ?? 0).shifts)
    },
    (values) => withinShiftCaps(problem, rules, values),
    options,
    timeLimitSec,
    started,
    // Stopped early, HiGHS may hold a poor incumbent (nobody scheduled, everything short): the
    // repaired relaxation is kept when it costs less (decision 010). Handed to HiGHS as a warm start
    // instead, it kept HiGHS from finding better ones.
    (part, values) => part.objective.reduce((sum, [c, name]) => sum + c * (values[name] ?? 0), 0),
    // A group's week cap broken by the days solved apart: split among the days (those broken, else every group's), and the days solved apart again.
    (relaxed, every) => {
      const caps = splitWeekCaps(problem, rules, relaxed, every)
      return caps && blocks.map((block) => buildMultiSkillModel(problem, rules, block, caps))
    },
  )
  const { lpBound, mipBound, status, values, relaxationMs, integerMs, integerLimitSec, programs } = solved
  const repairStarted = performance.now()
  const result = readMultiSkill(model, problem, rules, (name) => values[name] ?? 0)
  const phases = { limitSec: timeLimitSec, relaxationMs, integerMs, integerLimitSec, repairMs: performance.now() - repairStarted, repairedShifts: result.repaired, blocks: programs }
  return { shifts: result.shifts, lpBound, mipBound, status, started, phases }
}

/** A multi-skill schedule's figures, from the minute-by-minute recount per channel of its shifts. */
function recounted(problem: MultiSkillProblem, rules: ScheduleRules, solved: SolvedShifts): SolvedMultiSkill {
  const { shifts } = solved
  const counted = recountSkills(shifts, problem, rules)
  const paidOf = new Map(rules.shiftTypes.map((t) => [t.name, paidHoursOf(t)]))
  const paidHours = shifts.reduce((sum, s) => sum + paidOf.get(s.type)!, 0)
  const penalty = rules.shortfallPenaltyHours ?? DEFAULT_SHORTFALL_PENALTY
  // The recount's reachable shortfall is what the model charges (rows hold no boundary, and the max flow is its allocation).
  const figures = solverFigures(solved.lpBound, paidHours + (penalty * counted.totals.shortAgentMinutes) / 60)
  return {
    shifts,
    paidHours,
    uncovered: counted.uncovered,
    ...figures,
    ...boundFigures(figures.lpBound, solved.mipBound, figures.objective),
    status: solved.status,
    minutes: counted.totals,
    channels: counted.channels,
    breaks: counted.breaks,
    milliseconds: performance.now() - solved.started,
    phases: solved.phases,
  }
}
