// The rules a shift breaks, in the reader's language (decision 011).
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { formatClock } from '../../domain/opening-hours.ts'
import type { ShiftViolation } from '../../domain/schedule/violations.ts'
import { formatDecimal, formatDuration, formatInteger } from '../../utils/format.ts'

/** What an edit's answer shows: the rules the shift breaks (saved anyway, or the refusal's reasons). */
export type Broken = { violations: ShiftViolation[] }

/** A broken rule in the reader's language. */
export function violationText(t: TFunction, language: string, v: ShiftViolation, shift: { type: string }, channelNames: Readonly<Record<string, string>>): string {
  const key = `schedules.violations.${v.rule}`
  switch (v.rule) {
    case 'shiftType':
      return t(key, { type: shift.type })
    case 'length':
      return t(key, { minutes: formatInteger(v.minutes, language), expected: formatInteger(v.expectedMin, language) })
    case 'break':
      return t(key, { name: v.name, length: v.lengthMin, from: formatClock(v.from), to: formatClock(v.to), every: v.everyMin })
    case 'startTime':
      return t(key, { earliest: formatClock(v.earliest), latest: formatClock(v.latest), every: v.everyMin })
    case 'openingHours':
      return t(key, { open: formatClock(v.open), close: formatClock(v.close) })
    case 'channel':
      return t(key, { channel: v.missing.map((k) => channelNames[k] ?? k).join(', ') })
    case 'workDays':
      return t(key, { days: v.days, max: v.maxDays })
    case 'rest':
      return t(key, { rest: formatDuration(v.restMin * 60, language), min: formatDuration(v.minRestMin * 60, language) })
    case 'contract':
      return t(key, { hours: formatDecimal(v.hours, language, 1), weekly: formatDecimal(v.weeklyHours, language, 1) })
    case 'availability':
      return v.open === null || v.close === null ? t(`${key}Day`) : t(key, { open: formatClock(v.open), close: formatClock(v.close) })
    case 'contractShiftType':
      return t(key, { type: shift.type, types: v.allowed.join(', ') })
    case 'startTolerance':
      return t(key, { anchor: formatClock(v.anchor), tolerance: v.toleranceMin })
    default:
      return t(key)
  }
}

/** The rules a shift breaks, listed. */
export function Violations({ shift, violations, channelNames }: { shift: { type: string }; violations: ShiftViolation[]; channelNames: Readonly<Record<string, string>> }) {
  const { t, i18n } = useTranslation()
  return (
    <ul className="violations">
      {violations.map((v, k) => (
        <li key={k}>{violationText(t, i18n.language, v, shift, channelNames)}</li>
      ))}
    </ul>
  )
}
