import { useSearchParams } from '@remix-run/react'
import { NO_FORECAST } from '../../schemas/review.ts'
import type { ReviewPageView } from './view.ts'

export const DAY_ANCHOR = 'review-day'
export const SLOT_ANCHOR = 'review-slot'

/** Links to the current address with some parameters set (or, with null, removed), the others kept. */
export function useSearchLink() {
  const [search] = useSearchParams()
  return (changes: Record<string, string | null>, anchor?: string) => {
    const next = new URLSearchParams(search)
    // `shown` is the form's (a forecast chosen there opens its own period); links set what they mean.
    next.delete('shown')
    for (const [name, value] of Object.entries(changes)) {
      if (value === null) next.delete(name)
      else next.set(name, value)
    }
    return `?${next.toString()}${anchor ? `#${anchor}` : ''}`
  }
}

/** The current address with `day` set (or removed). */
export function useDayLink() {
  const link = useSearchLink()
  return (day: string | null) => link({ day }, day === null ? undefined : DAY_ANCHOR)
}

/** The current address with the heatmap cell `slot` set (or removed). */
export function useSlotLink() {
  const link = useSearchLink()
  return (slot: { weekday: number; hour: number } | null) =>
    link({ slot: slot && `${slot.weekday}-${slot.hour}` }, slot === null ? undefined : SLOT_ANCHOR)
}

/**
 * The review of part of the period (a week or month of the trend): the same forecast and channel,
 * and only the days of it inside the period, so its figures are the row's.
 */
export function usePeriodLink(view: ReviewPageView) {
  const link = useSearchLink()
  return (from: string, to: string) =>
    link({
      day: null,
      slot: null,
      forecast: view.forecast ? String(view.forecast.id) : NO_FORECAST,
      from: from > view.from ? from : view.from,
      to: to < view.to ? to : view.to,
    })
}
