// Staffing for one interval of real-time work: the fewest agents meeting every goal under
// Erlang C or Erlang A, the fractional value where the goals are met exactly (to add intervals
// up without rounding inflation), and agents with shrinkage. Input is validated here with
// messages that name the field.
//
// Concurrency: an agent who handles up to k conversations at once (chat) is k servers, each with
// the channel's handle time per conversation (docs/decisions/006-staffing-engine.md). Traffic is
// counted in conversations: A = calls × AHT ÷ interval.
//
// Efficiency e (issue 17): agents on the floor are not all available, so one agent is e × k
// servers of the model; the answer is the required servers ÷ (e × k) agents, rounded up.
import { erlangAMetrics } from './erlang-a.ts'
import {
  assertGoals,
  erlangCMetrics,
  meetsGoals,
  requiredServersErlangC,
  type Goals,
  type QueueMetrics,
} from './erlang.ts'

export type QueueModel = 'erlangC' | 'erlangA'

export interface StaffingRequest {
  /** Contacts offered in the interval. */
  calls: number
  intervalSec: number
  ahtSec: number
  slGoal: number
  thresholdSec: number
  asaGoalSec?: number | null
  maxOccupancy?: number | null
  /** At most this share of contacts abandon (Erlang A), in (0, 1). */
  maxAbandonRate?: number | null
  /** Share of paid time not available, in [0, 1). */
  shrinkage?: number | null
  /** Mean patience, seconds: needed by Erlang A. */
  patienceSec?: number | null
  model?: QueueModel
  /** Conversations one agent handles at once (1 = voice). */
  concurrency?: number | null
  /** Evaluate at this many agents (fractional allowed) instead of searching. */
  agents?: number | null
  /** Servers one agent on the floor is worth, in (0, MAX_EFFICIENCY]; 1 when absent. */
  efficiency?: number | null
}

export interface StaffingResult extends QueueMetrics {
  model: QueueModel
  /** Offered load, Erlangs (conversations). */
  traffic: number
  /** Agents on the phone (the answer, or the number evaluated). */
  agents: number
  /** The continuous number of agents at which every goal is met exactly. */
  agentsFractional: number
  /** Agents to schedule: ceil(agents / (1 − shrinkage)). */
  agentsWithShrinkage: number
  agentsWithShrinkageFractional: number
  /** Whether the measures at `agents` meet every goal. */
  meetsGoals: boolean
}

const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value)

function requireNumber(name: string, value: unknown, test: (n: number) => boolean, rule: string): number {
  if (!isFiniteNumber(value) || !test(value)) {
    throw new RangeError(`${name} must be ${rule} (got ${value === undefined ? 'nothing' : typeof value === 'string' ? JSON.stringify(value) : String(value)})`)
  }
  return value
}

function optionalNumber(name: string, value: unknown, test: (n: number) => boolean, rule: string): number | null {
  return value == null ? null : requireNumber(name, value, test, rule)
}

export interface ValidStaffingRequest {
  calls: number
  /** Offered load, Erlangs: calls × AHT ÷ interval. */
  traffic: number
  intervalSec: number
  ahtSec: number
  goals: Goals
  shrinkage: number
  patienceSec: number | null
  model: QueueModel
  concurrency: number
  efficiency: number
  agents: number | null
}

/** The largest offered load the engine computes, Erlangs. */
export const MAX_TRAFFIC = 1_000_000

/** A load beyond what the engine computes: traffic above MAX_TRAFFIC, or an Erlang A queue too patient. */
export class EngineLimit extends RangeError {
  constructor(
    readonly limit: 'traffic' | 'patience',
    message: string,
  ) {
    super(message)
  }
}

/** Erlang A's series run over N·patience/AHT terms: capped so one answer stays fast. */
const MAX_PATIENT_LOAD = 1e9

/** The largest efficiency accepted: a calibration may find agents worth a little more than one server. */
export const MAX_EFFICIENCY = 1.5

export const isEfficiency = (n: number): boolean => n > 0 && n <= MAX_EFFICIENCY

