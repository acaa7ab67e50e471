// Contact-centre measures from interval sums. One service level convention is used for actuals
// and for the models alike (DESIGN.md):
//
//   service level = answered within threshold ÷ (offered − abandoned within threshold)
//
// Contacts that give up before the threshold are left out: the operation had no fair chance to
// answer them in time. Abandonment rate = abandoned ÷ offered.
//
// Each measure is taken over the contacts whose data the sources gave (decision 007): an interval
// file with volume only gives no outcome, so its contacts weigh nothing in the service level,
// abandonment, TMA and TME. Contacts weigh in full. A measure over no contact is null ("no
// data"), never 0 or NaN; so is a count not known for every contact offered.

export interface TrafficSums {
  offered: number
  answered: number
  abandoned: number
  answeredWithinThreshold: number
  abandonedWithinThreshold: number
  handleSecSum: number
  answeredWaitSecSum: number
  /** Offered of the rows that give answered. */
  answeredOffered: number
  /** Offered of the rows that give abandoned: the abandonment rate's denominator. */
  abandonedOffered: number
  /** Offered − abandoned within threshold, of the rows that give answered within threshold. */
  slEligible: number
  /** Answered contacts handleSecSum is summed over. */
  ahtAnswered: number
  /** Answered contacts answeredWaitSecSum is summed over. */
  asaAnswered: number
}

export interface TrafficMeasures {
  offered: number
  /** Counts; null unless known for every contact offered. */
  answered: number | null
  abandoned: number | null
  answeredWithinThreshold: number | null
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
  answeredOffered: 0,
  abandonedOffered: 0,
  slEligible: 0,
  ahtAnswered: 0,
  asaAnswered: 0,
})

export function addSums(into: TrafficSums, add: TrafficSums): TrafficSums {
  into.offered += add.offered
  into.answered += add.answered
  into.abandoned += add.abandoned
  into.answeredWithinThreshold += add.answeredWithinThreshold
  into.abandonedWithinThreshold += add.abandonedWithinThreshold
  into.handleSecSum += add.handleSecSum
  into.answeredWaitSecSum += add.answeredWaitSecSum
  into.answeredOffered += add.answeredOffered
  into.abandonedOffered += add.abandonedOffered
  into.slEligible += add.slEligible
  into.ahtAnswered += add.ahtAnswered
  into.asaAnswered += add.asaAnswered
  return into
}

const ratio = (numerator: number, denominator: number): number | null =>
  denominator > 0 ? numerator / denominator : null

/** A count is known when the contacts it was given for are all the contacts offered. */
const known = (count: number, covered: number, all: number): number | null => (covered >= all ? count : null)

/**
 * Whether a service level meets its goal. The tolerance absorbs rounding only (a pooled ratio equal
 * to the goal can land a hair below it in floating point); it is far below any shown digit.
 */
export const meetsSlGoal = (serviceLevel: number, goal: number): boolean => serviceLevel >= goal - 1e-12

export function measure(sums: TrafficSums): TrafficMeasures {
  return {
    offered: sums.offered,
    answered: known(sums.answered, sums.answeredOffered, sums.offered),
    abandoned: known(sums.abandoned, sums.abandonedOffered, sums.offered),
    answeredWithinThreshold: known(sums.answeredWithinThreshold, sums.slEligible, sums.offered - sums.abandonedWithinThreshold),
    serviceLevel: ratio(sums.answeredWithinThreshold, sums.slEligible),
    abandonRate: ratio(sums.abandoned, sums.abandonedOffered),
    ahtSec: ratio(sums.handleSecSum, sums.ahtAnswered),
    asaSec: ratio(sums.answeredWaitSecSum, sums.asaAnswered),
  }
}
