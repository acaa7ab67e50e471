import { useTranslation } from 'react-i18next'
import { ALWAYS_OPEN, formatClock, type WeekHours } from '../domain/opening-hours.ts'
import { formatWeekday } from '../utils/format.ts'

/**
 * Seven rows of from–to times (fields open0…close6, Sunday = 0), Monday first as planners read a
 * week; both empty = not that day. A channel's opening hours and an agent's availability.
 */
export function WeekHoursFields({
  hours,
  values,
  error,
  legend,
  help,
  fromLabel,
  toLabel,
}: {
  /** Stored hours; null = every day 00:00–24:00. */
  hours: WeekHours | null
  /** The refused form's values, shown as typed. */
  values: Record<string, string | string[]> | null
  /** i18n key of the error, if any. */
  error: string | undefined
  legend: string
  help: string
  fromLabel: string
  toLabel: string
}) {
  const { t, i18n } = useTranslation()
  const week = hours ?? ALWAYS_OPEN
  const order = [1, 2, 3, 4, 5, 6, 0]
  const dayName = (d: number) => formatWeekday(d, i18n.language)
  const typed = (name: string) => {
    const v = values?.[name]
    return typeof v === 'string' ? v : ''
  }
  return (
    <fieldset className="hours">
      <legend>{legend}</legend>
      {order.map((d) => {
        const day = week[d] ?? null
        return (
          <div key={d} className="hours-row">
            <span>{dayName(d)}</span>
            <input
              name={`open${d}`}
              aria-label={`${dayName(d)} ${fromLabel}`}
              defaultValue={values ? typed(`open${d}`) : day ? formatClock(day.open) : ''}
              size={5}
              placeholder="--:--"
            />
            <span>–</span>
            <input
              name={`close${d}`}
              aria-label={`${dayName(d)} ${toLabel}`}
              defaultValue={values ? typed(`close${d}`) : day ? formatClock(day.close) : ''}
              size={5}
              placeholder="--:--"
            />
          </div>
        )
      })}
      {error && <span className="field-error">{t(error)}</span>}
      <p className="note">{help}</p>
    </fieldset>
  )
}
