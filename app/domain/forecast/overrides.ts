// The analyst's corrections on top of a forecast. The model's values are never changed: the
// adjusted volume is recomputed from them by replaying the overrides in the order they were made,
// so removing one restores exactly what the others give.
export const overrideKinds = ['percent', 'value'] as const
export type OverrideKind = (typeof overrideKinds)[number]

export interface ForecastOverride {
  /** The channel it applies to; null = every channel of the forecast. */
  channelKey: string | null
  /** [start, end) as UTC epoch ms: a local day or an interval range. */
  start: number
  end: number
  /** percent: × (1 + amount/100); value: the range's total becomes `amount`, shaped like the forecast. */
  kind: OverrideKind
  amount: number
}

export interface ForecastPoint {
  channelKey: string
  /** Interval start, UTC epoch ms. */
  start: number
  offered: number
}

export function checkOverride(o: ForecastOverride): void {
  if (!(o.end > o.start)) throw new RangeError('an override must end after it starts')
  if (!Number.isFinite(o.amount)) throw new RangeError('an override needs a number')
  if (o.kind === 'percent' && o.amount < -100) throw new RangeError('a percentage below −100% would make volume negative')
  if (o.kind === 'value' && o.amount < 0) throw new RangeError('a volume cannot be negative')
}

/** The adjusted offered volume of each point, in the points' order. */
export function applyOverrides(points: readonly ForecastPoint[], overrides: readonly ForecastOverride[]): Float64Array {
  const adjusted = Float64Array.from(points, (p) => p.offered)
  for (const o of overrides) {
    checkOverride(o)
    const hit: number[] = []
    points.forEach((p, i) => {
      if (p.start >= o.start && p.start < o.end && (o.channelKey === null || o.channelKey === p.channelKey)) hit.push(i)
    })
    if (o.kind === 'percent') {
      for (const i of hit) adjusted[i]! *= 1 + o.amount / 100
    } else if (hit.length > 0) {
      const total = hit.reduce((sum, i) => sum + adjusted[i]!, 0)
      for (const i of hit) adjusted[i] = total > 0 ? (o.amount * adjusted[i]!) / total : o.amount / hit.length
    }
  }
  return adjusted
}
