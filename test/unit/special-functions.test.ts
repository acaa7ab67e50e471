import { describe, expect, it } from 'vitest'
import { lnGSeries, lnGamma, lnPoisson } from '../../app/domain/special-functions.ts'

describe('special functions', () => {
  it('computes ln Γ on both sides of the Stirling switch (mpmath values)', () => {
    expect(lnGamma(0.5)).toBeCloseTo(0.57236494292470008707, 14)
    expect(lnGamma(10)).toBeCloseTo(Math.log(362_880), 13)
    expect(lnGamma(20)).toBeCloseTo(39.339884187199494036, 12)
    expect(Math.abs(lnGamma(100) / 359.13420536957539878 - 1)).toBeLessThan(1e-15)
    expect(() => lnGamma(0)).toThrow(RangeError)
  })

  it('computes Poisson probabilities without overflow', () => {
    expect(Math.exp(lnPoisson(3, 2))).toBeCloseTo((8 * Math.exp(-2)) / 6, 15)
    // mpmath: ln P(X = 50000 | λ = 50000) = 50000·ln 50000 − 50000 − lnΓ(50001) = -6.3288293420764809416
    expect(lnPoisson(50_000, 50_000)).toBeCloseTo(-6.3288293420764809416, 11)
    expect(lnPoisson(0, 4)).toBe(-4)
  })

  it('sums G(a, z) by series below a + 1 and by continued fraction above, agreeing at the seam', () => {
    // G(a, z) = Σ z^k / ((a+1)…(a+k)); at z = a + 1 both branches are valid.
    const direct = (a: number, z: number) => {
      let sum = 1
      let term = 1
      for (let k = 1; k < 10_000; k++) {
        term *= z / (a + k)
        sum += term
      }
      return Math.log(sum)
    }
    expect(lnGSeries(10, 10.999)).toBeCloseTo(direct(10, 10.999), 12)
    expect(lnGSeries(10, 11.001)).toBeCloseTo(direct(10, 11.001), 12)
    expect(lnGSeries(50, 400)).toBeCloseTo(direct(50, 400), 9)
    expect(Number.isFinite(lnGSeries(1000, 100_000))).toBe(true)
  })
})
