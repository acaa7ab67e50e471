import type { ReviewSlot, ReviewView } from '../../services/review.server.ts'

/** What the review page shows: the period's view with the day and heatmap cell drilled into. */
export type ReviewPageView = ReviewView & { slot: ReviewSlot | null }

/** The service level goal of the chosen channel; null for all channels (each has its own). */
export const chosenGoal = (view: ReviewPageView): number | null =>
  view.channel === null ? null : view.channels.find((c) => c.key === view.channel)?.slGoal ?? null
