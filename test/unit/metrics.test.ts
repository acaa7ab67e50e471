import { describe, expect, it } from 'vitest'
import { addSums, emptySums, measure } from '../../app/domain/metrics.ts'

describe('measure', () => {
  it('uses answered within threshold ÷ (offered − abandoned within threshold)', () => {
    // 100 offered, 10 abandoned of which 4 before the threshold, 70 answered in time.
    const m = measure({
      offered: 100,
      answered: 90,
      abandoned: 10,
      answeredWithinThreshold: 70,
      abandonedWithinThreshold: 4,
      handleSecSum: 90 * 300,
      answeredWaitSecSum: 90 * 12,
    })
    expect(m.serviceLevel).toBeCloseTo(70 / 96, 15)
    expect(m.abandonRate).toBe(0.1)
    expect(m.ahtSec).toBe(300)
    expect(m.asaSec).toBe(12)
  })

  it('gives null, not NaN, when nothing was offered or answered', () => {
    const m = measure(emptySums())
    expect(m).toEqual({ offered: 0, answered: 0, abandoned: 0, serviceLevel: null, abandonRate: null, ahtSec: null, asaSec: null })
    const allAbandonedEarly = measure({ ...emptySums(), offered: 3, abandoned: 3, abandonedWithinThreshold: 3 })
    expect(allAbandonedEarly.serviceLevel).toBeNull()
    expect(allAbandonedEarly.abandonRate).toBe(1)
    expect(allAbandonedEarly.ahtSec).toBeNull()
  })

  it('adds sums field by field', () => {
    const a = { ...emptySums(), offered: 2, answered: 1, handleSecSum: 10 }
    const b = { ...emptySums(), offered: 3, answered: 3, handleSecSum: 20 }
    expect(addSums(a, b)).toMatchObject({ offered: 5, answered: 4, handleSecSum: 30 })
  })
})
