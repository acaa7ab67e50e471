// The Audit page's words for an event: what it applied to ("Canal Voz") and its details as
// label: value lines in the reader's language — shares as percentages, seconds and minutes with
// their units, dates as the reader writes them, channels, agents and forecasts by name, a change
// as before → after. A field this file does not know still reads as "name: value", never JSON.
import type { TFunction } from 'i18next'
import { changedFields, type AuditNames } from '../domain/audit.ts'
import { formatClock } from '../domain/opening-hours.ts'
import { formatDay, formatInstant, formatThreshold, formatWeekday, numberFormat } from './format.ts'

export interface AuditContext {
  t: TFunction
  language: string
  /** The operation's: instants are shown in it, as the page's "When". */
  timeZone: string
  names: AuditNames
}

export interface AuditLine {
  /** Empty for details that are a bare value. */
  label: string
  text: string
}

/** What the event applied to, e.g. "Canal Voz", "Previsão nº 3"; the stored text when unknown. */
export function describeTarget(target: string | null, ctx: AuditContext): string {
  if (target === null) return '—'
  const { t, names } = ctx
  const match = /^([a-zA-Z]+):(.+)$/.exec(target)
  if (!match) return t(`audit.targets.${target}`, { defaultValue: target })
  const kind = match[1]!
  const ref = match[2]!
  const id = Number(ref)
  const numbered = t('audit.number', { id: ref })
  switch (kind) {
    case 'channel':
      return t('audit.targets.channel', { name: names.channels.find((c) => c.id === id)?.name ?? numbered })
    case 'user':
      return t('audit.targets.user', { name: names.users[id] ?? numbered })
    case 'agent':
      return t('audit.targets.agent', { name: names.agents[id] ?? numbered })
    case 'forecast':
      return t('audit.targets.forecast', { name: names.forecasts[id] ?? numbered })
    case 'day':
      return t('audit.targets.day', { name: isLocalDay(ref) ? formatDay(ref, ctx.language) : ref })
    case 'holidays':
    case 'schedule':
    case 'scenario':
    case 'import':
    case 'job':
      return t(`audit.targets.${kind}`, { name: kind === 'holidays' ? ref : numbered })
    default:
      return target
  }
}

/** The event's details as lines; a change ({ before, after }) as one "before → after" line per field that differs. */
export function describeDetails(details: unknown, ctx: AuditContext): AuditLine[] {
  if (details === null || details === undefined) return []
  if (!isRecord(details)) return [{ label: '', text: describeValue('', details, {}, ctx) }]
  if (isChange(details)) {
    // A change, and what else the event recorded beside it (a calibration's period and errors).
    const { before, after, ...context } = details
    const changed = changedFields(before, after)
    const lines = Object.keys(changed?.after ?? {}).map((field) => ({
      label: fieldLabel(field, ctx),
      text: `${describeValue(field, changed!.before[field], before, ctx)} → ${describeValue(field, changed!.after[field], after, ctx)}`,
    }))
    return [...lines, ...Object.entries(context).map(([field, value]) => ({ label: fieldLabel(field, ctx), text: describeValue(field, value, context, ctx) }))]
  }
  return Object.entries(details).map(([field, value]) => ({ label: fieldLabel(field, ctx), text: describeValue(field, value, details, ctx) }))
}

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value)

const isChange = (value: Record<string, unknown>): value is { before: Record<string, unknown>; after: Record<string, unknown> } =>
  isRecord(value.before) && isRecord(value.after)

const fieldLabel = (field: string, { t }: AuditContext) => t(`audit.fields.${field}`, { defaultValue: field })

const isLocalDay = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text)
const isInstant = (text: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text)

const number = (value: number, language: string) => numberFormat(language, { maximumFractionDigits: 2 }).format(value)

/** A percentage: `value` in percent (20 = 20%), signed for a change. */
const percent = (value: number, language: string, signed = false) =>
  numberFormat(language, { style: 'percent', maximumFractionDigits: 2, ...(signed ? { signDisplay: 'exceptZero' } : {}) }).format(value / 100)

type Describe = (value: unknown, ctx: AuditContext, siblings: Record<string, unknown>) => string | undefined

const share: Describe = (v, ctx) => (typeof v === 'number' ? percent(v * 100, ctx.language) : undefined)
const term: Describe = (v, { t }) => (typeof v === 'string' ? t(`audit.values.${v}`, { defaultValue: v }) : undefined)
const channelById = (id: unknown, ctx: AuditContext) =>
  id === null ? ctx.t('audit.values.allChannels') : ctx.names.channels.find((c) => c.id === id)?.name
const channelByKey = (key: unknown, ctx: AuditContext) =>
  key === null ? ctx.t('audit.values.allChannels') : ctx.names.channels.find((c) => c.key === key)?.name ?? (typeof key === 'string' ? key : undefined)
