// Special days the analyst tags: they are left out of training (a holiday is not a normal
// Thursday) and forecast as tagged: closed → 0; a holiday with no adjustment given → like the
// operation's Sunday; a holiday or event with an adjustment → the normal forecast × (1 + %); a day
// whose data is missing (an outage of the source) is only left out of training.
export const specialDayKinds = ['holiday', 'closed', 'event', 'missing'] as const
export type SpecialDayKind = (typeof specialDayKinds)[number]

export interface SpecialDay {
  /** Local date, "YYYY-MM-DD". */
  date: string
  kind: SpecialDayKind
  name: string
  /** Volume change in percent (−100 … +1000); null: a closed day, or a holiday forecast as a Sunday. */
  adjustPct: number | null
}

export type SpecialDayTreatment = { as: 'closed' } | { as: 'sunday' } | { as: 'scaled'; factor: number }

export function treatmentOf(day: SpecialDay): SpecialDayTreatment {
  if (day.kind === 'closed') return { as: 'closed' }
  if (day.kind === 'missing') return { as: 'scaled', factor: 1 }
  if (day.adjustPct === null) return day.kind === 'holiday' ? { as: 'sunday' } : { as: 'scaled', factor: 1 }
  return { as: 'scaled', factor: Math.max(0, 1 + day.adjustPct / 100) }
}
