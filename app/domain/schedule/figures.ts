// Figures a schedule's page states, made so that none contradicts another: a coverage that reads
// 100% while an interval is short, or a bound above the cost it bounds.

/**
 * Coverage (0–1) to show as a percentage with `digits` decimals: rounded, except that a schedule
 * with any interval short never reads 100% — it reads the largest value below (99.9% for one
 * decimal) instead.
 */
export function shownCoverage(coverage: number, anyShort: boolean, digits: number): number {
  const scale = 10 ** (digits + 2)
  const rounded = Math.round(coverage * scale) / scale
  return anyShort && rounded >= 1 ? (scale - 1) / scale : rounded
}

/**
 * The LP bound and gap stated beside the cost they bound (paid hours plus the shortfall penalty).
 * The integer schedule is a solution of the relaxation, so its cost is never below the bound but
 * for the solver's tolerance: a bound a hair above the cost is the cost (gap 0, never negative).
 */
export function solverFigures(lpBound: number, objective: number): { lpBound: number; objective: number; gap: number } {
  const bound = Math.min(lpBound, objective)
  return { lpBound: bound, objective, gap: bound > 0 ? (objective - bound) / bound : 0 }
}

/**
 * HiGHS's MIP bound (the best bound its branch and bound proved, tighter than the LP's) stated
 * beside the cost, and the gap to the better of the two bounds. Like the LP bound, one a hair
 * above the cost is the cost; a missing one (HiGHS stopped before proving any) is null, and the
 * gap is then the LP's.
 */
export function boundFigures(lpBound: number, mipBound: number | null, objective: number): { mipBound: number | null; bestGap: number } {
  const mip = mipBound === null || !Number.isFinite(mipBound) ? null : Math.min(mipBound, objective)
  const best = Math.min(Math.max(lpBound, mip ?? -Infinity), objective)
  return { mipBound: mip, bestGap: best > 0 ? (objective - best) / best : 0 }
}
