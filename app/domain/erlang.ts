// Erlang B and C for the M/M/N queue (no abandonment). Whole numbers of servers use the stable
// recursion B(n) = A·B(n−1) / (n + A·B(n−1)), never factorials or powers; where that would cost
// too many steps, or for a fractional number of servers, the same function comes from the
// incomplete gamma form (special-functions.ts). Conventions: A ≥ N (an unstable queue) gives
// probWait 1, serviceLevel 0 and asa Infinity; A = 0 gives probWait 0, serviceLevel 1, asa 0.
// Never NaN for valid input; invalid input throws a RangeError naming the argument.
import { meetsSlGoal } from './metrics.ts'
import { erlangBContinuous } from './special-functions.ts'

/** Below this many servers the plain recursion from 0 is the cheapest exact route. */
const RECURSION_LIMIT = 64

export function assertServers(servers: number, name = 'servers'): void {
  if (!Number.isFinite(servers) || servers < 0) {
    throw new RangeError(`${name} must be a finite number ≥ 0 (got ${servers})`)
  }
}

export function assertTraffic(traffic: number): void {
  if (!Number.isFinite(traffic) || traffic < 0) {
    throw new RangeError(`traffic must be a finite number ≥ 0 Erlangs (got ${traffic})`)
  }
}

export function assertPositive(name: string, value: number): void {
  if (!Number.isFinite(value) || value <= 0) {
    throw new RangeError(`${name} must be a finite number > 0 (got ${value})`)
  }
}

export function assertThreshold(thresholdSec: number): void {
  if (!Number.isFinite(thresholdSec) || thresholdSec < 0) {
    throw new RangeError(`thresholdSec must be a finite number ≥ 0 (got ${thresholdSec})`)
  }
}

/**
 * Erlang B: probability that an arrival finds all servers busy in a loss system (M/M/N/N).
 * `servers` may be fractional (continuous extension).
 */
export function erlangB(servers: number, traffic: number): number {
  assertServers(servers)
  assertTraffic(traffic)
  if (Number.isInteger(servers) && servers <= RECURSION_LIMIT) {
    let b = 1
    for (let n = 1; n <= servers; n++) b = (traffic * b) / (n + traffic * b)
    return b
  }
  return erlangBContinuous(servers, traffic)
}

/** Erlang C from Erlang B: C = N·B / (N − A(1 − B)), for N > A. */
export function erlangCFromB(servers: number, traffic: number, b: number): number {
  return (servers * b) / (servers - traffic * (1 - b))
}

/** Erlang C: probability that an arrival has to wait in an M/M/N queue (no abandonment). */
export function erlangC(servers: number, traffic: number): number {
  assertServers(servers)
  assertTraffic(traffic)
  if (traffic === 0) return 0
  if (traffic >= servers) return 1
  return erlangCFromB(servers, traffic, erlangB(servers, traffic))
}

export interface QueueMetrics {
  /** Probability that a contact waits at all. */
  probWait: number
  /** Answered within threshold ÷ (offered − abandoned within threshold); see decision 004. */
  serviceLevel: number
  /** Mean wait of answered contacts, seconds (Infinity for an unstable Erlang C queue). */
  asa: number
  /** Share of the servers' time spent handling contacts. */
  occupancy: number
  /** Share of offered contacts that abandon (0 under Erlang C). */
  abandonRate: number
}

/** The measures of an M/M/N queue from its Erlang C probability. */
function metricsFromC(servers: number, traffic: number, c: number, ahtSec: number, thresholdSec: number): QueueMetrics {
  return {
    probWait: c,
    serviceLevel: 1 - c * Math.exp((-(servers - traffic) * thresholdSec) / ahtSec),
    asa: (c * ahtSec) / (servers - traffic),
    occupancy: traffic / servers,
    abandonRate: 0,
  }
}

/** Erlang C measures at `servers` (fractional allowed) for offered traffic A = λ·AHT. */
export function erlangCMetrics(servers: number, traffic: number, ahtSec: number, thresholdSec: number): QueueMetrics {
  assertServers(servers)
  assertTraffic(traffic)
  assertPositive('ahtSec', ahtSec)
  assertThreshold(thresholdSec)
  if (traffic === 0) return { probWait: 0, serviceLevel: 1, asa: 0, occupancy: 0, abandonRate: 0 }
  if (traffic >= servers) return { probWait: 1, serviceLevel: 0, asa: Infinity, occupancy: 1, abandonRate: 0 }
  return metricsFromC(servers, traffic, erlangC(servers, traffic), ahtSec, thresholdSec)
}

