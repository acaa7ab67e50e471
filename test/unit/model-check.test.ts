import { describe, expect, it } from 'vitest'
import { checkInterval, checkModel, isEligible, summarise, type IntervalActuals, type IntervalCheck } from '../../app/domain/model-check.ts'

// 100 contacts in 30 minutes at a TMA of 180 s: 10 Erlangs.
const interval: IntervalActuals = {
  offered: 100,
  answered: 92,
  abandoned: 8,
  answeredWithinThreshold: 70,
  abandonedWithinThreshold: 3,
  ahtSec: 180,
  agentsOnDuty: 16,
  intervalSec: 1800,
}
const erlangC = { model: 'erlangC' as const, thresholdSec: 20, patienceSec: null }
const erlangA = { model: 'erlangA' as const, thresholdSec: 20, patienceSec: 300 }

describe('checkInterval', () => {
  // References: test/reference/erlang_reference.py, model_check_extras() (mpmath, 60 digits).
  it('predicts at efficiency × agents on duty, fractional servers included (Erlang C)', () => {
    const whole = checkInterval(interval, erlangC, 0.75) // 12 servers
    expect(whole).toMatchObject({ servers: 12, traffic: 10, predictedAbandonRate: 0 })
    expect(whole.predictedServiceLevel).toBeCloseTo(0.64015804037400657413, 12)
    const fractional = checkInterval({ ...interval, agentsOnDuty: 15 }, erlangC, 0.9) // 13.5 servers
    expect(fractional.servers).toBeCloseTo(13.5, 14)
    expect(fractional.predictedServiceLevel).toBeCloseTo(0.84817240919445216622, 10)
  })

  it('predicts SL by decision 004 and abandonment under Erlang A', () => {
    const check = checkInterval(interval, erlangA, 0.75)
    expect(check.predictedServiceLevel).toBeCloseTo(0.78629441106210157375, 9)
    expect(check.predictedAbandonRate).toBeCloseTo(0.042711105698606903379, 10)
  })

  it('takes the actual SL as answered within T ÷ (offered − abandoned within T), and abandonment ÷ offered', () => {
    const check = checkInterval(interval, erlangC, 1)
    expect(check.actualServiceLevel).toBe(70 / 97)
    expect(check.actualAbandonRate).toBe(0.08)
  })

  it('leaves an actual unknown where its counts are not given', () => {
    const check = checkInterval({ ...interval, abandoned: null, abandonedWithinThreshold: null }, erlangC, 1)
    expect(check.actualServiceLevel).toBeNull()
    expect(check.actualAbandonRate).toBeNull()
  })

  it('gives an overloaded Erlang C interval SL 0 (every contact waits without end) and Erlang A a finite answer', () => {
    const overloaded = { ...interval, agentsOnDuty: 10 } // 10 Erlangs on 0.9 × 10 = 9 servers
    expect(checkInterval(overloaded, erlangC, 0.9)).toMatchObject({ predictedServiceLevel: 0, predictedAbandonRate: 0 })
    const a = checkInterval(overloaded, erlangA, 0.9)
    // Abandonment at least the excess load over what 9 servers carry: 1 − 9/10.
    expect(a.predictedAbandonRate).toBeGreaterThan(0.1)
    expect(a.predictedAbandonRate).toBeLessThan(1)
    expect(a.predictedServiceLevel).toBeGreaterThan(0)
  })

  it('counts a chat agent as concurrency servers, as the staffing engine does', () => {
    const chat = checkInterval({ ...interval, agentsOnDuty: 8 }, { ...erlangC, concurrency: 2 }, 0.75)
    expect(chat.servers).toBe(12)
    expect(chat.predictedServiceLevel).toBeCloseTo(0.64015804037400657413, 12)
  })

  it('refuses a bad efficiency, concurrency or a missing patience', () => {
    expect(() => checkInterval(interval, erlangC, 0)).toThrow(/efficiency must be a number in \(0, 1.5\]/)
    expect(() => checkInterval(interval, erlangC, 1.6)).toThrow(RangeError)
    expect(() => checkInterval(interval, erlangC, Number.NaN)).toThrow(RangeError)
    expect(() => checkInterval(interval, { ...erlangC, concurrency: 1.5 }, 1)).toThrow(/concurrency/)
    expect(() => checkInterval(interval, { ...erlangA, patienceSec: null }, 1)).toThrow(/patience/)
  })
})

describe('isEligible', () => {
  it('needs 60 offered and 20 answered per hour, scaled to the interval, a TMA and agents on duty', () => {
    const quarter = { ...interval, intervalSec: 900 }
    expect(isEligible({ ...quarter, offered: 15, answered: 5 })).toBe(true)
    expect(isEligible({ ...quarter, offered: 14.9, answered: 5 })).toBe(false)
    expect(isEligible({ ...quarter, offered: 15, answered: 4 })).toBe(false)
    expect(isEligible({ ...interval, offered: 29, answered: 29 })).toBe(false)
    expect(isEligible({ ...interval, answered: null })).toBe(false)
    expect(isEligible({ ...interval, ahtSec: null })).toBe(false)
    expect(isEligible({ ...interval, agentsOnDuty: null })).toBe(false)
    expect(isEligible({ ...interval, agentsOnDuty: 0 })).toBe(false)
    expect(isEligible({ ...interval, offered: 10, answered: 5 }, { minOfferedPerHour: 20, minAnsweredPerHour: 10 })).toBe(true)
  })
})

describe('summarise and checkModel', () => {
  const check = (predictedServiceLevel: number, actualServiceLevel: number | null, predictedAbandonRate: number, actualAbandonRate: number | null): IntervalCheck => ({
    servers: 1,
    traffic: 1,
    predictedServiceLevel,
    actualServiceLevel,
    predictedAbandonRate,
    actualAbandonRate,
  })

  it('gives MAE and bias (mean of predicted − actual) over the intervals where the measure is known', () => {
    // SL errors +0.1, −0.3 (the third unknown): MAE 0.2, bias −0.1. Abandonment errors +0.02, +0.04, −0.03.
    const s = summarise([check(0.9, 0.8, 0.05, 0.03), check(0.5, 0.8, 0.1, 0.06), check(0.7, null, 0.02, 0.05)])
    expect(s).toMatchObject({ intervals: 3, slIntervals: 2, abandonIntervals: 3 })
    expect(s.slMae).toBeCloseTo(0.2, 15)
    expect(s.slBias).toBeCloseTo(-0.1, 15)
    expect(s.abandonMae).toBeCloseTo(0.03, 15)
    expect(s.abandonBias).toBeCloseTo(0.01, 15)
    expect(summarise([])).toEqual({ intervals: 0, slIntervals: 0, abandonIntervals: 0, slMae: null, slBias: null, abandonMae: null, abandonBias: null })
  })

  it('checks the eligible intervals only, keeping the others in place as null', () => {
    const result = checkModel([interval, { ...interval, offered: 10, answered: 9 }], erlangC, 0.75)
    expect(result.checks[1]).toBeNull()
    expect(result.summary.intervals).toBe(1)
    expect(result.summary.slMae).toBeCloseTo(Math.abs(0.64015804037400657413 - 70 / 97), 12)
    expect(result.summary.abandonBias).toBeCloseTo(-0.08, 15)
  })
})
