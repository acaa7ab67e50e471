import { describe, expect, it } from 'vitest'
import { exponentialSurvival, kaplanMeier } from '../../app/domain/kaplan-meier.ts'
import { estimatePatience } from '../../app/domain/patience.ts'

describe('kaplanMeier', () => {
  it('matches the hand computation of a small case with a tie of events and a censoring', () => {
    // Abandoned after 2, 5, 5, 9 s (events); answered after 1, 5, 7, 12 s (censored).
    // Sorted: 1c 2e 5e 5e 5c 7c 9e 12c, 8 contacts.
    //   t = 2: at risk 7 (all but the one answered at 1), 1 event → S = 6/7
    //   t = 5: at risk 6 (5, 5, 5c, 7c, 9, 12c: the answered at 5 still counts), 2 events → S = 6/7 · 4/6 = 4/7
    //   t = 9: at risk 2 (9, 12c), 1 event → S = 4/7 · 1/2 = 2/7
    // Median: the first S ≤ 1/2 is at 9 s. Restricted mean to the longest wait, 12 s:
    //   1·2 + 6/7·(5 − 2) + 4/7·(9 − 5) + 2/7·(12 − 9) = 2 + 18/7 + 16/7 + 6/7 = 54/7.
    // scipy.stats.ecdf(CensoredData(uncensored=[2,5,5,9], right=[1,5,7,12])) agrees (scipy 1.17).
    const km = kaplanMeier({ abandonedWaitsSec: [5, 2, 9, 5], answeredWaitsSec: [12, 1, 7, 5] })
    expect(km.steps).toHaveLength(3)
    expect(km.steps.map((s) => [s.timeSec, s.atRisk, s.events])).toEqual([
      [2, 7, 1],
      [5, 6, 2],
      [9, 2, 1],
    ])
    expect(km.steps[0]!.survival).toBeCloseTo(6 / 7, 14)
    expect(km.steps[1]!.survival).toBeCloseTo(4 / 7, 14)
    expect(km.steps[2]!.survival).toBeCloseTo(2 / 7, 14)
    expect(km).toMatchObject({ abandoned: 4, answered: 4, medianSec: 9, horizonSec: 12 })
    expect(km.restrictedMeanSec).toBeCloseTo(54 / 7, 12)
  })

  it('agrees with scipy.stats.ecdf on a case with ties at several times and a wait of 0', () => {
    // scipy 1.17: ecdf(CensoredData(uncensored=ab, right=an)).sf; restricted mean by summing the
    // step function's rectangles to 40 s.
    const km = kaplanMeier({ abandonedWaitsSec: [3, 3, 7, 10, 10, 10, 15, 22, 30], answeredWaitsSec: [0, 3, 5, 10, 12, 20, 20, 40] })
    const scipy: [number, number][] = [
      [3, 0.875],
      [7, 0.8020833333333333],
      [10, 0.5833333333333333],
      [15, 0.48611111111111105],
      [22, 0.324074074074074],
      [30, 0.162037037037037],
    ]
    expect(km.steps.map((s) => s.timeSec)).toEqual(scipy.map(([t]) => t))
    km.steps.forEach((s, i) => expect(s.survival).toBeCloseTo(scipy[i]![1], 13))
    expect(km.medianSec).toBe(15)
    expect(km.restrictedMeanSec).toBeCloseTo(19.438657407407405, 11)
  })

  it('stays at 1 without abandonment, reaches 0 when everyone abandoned, and is empty without contacts', () => {
    const none = kaplanMeier({ abandonedWaitsSec: [], answeredWaitsSec: [4, 8] })
    expect(none).toMatchObject({ steps: [], medianSec: null, restrictedMeanSec: 8, horizonSec: 8 })
    const all = kaplanMeier({ abandonedWaitsSec: [10, 20, 20, 40], answeredWaitsSec: [] })
    expect(all.steps.map((s) => [s.timeSec, s.survival])).toEqual([
      [10, 0.75],
      [20, 0.25],
      [40, 0],
    ])
    // With no censoring the restricted mean is the plain mean wait: (10 + 20 + 20 + 40) / 4.
    expect(all.restrictedMeanSec).toBeCloseTo(22.5, 12)
    expect(all.medianSec).toBe(20)
    expect(kaplanMeier({ abandonedWaitsSec: [], answeredWaitsSec: [] })).toEqual({
      steps: [],
      abandoned: 0,
      answered: 0,
      medianSec: null,
      restrictedMeanSec: null,
      horizonSec: null,
    })
  })

  it('refuses waits that are negative or not finite', () => {
    expect(() => kaplanMeier({ abandonedWaitsSec: [-1], answeredWaitsSec: [] })).toThrow(RangeError)
    expect(() => kaplanMeier({ abandonedWaitsSec: [], answeredWaitsSec: [Number.NaN] })).toThrow(/answeredWaitsSec/)
  })

  it('gives the exponential fit of the same waits beside it', () => {
    // Mean patience of the small case: total wait (2+5+5+9) + (1+5+7+12) = 46 s over 4 abandoned.
    const mean = estimatePatience({ abandoned: 4, abandonedWaitSec: 21, answeredWaitSec: 25, offered: 8 }).patienceSec!
    expect(mean).toBe(11.5)
    expect(exponentialSurvival(mean, 0)).toBe(1)
    expect(exponentialSurvival(mean, 11.5)).toBeCloseTo(Math.exp(-1), 15)
    expect(() => exponentialSurvival(0, 1)).toThrow(RangeError)
  })
})
