import { describe, expect, it } from 'vitest'
import { Random } from '../../app/domain/random.ts'

const sample = (n: number, draw: () => number) => Array.from({ length: n }, draw)
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length
const sd = (xs: number[]) => {
  const m = mean(xs)
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1))
}

describe('Random', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const a = new Random(1)
    const b = new Random(1)
    const c = new Random(2)
    const xs = sample(5, () => a.uniform())
    expect(sample(5, () => b.uniform())).toEqual(xs)
    expect(sample(5, () => c.uniform())).not.toEqual(xs)
  })

  it('draws uniforms in [0, 1)', () => {
    const r = new Random(3)
    const xs = sample(100_000, () => r.uniform())
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0)
    expect(Math.max(...xs)).toBeLessThan(1)
    expect(mean(xs)).toBeCloseTo(0.5, 2)
  })

  // Tolerances are about 5 standard errors for n = 200,000.
  it('draws exponentials with the requested mean', () => {
    const r = new Random(4)
    expect(mean(sample(200_000, () => r.exponential(180)))).toBeGreaterThan(178)
    expect(mean(sample(200_000, () => r.exponential(180)))).toBeLessThan(182)
    expect(r.exponential(Infinity)).toBe(Infinity)
  })

  it('draws log-normals with the requested mean and coefficient of variation', () => {
    const r = new Random(5)
    const xs = sample(200_000, () => r.logNormal(300, 0.7))
    expect(Math.abs(mean(xs) - 300)).toBeLessThan(3)
    expect(Math.abs(sd(xs) / mean(xs) - 0.7)).toBeLessThan(0.03)
  })

  it('draws standard normals', () => {
    const r = new Random(6)
    const xs = sample(200_000, () => r.normal())
    expect(Math.abs(mean(xs))).toBeLessThan(0.012)
    expect(Math.abs(sd(xs) - 1)).toBeLessThan(0.01)
  })
})