/** Checks every field and says which one is wrong and why. */
export function validateStaffingRequest(request: StaffingRequest): ValidStaffingRequest {
  const calls = requireNumber('calls', request.calls, (n) => n >= 0, 'a finite number ≥ 0')
  const intervalSec = requireNumber('interval', request.intervalSec, (n) => n > 0, 'a finite number of seconds > 0')
  const ahtSec = requireNumber('aht', request.ahtSec, (n) => n > 0, 'a finite number of seconds > 0')
  const slGoal = requireNumber('sl', request.slGoal, (n) => n > 0 && n < 1, 'a share between 0 and 1 (exclusive)')
  const thresholdSec = requireNumber('threshold', request.thresholdSec, (n) => n >= 0, 'a finite number of seconds ≥ 0')
  const asaGoalSec = optionalNumber('asaGoal', request.asaGoalSec, (n) => n > 0, 'a finite number of seconds > 0')
  const maxOccupancy = optionalNumber('maxOccupancy', request.maxOccupancy, (n) => n > 0 && n <= 1, 'a share in (0, 1]')
  const maxAbandonRate = optionalNumber('maxAbandon', request.maxAbandonRate, (n) => n > 0 && n < 1, 'a share in (0, 1)')
  const shrinkage = optionalNumber('shrinkage', request.shrinkage, (n) => n >= 0 && n < 1, 'a share in [0, 1)') ?? 0
  const patienceSec = optionalNumber('patience', request.patienceSec, (n) => n > 0 && n <= 10_000_000, 'a number of seconds > 0 (up to 10,000,000)')
  const concurrency =
    optionalNumber('concurrency', request.concurrency, (n) => Number.isInteger(n) && n >= 1, 'a whole number ≥ 1') ?? 1
  const agents = optionalNumber('agents', request.agents, (n) => n >= 0, 'a finite number ≥ 0')
  const efficiency = optionalNumber('efficiency', request.efficiency, isEfficiency, `a number in (0, ${MAX_EFFICIENCY}]`) ?? 1
  const model = request.model ?? 'erlangC'
  if (model !== 'erlangC' && model !== 'erlangA') throw new RangeError(`model must be "erlangC" or "erlangA" (got ${JSON.stringify(model)})`)
  if (model === 'erlangA' && patienceSec === null) throw new RangeError('patience is required by the Erlang A model')
  const goals: Goals = { slGoal, thresholdSec, asaGoalSec, maxOccupancy, maxAbandonRate }
  assertGoals(goals)
  // The series behind the formulas grow with the load; beyond these the engine does not go.
  const traffic = (calls * ahtSec) / intervalSec
  if (traffic > MAX_TRAFFIC) {
    throw new EngineLimit('traffic', `traffic ${traffic.toPrecision(4)} Erlangs (calls × aht ÷ interval) is above the ${MAX_TRAFFIC.toLocaleString('en')} Erlangs the engine computes`)
  }
  if (model === 'erlangA' && (traffic * patienceSec!) / ahtSec > MAX_PATIENT_LOAD) {
    throw new EngineLimit(
      'patience',
      'patience is too long for Erlang A at this traffic (traffic × patience ÷ aht above 1e9): so patient a queue barely abandons, use Erlang C',
    )
  }
  return { calls, traffic, intervalSec, ahtSec, goals, shrinkage, patienceSec, model, concurrency, efficiency, agents }
}

/** Ceiling that forgives floating-point dust (20.000000000000004 agents are 20), never −0. */
export function ceilAgents(value: number): number {
  return Math.max(0, Math.ceil(value - 1e-9 * Math.max(1, value)))
}

/** The measures of the model at a (possibly fractional) number of servers. */
export function queueMetrics(model: QueueModel, servers: number, traffic: number, ahtSec: number, thresholdSec: number, patienceSec: number | null): QueueMetrics {
  return model === 'erlangA'
    ? erlangAMetrics(servers, traffic, ahtSec, patienceSec!, thresholdSec)
    : erlangCMetrics(servers, traffic, ahtSec, thresholdSec)
}

/** How far the measures are past one goal (≥ 0 when met); every margin grows with servers. */
type Margin = (metrics: QueueMetrics) => number

function goalMargins(goals: Goals): Margin[] {
  const list: Margin[] = [(m) => m.serviceLevel - goals.slGoal]
  const { asaGoalSec, maxOccupancy } = goals
  if (asaGoalSec != null) list.push((m) => (Number.isFinite(m.asa) ? asaGoalSec - m.asa : -asaGoalSec))
  if (maxOccupancy != null) list.push((m) => maxOccupancy - m.occupancy)
  const { maxAbandonRate } = goals
  if (maxAbandonRate != null) list.push((m) => maxAbandonRate - m.abandonRate)
  return list
}

