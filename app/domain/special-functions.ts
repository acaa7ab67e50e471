// Special functions for the queueing formulas, in forms that stay accurate at tens of thousands
// of Erlangs: what could overflow is carried as a logarithm, and the Poisson probability uses
// the saddle-point form of Loader (2000, "Fast and accurate computation of binomial
// probabilities"), which never subtracts two huge logarithms.

const LN_SQRT_2PI = 0.5 * Math.log(2 * Math.PI)
const TINY = 1e-300

// Lanczos approximation, g = 7, n = 9: relative error ~1e-15 for x ≥ 0.5.
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
]

/** The Stirling series ln Γ(x) − [(x − ½) ln x − x + ½ ln 2π], accurate to double precision for x > 15. */
function stirlingSeries(x: number): number {
  const x2 = x * x
  return (1 / 12 - (1 / 360 - (1 / 1260 - (1 / 1680 - 1 / (1188 * x2)) / x2) / x2) / x2) / x
}

/** ln Γ(x) for x > 0. */
export function lnGamma(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) throw new RangeError(`lnGamma needs a finite x > 0 (got ${x})`)
  if (x > 15) return (x - 0.5) * Math.log(x) - x + LN_SQRT_2PI + stirlingSeries(x)
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x)
  const z = x - 1
  let sum = LANCZOS[0]!
  for (let i = 1; i < 9; i++) sum += LANCZOS[i]! / (z + i)
  const t = z + 7.5
  return LN_SQRT_2PI + (z + 0.5) * Math.log(t) - t + Math.log(sum)
}

/** ln(x!) − ln(√(2πx)·(x/e)^x), the error of Stirling's formula (x > 0). */
function stirlingError(x: number): number {
  if (x > 15) return stirlingSeries(x)
  return lnGamma(x + 1) - (x + 0.5) * Math.log(x) + x - LN_SQRT_2PI
}

/** x·ln(x/m) + m − x, computed without cancellation when x ≈ m (Loader's bd0). */
function deviance(x: number, m: number): number {
  if (Math.abs(x - m) < 0.1 * (x + m)) {
    const v = (x - m) / (x + m)
    let sum = (x - m) * v
    let term = 2 * x * v
    const v2 = v * v
    for (let j = 1; j < 1000; j++) {
      term *= v2
      const next = sum + term / (2 * j + 1)
      if (next === sum) return next
      sum = next
    }
    return sum
  }
  return x * Math.log(x / m) + m - x
}

/** ln of the Poisson probability m^x e^{−m} / Γ(x + 1), for real x ≥ 0 and m > 0. */
export function lnPoisson(x: number, m: number): number {
  if (x === 0) return -m
  return -stirlingError(x) - deviance(x, m) - 0.5 * Math.log(2 * Math.PI * x)
}

/**
 * G(a, z) = Σ_{k≥0} z^k / ((a+1)(a+2)…(a+k)) by its series, for z < a + 1 (terms fall from the
 * first). It links the incomplete gamma function to the Poisson probability:
 * P(a, z) = Poisson(a; z) · G(a, z).
 */
function gSeries(a: number, z: number): number {
  let sum = 1
  let term = 1
  // Terms fall like exp(−k²/2a) once past their peak: ~40·√a of them reach double precision.
  const limit = 1000 + 40 * Math.sqrt(a + z)
  for (let k = 1; k < limit; k++) {
    term *= z / (a + k)
    sum += term
    if (term < sum * 1e-17) return sum
  }
  throw new RangeError(`gSeries(${a}, ${z}) did not converge: outside the range the engine computes`)
}

/**
 * Continued fraction (modified Lentz) h(a, z) with Γ(a, z) = e^{−z} z^a · h, for z > a + 1 where
 * it converges fast.
 */
function upperGammaFraction(a: number, z: number): number {
  let b = z + 1 - a
  let c = 1 / TINY
  let d = 1 / b
  let h = d
  const limit = 1000 + 40 * Math.sqrt(a + z)
  for (let i = 1; i < limit; i++) {
    const an = -i * (i - a)
    b += 2
    d = an * d + b
    if (Math.abs(d) < TINY) d = TINY
    c = b + an / c
    if (Math.abs(c) < TINY) c = TINY
    d = 1 / d
    const delta = d * c
    h *= delta
    if (Math.abs(delta - 1) < 1e-16) return h
  }
  throw new RangeError(`upperGammaFraction(${a}, ${z}) did not converge: outside the range the engine computes`)
}

/** ln G(a, z) for a > 0, z ≥ 0 (see gSeries), finite even when G overflows. */
export function lnGSeries(a: number, z: number): number {
  if (z < a + 1) return Math.log(gSeries(a, z))
  // P = 1 − Q with Q = Γ(a, z)/Γ(a) = a · Poisson(a; z) · h, and G = P / Poisson(a; z).
  const lnPois = lnPoisson(a, z)
  const q = a * Math.exp(lnPois) * upperGammaFraction(a, z)
  return Math.log1p(-q) - lnPois
}

/**
 * Erlang B for a real number of servers x ≥ 0 (the standard continuous extension
 * B(x, A) = A^x e^{−A} / Γ(x + 1, A)); equal to the classical formula at whole x.
 */
export function erlangBContinuous(x: number, traffic: number): number {
  if (traffic === 0) return x === 0 ? 1 : 0
  if (x === 0) return 1
  if (traffic > x + 2) {
    // Γ(x + 1, A) = e^{−A} A^{x+1} h  ⇒  B = 1 / (A h).
    return 1 / (traffic * upperGammaFraction(x + 1, traffic))
  }
  // Γ(x + 1, A)/Γ(x + 1) = 1 − Poisson(x + 1; A) · G(x + 1, A), Poisson(x + 1; A) = Poisson(x; A)·A/(x + 1).
  const pois = Math.exp(lnPoisson(x, traffic))
  return pois / (1 - ((pois * traffic) / (x + 1)) * gSeries(x + 1, traffic))
}
