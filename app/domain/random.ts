// Seeded random variates for simulations (demo data, queue checks). The generator is
// pure-rand's xoroshiro128+; the variates are drawn by inversion or Box–Muller so a seed
// always gives the same sequence on every platform.
import { xoroshiro128plus } from 'pure-rand'
import type { RandomGenerator } from 'pure-rand'

export class Random {
  readonly #rng: RandomGenerator
  #spareNormal: number | undefined

  constructor(seed: number) {
    // pure-rand seeds xoroshiro128+ with the bare seed (state −1, ~seed, seed, 0): the first
    // outputs are then nearly the same for nearby seeds (1.0000, 0.997, 0.11… for seeds 1, 2, 3),
    // which correlates "independent" runs. The state is drawn from SplitMix32 instead, the mixing
    // the xoroshiro authors recommend for seeding.
    const next = splitMix32(seed)
    this.#rng = xoroshiro128plus.fromState([next(), next(), next(), next()])
  }

  /** Uniform on [0, 1) with 53 random bits. */
  uniform(): number {
    const high = this.#rng.unsafeNext() >>> 5 // 27 bits
    const low = this.#rng.unsafeNext() >>> 6 // 26 bits
    return (high * 67108864 + low) / 9007199254740992
  }

  /** Uniform on (0, 1]: safe inside a logarithm. */
  #uniformPositive(): number {
    return 1 - this.uniform()
  }

  /** Exponential with the given mean (Infinity gives Infinity). */
  exponential(mean: number): number {
    if (mean === Infinity) return Infinity
    return -mean * Math.log(this.#uniformPositive())
  }

  /** Standard normal (Box–Muller, both values used). */
  normal(): number {
    if (this.#spareNormal !== undefined) {
      const z = this.#spareNormal
      this.#spareNormal = undefined
      return z
    }
    const r = Math.sqrt(-2 * Math.log(this.#uniformPositive()))
    const theta = 2 * Math.PI * this.uniform()
    this.#spareNormal = r * Math.sin(theta)
    return r * Math.cos(theta)
  }

  /** Log-normal with the given mean and coefficient of variation (sd / mean). */
  logNormal(mean: number, cv: number): number {
    const sigma2 = Math.log(1 + cv * cv)
    const mu = Math.log(mean) - sigma2 / 2
    return Math.exp(mu + Math.sqrt(sigma2) * this.normal())
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.uniform() < p
  }
}

/** SplitMix32 (a 32-bit variant of Steele, Lea & Flood's SplitMix): well-mixed words from a seed. */
function splitMix32(seed: number): () => number {
  let state = seed | 0
  return () => {
    state = (state + 0x9e3779b9) | 0
    let t = state ^ (state >>> 16)
    t = Math.imul(t, 0x21f0aaad)
    t ^= t >>> 15
    t = Math.imul(t, 0x735a2d97)
    return (t ^ (t >>> 15)) | 0
  }
}
