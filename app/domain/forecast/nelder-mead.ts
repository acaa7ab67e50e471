// Nelder–Mead simplex minimisation (Nelder & Mead 1965; the adaptive coefficients of Gao & Han
// 2012 are not needed at the 4 dimensions used here). Used to fit smoothing constants, where the
// objective is cheap, smooth enough and has no gradient at hand. No npm package for this is
// maintained (fmin's last release was 2016), and it is 60 lines.

export interface Minimum {
  x: number[]
  value: number
  evaluations: number
}

export interface NelderMeadOptions {
  /** Initial simplex step per coordinate. */
  step?: number
  maxEvaluations?: number
  /** Stop when the simplex's values differ by less than this (absolute). */
  tolerance?: number
}

export function nelderMead(f: (x: number[]) => number, start: readonly number[], options: NelderMeadOptions = {}): Minimum {
  const { step = 0.5, maxEvaluations = 400, tolerance = 1e-10 } = options
  const n = start.length
  let evaluations = 0
  const value = (x: number[]) => {
    evaluations++
    const v = f(x)
    return Number.isNaN(v) ? Infinity : v
  }
  const simplex: { x: number[]; v: number }[] = [{ x: [...start], v: value([...start]) }]
  for (let i = 0; i < n; i++) {
    const x = [...start]
    x[i]! += step
    simplex.push({ x, v: value(x) })
  }
  const along = (from: number[], to: number[], t: number) => from.map((a, i) => a + t * (to[i]! - a))
  while (evaluations < maxEvaluations) {
    simplex.sort((a, b) => a.v - b.v)
    const best = simplex[0]!
    const worst = simplex[n]!
    if (Math.abs(worst.v - best.v) <= tolerance * (1 + Math.abs(best.v))) break
    const centroid = new Array<number>(n).fill(0)
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j]! += simplex[i]!.x[j]! / n
    const reflected = along(centroid, worst.x, -1)
    const vr = value(reflected)
    if (vr < best.v) {
      const expanded = along(centroid, worst.x, -2)
      const ve = value(expanded)
      simplex[n] = ve < vr ? { x: expanded, v: ve } : { x: reflected, v: vr }
    } else if (vr < simplex[n - 1]!.v) {
      simplex[n] = { x: reflected, v: vr }
    } else {
      const outside = vr < worst.v
      const contracted = along(centroid, outside ? reflected : worst.x, 0.5)
      const vc = value(contracted)
      if (vc < (outside ? vr : worst.v)) {
        simplex[n] = { x: contracted, v: vc }
      } else {
        for (let i = 1; i <= n; i++) {
          const x = along(best.x, simplex[i]!.x, 0.5)
          simplex[i] = { x, v: value(x) }
        }
      }
    }
  }
  simplex.sort((a, b) => a.v - b.v)
  return { x: simplex[0]!.x, value: simplex[0]!.v, evaluations }
}
