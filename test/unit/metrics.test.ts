import { describe, expect, it } from 'vitest'
import { addSums, emptySums, measure, meetsSlGoal, type TrafficSums } from '../../app/domain/metrics.ts'

/** Sums as contacts give them: every measure taken over every contact. */
function fromContacts(sums: Partial<TrafficSums>): TrafficSums {
  const s = { ...emptySums(), ...sums }
  return {
    ...s,
    answeredOffered: s.offered,
    abandonedOffered: s.offered,
    slEligible: s.offered - s.abandonedWithinThreshold,
    ahtAnswered: s.answered,
    asaAnswered: s.answered,
  }
}

describe('measure', () => {
  it('uses answered within threshold ÷ (offered − abandoned within threshold)', () => {
    // 100 offered, 10 abandoned of which 4 before the threshold, 70 answered in time.
    const m = measure(
      fromContacts({
        offered: 100,
        answered: 90,
        abandoned: 10,
        answeredWithinThreshold: 70,
        abandonedWithinThreshold: 4,
        handleSecSum: 90 * 300,
        answeredWaitSecSum: 90 * 12,
      }),
    )
    expect(m.serviceLevel).toBeCloseTo(70 / 96, 15)
    expect(m.abandonRate).toBe(0.1)
    expect(m.ahtSec).toBe(300)
    expect(m.asaSec).toBe(12)
    expect(m).toMatchObject({ offered: 100, answered: 90, abandoned: 10, answeredWithinThreshold: 70 })
  })

  it('gives null, not NaN, when nothing was offered or answered', () => {
    const m = measure(emptySums())
    expect(m).toEqual({
      offered: 0,
      answered: 0,
      abandoned: 0,
      answeredWithinThreshold: 0,
      serviceLevel: null,
      abandonRate: null,
      ahtSec: null,
      asaSec: null,
    })
    const allAbandonedEarly = measure(fromContacts({ offered: 3, abandoned: 3, abandonedWithinThreshold: 3 }))
    expect(allAbandonedEarly.serviceLevel).toBeNull()
    expect(allAbandonedEarly.abandonRate).toBe(1)
    expect(allAbandonedEarly.ahtSec).toBeNull()
    expect(allAbandonedEarly).toMatchObject({ answered: 0, abandoned: 3, answeredWithinThreshold: 0 })
  })

  it('gives null for what a source did not give, not 0', () => {
    // Volume alone (an interval file with offered only).
    expect(measure({ ...emptySums(), offered: 120 })).toEqual({
      offered: 120,
      answered: null,
      abandoned: null,
      answeredWithinThreshold: null,
      serviceLevel: null,
      abandonRate: null,
      ahtSec: null,
      asaSec: null,
    })
    // Volume and TMA: the TMA over offered (no answered given), nothing else.
    const tma = measure({ ...emptySums(), offered: 80, handleSecSum: 80 * 287.5, ahtAnswered: 80 })
    expect(tma).toMatchObject({ ahtSec: 287.5, asaSec: null, serviceLevel: null, abandonRate: null, answered: null })
  })

  it('takes each measure over the contacts that gave it when sources are mixed', () => {
    // Contacts: 100 offered, 90 answered (72 in time, TMA 300), 10 abandoned (2 in time).
    const contacts = fromContacts({
      offered: 100,
      answered: 90,
      abandoned: 10,
      answeredWithinThreshold: 72,
      abandonedWithinThreshold: 2,
      handleSecSum: 90 * 300,
      answeredWaitSecSum: 90 * 10,
    })
    // An interval file: 50 offered, 5 abandoned, TMA 200 without answered (over 50 − 5).
    const file = { ...emptySums(), offered: 50, abandoned: 5, abandonedOffered: 50, handleSecSum: 45 * 200, ahtAnswered: 45 }
    const m = measure(addSums(addSums(emptySums(), contacts), file))
    expect(m.offered).toBe(150)
    expect(m.abandonRate).toBeCloseTo(15 / 150, 15)
    expect(m.ahtSec).toBeCloseTo((90 * 300 + 45 * 200) / 135, 12)
    expect(m.serviceLevel).toBeCloseTo(72 / 98, 15) // the file's contacts are not in the SL
    expect(m.asaSec).toBe(10)
    // Counts known for part of the contacts only are not totals anyone can use.
    expect(m).toMatchObject({ abandoned: 15, answered: null, answeredWithinThreshold: null })
  })

  it('reports a count given without volume (a file with answered alone) as it is', () => {
    expect(measure({ ...emptySums(), answered: 40 }).answered).toBe(40)
  })

  it('adds sums field by field', () => {
    const a = { ...emptySums(), offered: 2, answered: 1, handleSecSum: 10, ahtAnswered: 1, slEligible: 2 }
    const b = { ...emptySums(), offered: 3, answered: 3, handleSecSum: 20, ahtAnswered: 3, abandonedOffered: 3 }
    expect(addSums(a, b)).toMatchObject({ offered: 5, answered: 4, handleSecSum: 30, ahtAnswered: 4, slEligible: 2, abandonedOffered: 3 })
  })
})

describe('meetsSlGoal', () => {
  it('meets a goal it reaches, also when rounding puts the ratio a hair below it', () => {
    expect(meetsSlGoal(0.8, 0.8)).toBe(true)
    expect(meetsSlGoal(0.95, 0.8)).toBe(true)
    // 1 − 0.9 is 0.09999999999999998 in binary floating point: the goal of 10% is met.
    expect(1 - 0.9).toBeLessThan(0.1)
    expect(meetsSlGoal(1 - 0.9, 0.1)).toBe(true)
  })

  it('misses a goal it falls short of by more than rounding', () => {
    expect(meetsSlGoal(0.799, 0.8)).toBe(false)
    expect(meetsSlGoal(0.8 - 1e-9, 0.8)).toBe(false)
    expect(meetsSlGoal(0, 0.8)).toBe(false)
  })
})
