// The TMA a channel is planned with when its forecast has none (history with volume only, a new
// channel): one value, optionally refined per weekday × hour. Typed in Settings as lines of
// "weekday,hour,seconds" (or pasted from a file); what a profile leaves out falls back to the value.

/** Per weekday (0 = Sunday) × local hour (0–23): seconds, or null where the flat value applies. */
export type AhtProfile = ReadonlyArray<ReadonlyArray<number | null>>

export interface PlannedAht {
  /** Seconds; null = none (the profile alone, where it has a value). */
  ahtSec: number | null
  profile: AhtProfile | null
}

/** TMA no planned value may exceed: a day. */
export const MAX_PLANNED_AHT_SEC = 86_400

/** The planned TMA of a local weekday and minute of the day, or null when none is planned. */
export function plannedAhtAt(planned: PlannedAht, weekday: number, minute: number): number | null {
  return planned.profile?.[weekday]?.[Math.floor(minute / 60)] ?? planned.ahtSec
}

export const hasPlannedAht = (planned: PlannedAht): boolean =>
  planned.ahtSec !== null || (planned.profile?.some((day) => day.some((s) => s !== null)) ?? false)

// Weekday names as people type them (pt-BR and English, with or without accents), and 0–6.
const weekdayNames: Record<string, number> = {
  dom: 0, domingo: 0, sun: 0, sunday: 0,
  seg: 1, segunda: 1, 'segunda-feira': 1, mon: 1, monday: 1,
  ter: 2, terca: 2, 'terca-feira': 2, tue: 2, tuesday: 2,
  qua: 3, quarta: 3, 'quarta-feira': 3, wed: 3, wednesday: 3,
  qui: 4, quinta: 4, 'quinta-feira': 4, thu: 4, thursday: 4,
  sex: 5, sexta: 5, 'sexta-feira': 5, fri: 5, friday: 5,
  sab: 6, sabado: 6, sat: 6, saturday: 6,
}

/** A weekday as people type it ("seg", "sábado", "Mon", 0–6; 0 = Sunday); undefined when not one. */
export function parseWeekday(text: string): number | undefined {
  return /^[0-6]$/.test(text) ? Number(text) : weekdayNames[plain(text).replace(/\.$/, '')]
}

const plain = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()

export type ProfileProblem =
  | { line: number; reason: 'columns' | 'weekday' | 'hour' | 'seconds'; value: string }
  | { line: number; reason: 'repeated'; value: string }

/**
 * Reads a profile typed or pasted as lines "weekday,hour,seconds" (`;` or tab also separate;
 * weekday 0–6 from Sunday or its name; hour 0–23 or "HH:00"; seconds > 0, decimal comma allowed).
 * A header line and blank lines are skipped. Null profile for empty text.
 */
export function parseAhtProfile(text: string): { profile: AhtProfile | null; problems: ProfileProblem[] } {
  const cells: (number | null)[][] = Array.from({ length: 7 }, () => new Array<number | null>(24).fill(null))
  const problems: ProfileProblem[] = []
  let any = false
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1
    const trimmed = raw.trim()
    if (trimmed === '') return
    // A line with ; or tab keeps its commas for decimals.
    const parts = trimmed.split(/[;\t]/.test(trimmed) ? /[;\t]/ : ',').map((p) => p.trim())
    if (index === 0 && parts.length === 3 && !/\d/.test(parts[1]!)) return // a header
    if (parts.length !== 3) return void problems.push({ line, reason: 'columns', value: trimmed })
    const [dayText, hourText, secondsText] = parts as [string, string, string]
    const weekday = parseWeekday(dayText)
    if (weekday === undefined) return void problems.push({ line, reason: 'weekday', value: dayText })
    const hourMatch = /^(\d{1,2})(?::00)?h?$/.exec(hourText)
    const hour = hourMatch ? Number(hourMatch[1]) : NaN
    if (!(hour >= 0 && hour <= 23)) return void problems.push({ line, reason: 'hour', value: hourText })
    const seconds = /^\d+([.,]\d+)?$/.test(secondsText) ? Number(secondsText.replace(',', '.')) : NaN
    if (!(seconds > 0 && seconds <= MAX_PLANNED_AHT_SEC)) return void problems.push({ line, reason: 'seconds', value: secondsText })
    if (cells[weekday]![hour] !== null) return void problems.push({ line, reason: 'repeated', value: `${dayText},${hourText}` })
    cells[weekday]![hour] = seconds
    any = true
  })
  return { profile: any && problems.length === 0 ? cells : null, problems }
}

/** The profile as the lines parseAhtProfile reads (weekday 0–6, hour, seconds), in week order. */
export function formatAhtProfile(profile: AhtProfile | null): string {
  if (!profile) return ''
  const lines: string[] = []
  profile.forEach((hours, weekday) =>
    hours.forEach((seconds, hour) => {
      if (seconds !== null) lines.push(`${weekday},${String(hour).padStart(2, '0')},${seconds}`)
    }),
  )
  return lines.join('\n')
}

/** Checks a stored profile's shape (7 × 24 of positive seconds or null). */
export function checkAhtProfile(profile: unknown): AhtProfile {
  const ok =
    Array.isArray(profile) &&
    profile.length === 7 &&
    profile.every(
      (day) =>
        Array.isArray(day) &&
        day.length === 24 &&
        day.every((s) => s === null || (typeof s === 'number' && s > 0 && s <= MAX_PLANNED_AHT_SEC)),
    )
  if (!ok) throw new RangeError('a TMA profile needs 7 weekdays × 24 hours of seconds (or null)')
  return profile as AhtProfile
}
