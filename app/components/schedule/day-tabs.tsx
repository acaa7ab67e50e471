// The week and each of its days, with the day's coverage.
import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { shownCoverage } from '../../domain/schedule/figures.ts'
import type { ScheduleView } from '../../services/schedules.server.ts'
import { formatShortDay, formatPercent } from '../../utils/format.ts'

export function DayTabs({ view }: { view: ScheduleView }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  return (
    <nav className="tabs" aria-label={t('schedules.days')}>
      <Link to="?" aria-current={view.day === null ? 'page' : undefined} preventScrollReset>
        {t('schedules.wholeWeek')}
      </Link>
      {view.days.map((d) => (
        <Link key={d.index} to={`?day=${d.index}`} aria-current={view.day === d.index ? 'page' : undefined} preventScrollReset>
          {formatShortDay(d.date, language)}
          <small> {formatPercent(shownCoverage(d.coverage, d.short > 0, 0), language, 0)}</small>
        </Link>
      ))}
    </nav>
  )
}
