// Erlang B and C for an M/M/N queue, computed by the stable recursion
//   B(0) = 1,  B(n) = A·B(n−1) / (n + A·B(n−1))
// which never forms factorials or powers, so it neither overflows nor loses precision at
// thousands of Erlangs. Conventions: A ≥ N (an unstable queue) gives probWait 1,
// serviceLevel 0 and asa Infinity; A = 0 gives probWait 0 and serviceLevel 1. Never NaN for
// valid input; invalid input throws a RangeError naming the argument.

function assertServers(servers: number): void {
  if (!Number.isInteger(servers) || servers < 0) {
    throw new RangeError(`servers must be a whole number ≥ 0 (got ${servers})`)
  }
}

function assertTraffic(traffic: number): void {
  if (!Number.isFinite(traffic) || traffic < 0) {
    throw new RangeError(`traffic must be a finite number ≥ 0 Erlangs (got ${traffic})`)
  }
}

function assertPositive(name: string, value: number): void {
  if (!Number.isFinite(value) || value <= 0) {
    throw new RangeError(`${name} must be a finite number > 0 (got ${value})`)
  }
}

/** Erlang B: probability that an arrival finds all `servers` busy in a loss system (M/M/N/N). */
export function erlangB(servers: number, traffic: number): number {
  assertServers(servers)
  assertTraffic(traffic)
  let b = 1
  for (let n = 1; n <= servers; n++) b = (traffic * b) / (n + traffic * b)
  return b
}

/** Erlang C: probability that an arrival has to wait in an M/M/N queue (no abandonment). */
export function erlangC(servers: number, traffic: number): number {
  assertServers(servers)
  assertTraffic(traffic)
  if (traffic === 0) return 0
  if (traffic >= servers) return 1
  return erlangCFromB(servers, traffic, erlangB(servers, traffic))
}

function erlangCFromB(servers: number, traffic: number, b: number): number {
  return (servers * b) / (servers - traffic * (1 - b))
}

/** Share of contacts answered within `thresholdSec`: 1 − C·e^{−(N−A)·T/AHT}. */
export function serviceLevel(servers: number, traffic: number, ahtSec: number, thresholdSec: number): number {
  assertPositive('ahtSec', ahtSec)
  if (!Number.isFinite(thresholdSec) || thresholdSec < 0) {
    throw new RangeError(`thresholdSec must be a finite number ≥ 0 (got ${thresholdSec})`)
  }
  const c = erlangC(servers, traffic)
  if (traffic >= servers && traffic > 0) return 0
  return 1 - c * Math.exp((-(servers - traffic) * thresholdSec) / ahtSec)
}

/** Average speed of answer (mean wait over all contacts), seconds: C·AHT / (N − A). */
export function averageSpeedOfAnswer(servers: number, traffic: number, ahtSec: number): number {
  assertPositive('ahtSec', ahtSec)
  const c = erlangC(servers, traffic)
  if (traffic === 0) return 0
  if (traffic >= servers) return Infinity
  return (c * ahtSec) / (servers - traffic)
}

/** Share of logged-in time spent handling contacts: A / N, capped at 1. */
export function occupancy(servers: number, traffic: number): number {
  assertServers(servers)
  assertTraffic(traffic)
  if (traffic === 0) return 0
  if (servers === 0) return 1
  return Math.min(1, traffic / servers)
}

export interface ErlangCGoal {
  /** Offered load in Erlangs: arrivals per second × AHT seconds. */
  traffic: number
  ahtSec: number
  /** Service level goal, a share in (0, 1). */
  slGoal: number
  thresholdSec: number
}

/**
 * The fewest servers whose Erlang C service level meets the goal. One pass of the B recursion:
 * servers ≤ A cannot meet any goal, above that each candidate costs one update.
 */
export function requiredServers({ traffic, ahtSec, slGoal, thresholdSec }: ErlangCGoal): number {
  assertTraffic(traffic)
  assertPositive('ahtSec', ahtSec)
  if (!(slGoal > 0 && slGoal < 1)) throw new RangeError(`slGoal must be in (0, 1) (got ${slGoal})`)
  if (!Number.isFinite(thresholdSec) || thresholdSec < 0) {
    throw new RangeError(`thresholdSec must be a finite number ≥ 0 (got ${thresholdSec})`)
  }
  if (traffic === 0) return 0
  let b = 1
  for (let n = 1; ; n++) {
    b = (traffic * b) / (n + traffic * b)
    if (n <= traffic) continue
    const c = erlangCFromB(n, traffic, b)
    const sl = 1 - c * Math.exp((-(n - traffic) * thresholdSec) / ahtSec)
    if (sl >= slGoal) return n
  }
}
