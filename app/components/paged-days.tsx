import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDay, formatInteger } from '../utils/format.ts'

// A long table of days or intervals, a calendar month (or a day) at a time. Rendering a year's
// 365 rows on the server was most of the Review page's time (~45 ms of ~65 a request), a year of
// 15-minute volume is 35,000 rows, and nobody reads either at once: a month of days, or a day of
// intervals, is the page a planner reads; the CSV export has them all. The rows are all in the
// page's data already, so turning the page costs no request.

export type PageBy = 'month' | 'day'

/** The page ("YYYY-MM" or "YYYY-MM-DD") a day is on. */
const pageOf = (day: string, by: PageBy) => day.slice(0, by === 'month' ? 7 : 10)

/** The pages of days given in order, each once. */
export function pagesOf(days: readonly string[], by: PageBy): string[] {
  const pages: string[] = []
  for (const day of days) {
    const page = pageOf(day, by)
    if (pages[pages.length - 1] !== page) pages.push(page)
  }
  return pages
}

/**
 * The rows of the page shown, and the pager's state: `pages` is empty when every row fits on one
 * page (`maxRows` or fewer). The first page shown is the one of `openDay` (a day chosen in the
 * address), else the first.
 */
export function usePagedDays<Row>(rows: readonly Row[], dayOf: (row: Row) => string, { by, maxRows, openDay = null }: { by: PageBy; maxRows: number; openDay?: string | null }) {
  const pages = rows.length > maxRows ? pagesOf(rows.map(dayOf), by) : []
  const initial = openDay && pages.includes(pageOf(openDay, by)) ? pageOf(openDay, by) : pages[0] ?? null
  const [chosen, setChosen] = useState<string | null>(initial)
  // A new period (the same component, other rows) may not have the page chosen before.
  const page = chosen !== null && pages.includes(chosen) ? chosen : initial
  const shown = page === null ? rows : rows.filter((row) => dayOf(row).startsWith(page))
  return { by, pages, page, setPage: setChosen, shown }
}

/** ‹ page › above a table paged by month or day; nothing when the table is on one page. */
export function DayPager({
  by,
  pages,
  page,
  setPage,
  shownCount,
  totalCount,
  unit,
  controls,
}: {
  by: PageBy
  pages: string[]
  page: string | null
  setPage: (page: string) => void
  shownCount: number
  totalCount: number
  /** What a row is: a day, or an interval of a day. */
  unit: 'days' | 'rows'
  /** The id of the table the pager turns. */
  controls: string
}) {
  const { t, i18n } = useTranslation()
  if (page === null || pages.length === 0) return null
  const at = pages.indexOf(page)
  const name = (p: string) =>
    by === 'month' ? formatDay(`${p}-01`, i18n.language, { month: 'long', year: 'numeric' }) : formatDay(p, i18n.language, { dateStyle: 'full' })
  return (
    <div className="day-pager" role="group" aria-label={t(`pager.label.${by}`)}>
      <button type="button" className="secondary" aria-controls={controls} disabled={at <= 0} onClick={() => setPage(pages[at - 1]!)}>
        ‹ <span className="visually-hidden">{t(`pager.previous.${by}`)}</span>
      </button>
      <select aria-label={t(`pager.page.${by}`)} aria-controls={controls} value={page} onChange={(event) => setPage(event.target.value)}>
        {pages.map((p) => (
          <option key={p} value={p}>
            {name(p)}
          </option>
        ))}
      </select>
      <button type="button" className="secondary" aria-controls={controls} disabled={at >= pages.length - 1} onClick={() => setPage(pages[at + 1]!)}>
        <span className="visually-hidden">{t(`pager.next.${by}`)}</span> ›
      </button>
      <span className="note" aria-live="polite">
        {t(`pager.showing.${unit}`, { shown: formatInteger(shownCount, i18n.language), total: formatInteger(totalCount, i18n.language) })}
      </span>
    </div>
  )
}