/**
 * The continuous server count in (whole − 1, whole] at which the last goal is met exactly: for
 * each goal not met at whole − 1, its crossing by the Illinois variant of regula falsi (a few
 * evaluations to 1e-9 of a server).
 */
function fractionalServers(whole: number, evaluate: (servers: number) => QueueMetrics, goals: Goals): number {
  if (whole === 0) return 0
  const lo = whole - 1
  const metricsLo = evaluate(lo)
  const metricsHi = evaluate(whole)
  let answer = lo
  for (const margin of goalMargins(goals)) {
    let fa = margin(metricsLo)
    if (fa >= 0) continue
    let fb = margin(metricsHi)
    let a = lo
    let b = whole
    let side = 0
    for (let i = 0; i < 100 && b - a > 1e-9 && fb > 1e-13; i++) {
      const m = Math.min(b, Math.max(a, b - (fb * (b - a)) / (fb - fa)))
      const fm = margin(evaluate(m))
      if (fm >= 0) {
        b = m
        fb = fm
        if (side === 1) fa /= 2
        side = 1
      } else {
        a = m
        fa = fm
        if (side === -1) fb /= 2
        side = -1
      }
    }
    answer = Math.max(answer, b)
  }
  return answer
}

/**
 * The fewest whole servers meeting the goals under Erlang A. Every measure improves with servers,
 * so a bisection below the Erlang C answer (abandonment only shortens waits, so that answer
 * nearly always suffices; if not, we step up) needs ~log₂ N evaluations.
 */
function requiredServersErlangA(traffic: number, ahtSec: number, patienceSec: number, goals: Goals): number {
  if (traffic === 0) return 0
  // The ASA series is the costly part when overloaded: compute it only when a goal needs it.
  const withAsa = goals.asaGoalSec != null
  const meets = (n: number) => meetsGoals(erlangAMetrics(n, traffic, ahtSec, patienceSec, goals.thresholdSec, withAsa), goals)
  let hi = requiredServersErlangC(traffic, ahtSec, goals)
  while (!meets(hi)) hi += 1
  let lo = 0 // never meets: with no agents nobody is answered
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2)
    if (meets(mid)) hi = mid
    else lo = mid
  }
  return hi
}

/** Staff one interval (or evaluate a given number of agents). */
export function staff(request: StaffingRequest): StaffingResult {
  const r = validateStaffingRequest(request)
  const { traffic } = r
  const k = r.concurrency * r.efficiency // servers per agent on the floor
  const evaluate = (servers: number) => queueMetrics(r.model, servers, traffic, r.ahtSec, r.goals.thresholdSec, r.patienceSec)

  let agents: number
  let agentsFractional: number
  if (r.agents !== null) {
    agents = r.agents
    agentsFractional = r.agents
  } else {
    const servers =
      r.model === 'erlangA'
        ? requiredServersErlangA(traffic, r.ahtSec, r.patienceSec!, r.goals)
        : requiredServersErlangC(traffic, r.ahtSec, r.goals)
    agents = ceilAgents(servers / k)
    agentsFractional = fractionalServers(servers, evaluate, r.goals) / k
  }
  const metrics = evaluate(agents * k)
  return {
    model: r.model,
    traffic,
    agents,
    agentsFractional,
    agentsWithShrinkage: ceilAgents(agents / (1 - r.shrinkage)),
    agentsWithShrinkageFractional: agentsFractional / (1 - r.shrinkage),
    ...metrics,
    meetsGoals: meetsGoals(metrics, r.goals),
  }
}

export interface CurvePoint {
  agents: number
  erlangC: QueueMetrics
  /** Null when no patience is given. */
  erlangA: QueueMetrics | null
}

/** Both models' measures for each whole number of agents in [from, to]: the diminishing returns. */
export function staffingCurve(request: StaffingRequest, from: number, to: number): CurvePoint[] {
  const r = validateStaffingRequest(request)
  const { traffic } = r
  const points: CurvePoint[] = []
  for (let agents = Math.max(0, from); agents <= to; agents++) {
    const servers = agents * r.concurrency * r.efficiency
    points.push({
      agents,
      erlangC: erlangCMetrics(servers, traffic, r.ahtSec, r.goals.thresholdSec),
      erlangA: r.patienceSec === null ? null : erlangAMetrics(servers, traffic, r.ahtSec, r.patienceSec, r.goals.thresholdSec),
    })
  }
  return points
}