const numbered = (v: unknown, { t }: AuditContext) => (typeof v === 'number' ? t('audit.number', { id: v }) : undefined)
const named = (list: keyof Omit<AuditNames, 'channels'>): Describe => (v, ctx) =>
  typeof v === 'number' ? ctx.names[list][v] ?? numbered(v, ctx) : undefined

/** Fields by name; the naming conventions below cover the rest (…Sec, …Minutes, …Pct, …At, …Id). */
const fields: Record<string, Describe> = {
  slGoal: share,
  maxOccupancy: share,
  slMae: share,
  abandonMae: share,
  // As calibration stores it, to three decimals.
  efficiency: (v, ctx) => (typeof v === 'number' ? numberFormat(ctx.language, { maximumFractionDigits: 3 }).format(v) : undefined),
  shrinkage: share,
  kind: term,
  status: term,
  reason: (v, { t }) => (typeof v === 'string' ? t(`audit.reasons.${v}`, { defaultValue: v }) : undefined),
  staffingModel: term,
  role: (v, { t }) => (typeof v === 'string' ? t(`roles.${v}`, { defaultValue: v }) : undefined),
  method: (v, { t }) => (typeof v === 'string' ? t(`forecast.methods.${v}`, { defaultValue: v }) : undefined),
  active: (v, { t }) => (typeof v === 'boolean' ? t(v ? 'audit.values.active' : 'audit.values.inactive') : undefined),
  channelId: channelById,
  channelIds: (v, ctx) => (Array.isArray(v) ? v.map((id) => channelById(id, ctx) ?? numbered(id, ctx) ?? String(id)).join(', ') : undefined),
  channel: channelByKey,
  // An agent's channels (keys), or a scenario's changes by channel key.
  channels: (v, ctx) => {
    if (Array.isArray(v)) return v.length > 0 ? v.map((key) => channelByKey(key, ctx)).join(', ') : '—'
    return entries(v, (key, changes) => `${channelByKey(key, ctx)} (${describeValue('', changes, {}, ctx)})`, '; ')
  },
  // A scenario's volume change by local date.
  days: (v, ctx) =>
    entries(v, (day, pct) => `${isLocalDay(day) ? formatDay(day, ctx.language) : day}: ${typeof pct === 'number' ? percent(pct, ctx.language, true) : describeValue('', pct, {}, ctx)}`),
  forecastId: named('forecasts'),
  agentId: (v, ctx) => (v === null ? ctx.t('audit.values.openShift') : named('agents')(v, ctx, {})),
  week: (v, ctx) => (typeof v === 'number' ? number(v + 1, ctx.language) : undefined),
  // An override's amount: a percentage or a total, as its kind says.
  amount: (v, ctx, siblings) => (typeof v === 'number' && siblings.kind === 'percent' ? percent(v, ctx.language, true) : undefined),
  openingHours: (v, ctx) => (v === null ? ctx.t('audit.values.alwaysOpen') : weekHours(v, ctx)),
  // An agent's availability.
  availability: (v, ctx) => (v === null ? ctx.t('audit.values.anyTime') : weekHours(v, ctx, 'audit.values.notAvailable')),
  plannedAhtProfile: (v, ctx) => (v === null ? '—' : ahtProfile(v, ctx)),
  // The rules' shift types, or the names of an agent's contract types (none = every type).
  shiftTypes: (v, ctx) => {
    if (Array.isArray(v) && v.every((s) => typeof s === 'string')) return v.length > 0 ? v.join(', ') : ctx.t('audit.values.everyShiftType')
    return Array.isArray(v) && v.every(isShiftType) ? v.map((s) => shiftType(s, ctx)).join('; ') : undefined
  },
}

/** A map's entries as text ("—" when empty); undefined when `value` is not a map. */
function entries(value: unknown, text: (key: string, item: unknown) => string, separator = ', '): string | undefined {
  if (!isRecord(value)) return undefined
  const list = Object.entries(value)
  return list.length > 0 ? list.map(([key, item]) => text(key, item)).join(separator) : '—'
}

const signedPct = new Set(['volumePct', 'ahtPct', 'adjustPct'])

/** The conventions of the code's names, for fields not listed above. */
function byName(field: string, value: unknown, ctx: AuditContext): string | undefined {
  if (typeof value === 'number') {
    const { language, t } = ctx
    if (/(Sec|Seconds)$/.test(field)) return formatThreshold(value, language)
    if (/(Min|Minutes)$/.test(field)) return `${number(value, language)} min`
    if (/Hours$/.test(field)) return `${number(value, language)} h`
    if (/Days$/.test(field)) return t('audit.values.days', { count: value, n: number(value, language) })
    if (/Pct$/.test(field)) return percent(value, language, signedPct.has(field))
    if (/At$/.test(field)) return formatInstant(value, language, ctx.timeZone)
    if (/Id$/.test(field)) return numbered(value, ctx)
  }
  return undefined
}

