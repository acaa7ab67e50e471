// Contact-centre measures from interval sums. One service level convention is used for actuals
// and for the models alike (DESIGN.md):
//
//   service level = answered within threshold ÷ (offered − abandoned within threshold)
//
// Contacts that give up before the threshold are left out: the operation had no fair chance to
// answer them in time. Abandonment rate = abandoned ÷ offered. Ratios with a zero denominator are
// null ("no data"), never NaN.

export interface TrafficSums {
  offered: number
  answered: number
  abandoned: number
  answeredWithinThreshold: number
  abandonedWithinThreshold: number
  handleSecSum: number
  answeredWaitSecSum: number
}

export interface TrafficMeasures {
  offered: number
  answered: number
  abandoned: number
  /** Share in [0, 1], or null with no eligible contact. */
  serviceLevel: number | null
  abandonRate: number | null
  /** TMA: mean handle time of answered contacts, seconds. */
  ahtSec: number | null
  /** TME: mean wait of answered contacts, seconds. */
  asaSec: number | null
}

export const emptySums = (): TrafficSums => ({
  offered: 0,
  answered: 0,
  abandoned: 0,
  answeredWithinThreshold: 0,
  abandonedWithinThreshold: 0,
  handleSecSum: 0,
  answeredWaitSecSum: 0,
})

export function addSums(into: TrafficSums, add: TrafficSums): TrafficSums {
  into.offered += add.offered
  into.answered += add.answered
  into.abandoned += add.abandoned
  into.answeredWithinThreshold += add.answeredWithinThreshold
  into.abandonedWithinThreshold += add.abandonedWithinThreshold
  into.handleSecSum += add.handleSecSum
  into.answeredWaitSecSum += add.answeredWaitSecSum
  return into
}

const ratio = (numerator: number, denominator: number): number | null =>
  denominator > 0 ? numerator / denominator : null

export function measure(sums: TrafficSums): TrafficMeasures {
  return {
    offered: sums.offered,
    answered: sums.answered,
    abandoned: sums.abandoned,
    serviceLevel: ratio(sums.answeredWithinThreshold, sums.offered - sums.abandonedWithinThreshold),
    abandonRate: ratio(sums.abandoned, sums.offered),
    ahtSec: ratio(sums.handleSecSum, sums.answered),
    asaSec: ratio(sums.answeredWaitSecSum, sums.answered),
  }
}
