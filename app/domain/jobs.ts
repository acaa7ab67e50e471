// Background jobs: the work a page starts and follows (an import, a schedule generation, a
// forecast), and the states a job goes through. A job is a row in the database, so a restart of
// the server shows what it interrupted instead of forgetting it.
import type { Permission } from './permissions.ts'

export const jobKinds = ['import', 'schedule', 'forecast'] as const
export type JobKind = (typeof jobKinds)[number]

export const jobStates = ['queued', 'running', 'done', 'failed', 'interrupted', 'discarded'] as const
export type JobState = (typeof jobStates)[number]

/** Why a job failed: an i18n key or a known reason, the message behind it, and kind-specific details. */
export interface JobError {
  reason: string
  message: string
  [detail: string]: unknown
}

/** Waiting for its turn or running: the page keeps following it. */
export function isUnderWay(state: JobState): boolean {
  return state === 'queued' || state === 'running'
}

/**
 * Interrupted (the server stopped while it ran) or failed jobs can run again with the same input —
 * an import's uploaded file is kept until then — or be discarded.
 */
export function canRetry(state: JobState): boolean {
  return state === 'interrupted' || state === 'failed'
}

/**
 * Interrupted, or failed without an answer of its own (its process crashed, or an unexpected
 * error): worth a retry. A job that failed with a reason (the rules, the forecast, the file)
 * would fail the same way again.
 */
export function stoppedBeforeItsEnd(job: { state: JobState; error: JobError | null }): boolean {
  return job.state === 'interrupted' || (job.state === 'failed' && (job.error?.reason === 'stopped' || job.error?.reason === 'error'))
}

/** The permission a user needs to start, retry or discard a job of this kind. */
export const jobPermission = {
  import: 'importData',
  schedule: 'editSchedules',
  forecast: 'editForecasts',
} as const satisfies Record<JobKind, Permission>

/** The page that follows a job of this kind (`?job=<id>`). */
export const jobPage: Record<JobKind, string> = {
  import: '/data',
  schedule: '/schedules',
  forecast: '/forecast',
}

/** The audit action that records how a job of this kind ended. */
export const outcomeAction = {
  import: 'import',
  schedule: 'schedule.generate',
  forecast: 'forecast.create',
} as const satisfies Record<JobKind, string>