/** One value: by its field's rule, else by its type (nested objects as "label: value, …"). */
function describeValue(field: string, value: unknown, siblings: Record<string, unknown>, ctx: AuditContext): string {
  const known = fields[field]?.(value, ctx, siblings) ?? byName(field, value, ctx)
  if (known !== undefined) return known
  if (value === null || value === undefined) return '—'
  if (typeof value === 'boolean') return ctx.t(value ? 'audit.values.yes' : 'audit.values.no')
  if (typeof value === 'number') return number(value, ctx.language)
  if (typeof value === 'string') {
    if (isLocalDay(value)) return formatDay(value, ctx.language)
    if (isInstant(value)) return formatInstant(Date.parse(value), ctx.language, ctx.timeZone)
    return value
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return '—'
    return value.map((item) => (isRecord(item) ? `(${describeValue(field, item, siblings, ctx)})` : describeValue(field, item, siblings, ctx))).join(', ')
  }
  if (isRecord(value)) return entries(value, (key, item) => `${fieldLabel(key, ctx)}: ${describeValue(key, item, value, ctx)}`)!
  return String(value)
}

/** A planned TMA profile (7 weekdays × 24 hours) as its set hours: "seg. 08:00 10:00, …". */
function ahtProfile(value: unknown, ctx: AuditContext): string | undefined {
  if (!Array.isArray(value) || value.length !== 7 || !value.every(Array.isArray)) return undefined
  const set: string[] = []
  for (const weekday of [1, 2, 3, 4, 5, 6, 0]) {
    ;(value[weekday] as unknown[]).forEach((seconds, hour) => {
      if (typeof seconds === 'number') set.push(`${formatWeekday(weekday, ctx.language)} ${formatClock(hour * 60)} ${formatThreshold(seconds, ctx.language)}`)
    })
  }
  return set.length > 0 ? set.join(', ') : '—'
}

/** Opening hours (or availability), Monday first, equal days together: "seg.–sex. 08:00–20:00, sáb. 08:00–14:00, dom. fechado". */
export function weekHours(value: unknown, ctx: Pick<AuditContext, 't' | 'language'>, offKey = 'audit.values.closed'): string | undefined {
  if (!Array.isArray(value) || value.length !== 7) return undefined
  const hours = (day: unknown) =>
    isRecord(day) && typeof day.open === 'number' && typeof day.close === 'number'
      ? `${formatClock(day.open)}–${formatClock(day.close)}`
      : ctx.t(offKey)
  const runs: Array<{ first: number; last: number; text: string }> = []
  for (const weekday of [1, 2, 3, 4, 5, 6, 0]) {
    const text = hours(value[weekday])
    const run = runs.at(-1)
    if (run && run.text === text) run.last = weekday
    else runs.push({ first: weekday, last: weekday, text })
  }
  const day = (weekday: number) => formatWeekday(weekday, ctx.language)
  return runs.map((r) => `${r.first === r.last ? day(r.first) : `${day(r.first)}–${day(r.last)}`} ${r.text}`).join(', ')
}

interface ShiftType {
  name: string
  lengthMinutes: number
  breaks?: Array<{ name: string; lengthMinutes: number; earliestAfterStartMinutes: number; latestAfterStartMinutes: number; paid: boolean }>
}

const isShiftType = (v: unknown): v is ShiftType =>
  isRecord(v) &&
  typeof v.name === 'string' &&
  typeof v.lengthMinutes === 'number' &&
  (v.breaks === undefined ||
    (Array.isArray(v.breaks) &&
      v.breaks.every((b) => isRecord(b) && typeof b.name === 'string' && typeof b.lengthMinutes === 'number' && typeof b.paid === 'boolean')))

/** "6h20 6:20 (pausa 1: 10 min, from minute 60 to 120, paid; …)". */
function shiftType(shift: ShiftType, { t }: AuditContext): string {
  const length = `${Math.floor(shift.lengthMinutes / 60)}:${String(shift.lengthMinutes % 60).padStart(2, '0')}`
  const breaks = (shift.breaks ?? []).map((b) =>
    t(b.paid ? 'audit.values.paidBreak' : 'audit.values.unpaidBreak', {
      name: b.name,
      length: b.lengthMinutes,
      from: b.earliestAfterStartMinutes,
      to: b.latestAfterStartMinutes,
    }),
  )
  return `${shift.name} ${length}${breaks.length > 0 ? ` (${breaks.join('; ')})` : ''}`
}
