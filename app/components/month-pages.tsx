import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDay } from '../utils/format.ts'

// A long period's table of days, a calendar month at a time. Rendering a year's 365 rows on the
// server was most of the Review page's time (~45 ms of ~65 a request), and nobody reads a year of
// days at once: a month is the page a planner reads, and the CSV export has them all. The rows are
// all in the page's data already, so turning the page costs no request.

/** Periods up to this many days show every day; longer ones a month at a time. */
export const DAYS_ON_ONE_PAGE = 62

/** The months ("YYYY-MM") of days given in order, each once. */
export function monthsOf(days: readonly string[]): string[] {
  const months: string[] = []
  for (const day of days) {
    const month = day.slice(0, 7)
    if (months[months.length - 1] !== month) months.push(month)
  }
  return months
}

/**
 * The rows of the month shown, and the pager's state: `months` is empty when every row fits on
 * one page. The first month shown is the one of `openDay` (a day chosen in the address), else the
 * first month of the period.
 */
export function useMonthPages<Row>(rows: readonly Row[], dayOf: (row: Row) => string, openDay: string | null) {
  const months = rows.length > DAYS_ON_ONE_PAGE ? monthsOf(rows.map(dayOf)) : []
  const initial = openDay && months.includes(openDay.slice(0, 7)) ? openDay.slice(0, 7) : months[0] ?? null
  const [chosen, setChosen] = useState<string | null>(initial)
  // A new period (the same component, other rows) may not have the month chosen before.
  const month = chosen !== null && months.includes(chosen) ? chosen : initial
  const shown = month === null ? rows : rows.filter((row) => dayOf(row).startsWith(month))
  return { months, month, setMonth: setChosen, shown }
}

/** ‹ month › above a table paged by month; nothing when the table is on one page. */
export function MonthPager({
  months,
  month,
  setMonth,
  shownCount,
  totalCount,
  controls,
}: {
  months: string[]
  month: string | null
  setMonth: (month: string) => void
  shownCount: number
  totalCount: number
  /** The id of the table the pager turns. */
  controls: string
}) {
  const { t, i18n } = useTranslation()
  if (month === null || months.length === 0) return null
  const at = months.indexOf(month)
  const name = (m: string) => formatDay(`${m}-01`, i18n.language, { month: 'long', year: 'numeric' })
  return (
    <div className="month-pager" role="group" aria-label={t('pager.label')}>
      <button type="button" className="secondary" aria-controls={controls} disabled={at <= 0} onClick={() => setMonth(months[at - 1]!)}>
        ‹ <span className="visually-hidden">{t('pager.previous')}</span>
      </button>
      <select aria-label={t('pager.month')} aria-controls={controls} value={month} onChange={(event) => setMonth(event.target.value)}>
        {months.map((m) => (
          <option key={m} value={m}>
            {name(m)}
          </option>
        ))}
      </select>
      <button type="button" className="secondary" aria-controls={controls} disabled={at >= months.length - 1} onClick={() => setMonth(months[at + 1]!)}>
        <span className="visually-hidden">{t('pager.next')}</span> ›
      </button>
      <span className="note" aria-live="polite">
        {t('pager.showing', { shown: shownCount, total: totalCount })}
      </span>
    </div>
  )
}
