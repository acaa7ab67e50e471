// Erlang A: the M/M/N+M queue (Palm 1943), where each waiting contact abandons after an
// exponential patience with mean `patienceSec`. With μ = 1/AHT, θ = 1/patience, λ = A·μ and
// x = Nμ/θ, y = λ/θ, a contact that finds all N agents busy with q others waiting does so with
// weight w_q = Π_{j=1..q} y/(x + j), and the weights sum to J = G(x, y) (special-functions.ts).
// The virtual wait V of a contact that finds everyone busy has
//   P(V > t) = γ(x, y·e^{−θt}) / γ(x, y),
// from which the service level follows in closed form; the mean wait of answered contacts is the
// sum over q of w_q · P(served | q) · E[wait | served, q], with P(served | q) = x/(x + q + 1).
// Everything is carried in logarithms, so large N neither overflows nor underflows.
// Derivation and 60-digit checks: test/reference/erlang_reference.py.
import { assertPositive, assertServers, assertThreshold, assertTraffic, erlangB, type QueueMetrics } from './erlang.ts'
import { lnGSeries } from './special-functions.ts'

const RESCALE = 1e280

/**
 * Mean wait of answered contacts among those that found everyone busy, times their share:
 * E[W · 1{served} | all busy], seconds.
 */
function waitOfServedGivenBusy(servers: number, mu: number, theta: number, x: number, y: number): number {
  let weight = 1
  let weights = 0
  let weighted = 0
  let harmonic = 0 // Σ_{j=1..q+1} 1/(Nμ + jθ): expected time through the q + 1 stages ahead
  // The weights rise until q ≈ y − x, then fall like exp(−k²/2y).
  const limit = 1000 + Math.max(0, y - x) + 40 * Math.sqrt(y)
  if (limit > 5e7) throw new RangeError('the queue is too overloaded for its ASA to be computed (queue of more than 50 million)')
  for (let q = 0; q < limit; q++) {
    harmonic += 1 / (servers * mu + (q + 1) * theta)
    weights += weight
    weighted += weight * (x / (x + q + 1)) * harmonic
    weight *= y / (x + q + 1)
    if (weights > RESCALE) {
      weights /= RESCALE
      weighted /= RESCALE
      weight /= RESCALE
    }
    if (q + 1 > y - x && weight < weights * 1e-17) return weighted / weights
  }
  throw new RangeError('the ASA series did not converge: outside the range the engine computes')
}

/**
 * Erlang A measures at `servers` agents (fractional allowed) for offered traffic A = λ·AHT.
 * Service level uses the project's convention: answered within T ÷ (offered − abandoned within T).
 */
export function erlangAMetrics(
  servers: number,
  traffic: number,
  ahtSec: number,
  patienceSec: number,
  thresholdSec: number,
  /** False to skip the ASA (NaN then), the costly part for an overloaded queue. */
  withAsa = true,
): QueueMetrics {
  assertServers(servers)
  assertTraffic(traffic)
  assertPositive('ahtSec', ahtSec)
  assertPositive('patienceSec', patienceSec)
  assertThreshold(thresholdSec)
  if (traffic === 0) return { probWait: 0, serviceLevel: 1, asa: 0, occupancy: 0, abandonRate: 0 }
  if (servers === 0) return { probWait: 1, serviceLevel: 0, asa: Infinity, occupancy: 1, abandonRate: 1 }

  const mu = 1 / ahtSec
  const theta = 1 / patienceSec
  const x = servers * (patienceSec / ahtSec)
  const y = traffic * (patienceSec / ahtSec)
  const thetaT = thresholdSec / patienceSec
  const z = y * Math.exp(-thetaT)

  const b = erlangB(servers, traffic)
  const lnJ = lnGSeries(x, y)
  // P(wait) = B·J / (1 + B(J − 1)) = 1 / (1 + (1 − B)/(B·J)), in logarithms.
  const probWait = b === 0 ? 0 : 1 / (1 + Math.exp(Math.log1p(-b) - Math.log(b) - lnJ))

  const lnRatio = Math.log(x) - Math.log(x + 1)
  const lnGx1y = lnGSeries(x + 1, y)
  const servedGivenBusy = Math.exp(lnRatio + lnGx1y - lnJ)
  const tailGivenBusy = Math.exp(-thetaT * x + (y - z) + lnGSeries(x, z) - lnJ)
  const servedWithinGivenBusy = servedGivenBusy - Math.exp(-thetaT * (x + 1) + (y - z) + lnRatio + lnGSeries(x + 1, z) - lnJ)
  const abandonedWithinGivenBusy = Math.max(0, 1 - servedWithinGivenBusy - Math.exp(-thetaT) * tailGivenBusy)

  const abandonRate = probWait * (1 - servedGivenBusy)
  const answered = 1 - abandonRate
  const serviceLevel = (1 - probWait + probWait * servedWithinGivenBusy) / (1 - probWait * abandonedWithinGivenBusy)
  const asa = !withAsa ? Number.NaN : probWait === 0 ? 0 : (probWait * waitOfServedGivenBusy(servers, mu, theta, x, y)) / answered
  return {
    probWait,
    serviceLevel: Math.min(1, Math.max(0, serviceLevel)),
    asa,
    occupancy: Math.min(1, (traffic * answered) / servers),
    abandonRate,
  }
}