/** Share of contacts answered within `thresholdSec`: 1 − C·e^{−(N−A)·T/AHT}. */
export function serviceLevel(servers: number, traffic: number, ahtSec: number, thresholdSec: number): number {
  return erlangCMetrics(servers, traffic, ahtSec, thresholdSec).serviceLevel
}

/** Average speed of answer (mean wait over all contacts), seconds: C·AHT / (N − A). */
export function averageSpeedOfAnswer(servers: number, traffic: number, ahtSec: number): number {
  return erlangCMetrics(servers, traffic, ahtSec, 0).asa
}

export interface Goals {
  /** Service level goal, a share in (0, 1): e.g. 0.8. */
  slGoal: number
  thresholdSec: number
  /** Optional: mean wait of answered contacts at most this many seconds. */
  asaGoalSec?: number | null
  /** Optional: occupancy at most this share, in (0, 1]. */
  maxOccupancy?: number | null
  /**
   * Optional: abandonment at most this share, in (0, 1). Only Erlang A predicts abandonment; it
   * keeps the SL convention (which leaves out contacts abandoned within the threshold) from
   * accepting a plan where most callers give up early.
   */
  maxAbandonRate?: number | null
}

export function assertGoals(goals: Goals): void {
  if (!(goals.slGoal > 0 && goals.slGoal < 1)) throw new RangeError(`slGoal must be in (0, 1) (got ${goals.slGoal})`)
  assertThreshold(goals.thresholdSec)
  if (goals.asaGoalSec != null) assertPositive('asaGoalSec', goals.asaGoalSec)
  if (goals.maxOccupancy != null && !(goals.maxOccupancy > 0 && goals.maxOccupancy <= 1)) {
    throw new RangeError(`maxOccupancy must be in (0, 1] (got ${goals.maxOccupancy})`)
  }
  if (goals.maxAbandonRate != null && !(goals.maxAbandonRate > 0 && goals.maxAbandonRate < 1)) {
    throw new RangeError(`maxAbandon must be in (0, 1) (got ${goals.maxAbandonRate})`)
  }
}

/**
 * Whether measures meet every goal given (a tiny tolerance absorbs rounding at exact ties).
 * Written so that a NaN measure fails its goal instead of passing it.
 */
export function meetsGoals(metrics: QueueMetrics, goals: Goals): boolean {
  const eps = 1e-12
  if (!meetsSlGoal(metrics.serviceLevel, goals.slGoal)) return false
  if (goals.asaGoalSec != null && !(metrics.asa <= goals.asaGoalSec * (1 + eps))) return false
  if (goals.maxOccupancy != null && !(metrics.occupancy <= goals.maxOccupancy * (1 + eps))) return false
  if (goals.maxAbandonRate != null && !(metrics.abandonRate <= goals.maxAbandonRate * (1 + eps))) return false
  return true
}

/**
 * The fewest whole servers whose Erlang C measures meet every goal. One incremental pass: it
 * starts at a lower bound no answer can be under — the first stable count above A, raised to
 * A / maxOccupancy when that goal is given — evaluates Erlang B there once, then steps up one
 * server at a time with the recursion (one multiply-add per candidate).
 */
export function requiredServersErlangC(traffic: number, ahtSec: number, goals: Goals): number {
  assertTraffic(traffic)
  assertPositive('ahtSec', ahtSec)
  assertGoals(goals)
  if (traffic === 0) return 0
  let n = Math.floor(traffic) + 1
  if (goals.maxOccupancy != null) n = Math.max(n, Math.ceil(traffic / goals.maxOccupancy - 1e-9))
  let b = erlangB(n, traffic)
  for (;;) {
    const metrics = metricsFromC(n, traffic, erlangCFromB(n, traffic, b), ahtSec, goals.thresholdSec)
    if (meetsGoals(metrics, goals)) return n
    n += 1
    b = (traffic * b) / (n + traffic * b)
  }
}

/** The Erlang C answer for a service level goal alone (kept for callers that need nothing else). */
export function requiredServers({ traffic, ahtSec, slGoal, thresholdSec }: { traffic: number; ahtSec: number; slGoal: number; thresholdSec: number }): number {
  return requiredServersErlangC(traffic, ahtSec, { slGoal, thresholdSec })
}
