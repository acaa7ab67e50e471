import { useTranslation } from 'react-i18next'
import type { Attainment } from '../../domain/review.ts'
import { formatDayMonth, formatDecimal, formatDuration, formatInteger, formatPercent } from '../../utils/format.ts'

/** The review's number formats in the reader's language ("—" for what has no data). */
export function useReviewFormats() {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const percent = (value: number | null, digits = 1) => formatPercent(value, language, digits)
  const metOf = (a: Attainment, unit?: 'intervals' | 'days' | 'weeks') =>
    t(unit ? `review.attained.${unit}` : 'review.metOf', {
      met: formatInteger(a.met, language),
      measured: formatInteger(a.measured, language),
    })
  return {
    t,
    language,
    percent,
    signed: (value: number | null) => (value === null ? '—' : `${value > 0 ? '+' : ''}${percent(value)}`),
    integer: (value: number | null) => (value === null ? '—' : formatInteger(value, language)),
    duration: (value: number | null) => formatDuration(value, language),
    nps: (value: number | null) => formatDecimal(value, language, 1),
    share: (a: Attainment) => (a.share === null ? '—' : `${percent(a.share, 0)} (${metOf(a)})`),
    metOf,
    shortDay: (day: string) => formatDayMonth(day, language),
  }
}

export type ReviewFormats = ReturnType<typeof useReviewFormats>
