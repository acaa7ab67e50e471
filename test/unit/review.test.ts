// The Review's arithmetic on hand-made intervals: variance, attainment, FCR and NPS, the heatmap
// and the worst intervals' ranking and signals.
import { describe, expect, it } from 'vitest'
import { emptySums } from '../../app/domain/metrics.ts'
import {
  ahtAccuracy,
  attainment,
  emptyQuality,
  intervalAttainment,
  quality,
  summary,
  variance,
  varianceHeatmap,
  volumeAccuracy,
  worstIntervals,
  type ReviewInterval,
} from '../../app/domain/review.ts'

function interval(
  over: Partial<ReviewInterval> & { offered: number; within: number; answered?: number; abandoned?: number },
): ReviewInterval {
  const { offered, within, answered = offered, abandoned = 0, ...rest } = over
  return {
    start: 0,
    channel: 'voz',
    day: '2026-11-30',
    weekday: 1,
    hour: 9,
    week: '2026-11-30',
    month: '2026-11',
    slGoal: 0.8,
    forecastOffered: null,
    forecastAhtSec: null,
    plannedAgents: null,
    predictedAbandonRate: null,
    agentsStaffed: null,
    ...rest,
    actual: {
      ...emptySums(),
      ...emptyQuality(),
      offered,
      answered,
      abandoned,
      answeredWithinThreshold: within,
      handleSecSum: answered * 300,
      // Every measure known, as contacts give them.
      answeredOffered: offered,
      abandonedOffered: offered,
      slEligible: offered,
      ahtAnswered: answered,
      asaAnswered: answered,
    },
  }
}

describe('variance and accuracy', () => {
  it('is (forecast − actual) ÷ actual, null with nothing offered', () => {
    expect(variance(110, 100)).toBeCloseTo(0.1, 12)
    expect(variance(90, 100)).toBeCloseTo(-0.1, 12)
    expect(variance(5, 0)).toBeNull()
  })

  it('compares only the intervals the forecast covers', () => {
    const a = volumeAccuracy([interval({ offered: 100, within: 0, forecastOffered: 90 }), interval({ offered: 50, within: 0 })])
    expect(a.intervals).toBe(1)
    expect(a.wape).toBeCloseTo(0.1, 12)
    expect(volumeAccuracy([]).wape).toBeNull()
  })
})

describe('attainment', () => {
  it('pools each group per channel and leaves out groups with nothing to measure; exactly at the goal counts as met', () => {
    const list = [
      interval({ start: 1, offered: 10, within: 8 }), // 80% = goal: met
      interval({ start: 2, offered: 10, within: 7 }), // 70%: missed
      interval({ start: 3, offered: 0, within: 0 }), // nothing offered: not measured
      interval({ start: 1, channel: 'chat', slGoal: 0.9, offered: 10, within: 10 }),
    ]
    expect(attainment(list, (i) => String(i.start))).toEqual({ met: 2, measured: 3, share: 2 / 3 })
    // One day per channel: voz (8 + 7) ÷ 20 = 75% missed, chat met.
    expect(attainment(list, (i) => i.day)).toEqual({ met: 1, measured: 2, share: 0.5 })
    expect(attainment([], (i) => i.day)).toEqual({ met: 0, measured: 0, share: null })
  })
})

describe('intervals known only in part (interval files without every column)', () => {
  // 40 contacts offered with no outcome given: they weigh nothing in any measure.
  const volumeOnly = (over: Partial<ReviewInterval> = {}): ReviewInterval => {
    const i = interval({ offered: 40, within: 0, forecastOffered: 50, forecastAhtSec: 300, ...over })
    return { ...i, actual: { ...emptySums(), ...emptyQuality(), offered: 40 } }
  }

  it('leave attainment to the intervals with a service level', () => {
    const measured = interval({ start: 1, offered: 10, within: 9 })
    expect(intervalAttainment([measured, volumeOnly({ start: 2 })])).toEqual({ met: 1, measured: 1, share: 1 })
    expect(attainment([measured, volumeOnly({ start: 1 })], (i) => i.day)).toEqual({ met: 1, measured: 1, share: 1 })
  })

  it('count their volume but not a TMA they do not have', () => {
    const timed = interval({ offered: 10, within: 10, forecastOffered: 10, forecastAhtSec: 330 }) // TMA 300 over 10
    expect(volumeAccuracy([timed, volumeOnly()])).toMatchObject({ actualTotal: 50, forecastTotal: 60 })
    expect(ahtAccuracy([timed, volumeOnly()])).toMatchObject({ intervals: 1, actualTotal: 3000, forecastTotal: 3300 })
  })

  it('are never among the worst intervals, and a summary says what is unknown', () => {
    expect(worstIntervals([volumeOnly()])).toEqual([])
    expect(summary('x', [volumeOnly()])).toMatchObject({ offered: 40, answered: null, serviceLevel: null, abandonRate: null, ahtSec: null })
  })
})

describe('FCR and NPS', () => {
  it('NPS counts promoters (9–10) minus detractors (0–6) in points; null without answers', () => {
    expect(quality({ fcrCount: 4, fcrResolved: 3, npsCount: 10, npsPromoters: 6, npsDetractors: 1 })).toEqual({ fcrRate: 0.75, nps: 50 })
    expect(quality({ fcrCount: 2, fcrResolved: 0, npsCount: 3, npsPromoters: 0, npsDetractors: 3 })).toEqual({ fcrRate: 0, nps: -100 })
    expect(quality(emptyQuality())).toEqual({ fcrRate: null, nps: null })
  })
})

describe('the variance heatmap', () => {
  it('sums forecast and actual per weekday × hour before dividing', () => {
    const map = varianceHeatmap([
      interval({ offered: 100, within: 0, forecastOffered: 120 }),
      interval({ offered: 100, within: 0, forecastOffered: 100 }),
      interval({ weekday: 0, hour: 23, offered: 0, within: 0, forecastOffered: 4 }),
    ])
    expect(map[1]![9]).toBeCloseTo(0.1, 12)
    expect(map[0]![23]).toBeNull()
    expect(map.flat().filter((x) => x !== null)).toHaveLength(1)
  })
})

describe('the worst intervals', () => {
  it('ranks by contacts short of the goal, not by the SL alone, and names no cause when none applies', () => {
    const small = interval({ start: 1, offered: 10, within: 2 }) // 20%: (0.8 − 0.2) × 10 = 6 short
    const big = interval({ start: 2, offered: 100, within: 60 }) // 60%: 0.2 × 100 = 20 short
    const met = interval({ start: 3, offered: 100, within: 90 })
    const worst = worstIntervals([small, big, met])
    expect(worst.map((w) => w.interval.start)).toEqual([2, 1])
    expect(worst[0]!.shortfall).toBeCloseTo(20, 12)
    expect(worst[0]!.signals).toEqual([])
    expect(worstIntervals([small, big], 1)).toHaveLength(1)
  })

  it('needs a few contacts above the forecast before blaming volume, and fewer agents than 95% of the plan', () => {
    const quiet = interval({ start: 1, offered: 4, within: 1, forecastOffered: 2 }) // +100% but only 2 contacts
    const busy = interval({ start: 2, offered: 30, within: 10, forecastOffered: 20, agentsStaffed: 9.4, plannedAgents: 10 })
    const [first, second] = worstIntervals([quiet, busy])
    expect(first!.interval.start).toBe(2)
    expect(first!.signals).toEqual(['volumeAbove', 'understaffed'])
    expect(second!.signals).toEqual([])
  })
})
