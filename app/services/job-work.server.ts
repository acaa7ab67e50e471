// The work of each kind of background job, run in the job's own process (app/jobs/run.ts): it
// reads the job, does it, and records the outcome and its audit row itself, so both are kept even
// when the server stopped meanwhile.
import { outcomeAction, type JobError, type JobKind } from '../domain/jobs.ts'
import { recordAudit } from './audit.server.ts'
import { forecastWork } from './forecast-jobs.server.ts'
import { finishJob, readJob, type JobOutcome, type JobRecord } from './jobs.server.ts'
import { scheduleWork } from './schedule-jobs.server.ts'
import { importWork } from './uploads.server.ts'

/**
 * A kind's work. `report` sends progress to the server; `finishing` says the work is about to
 * write what it made: from then on it runs to its end (and records it) even if the server stops.
 */
export type JobWork = (job: JobRecord<never>, report: (progress: unknown) => void, finishing: () => void) => Promise<JobOutcome>

const work: Record<JobKind, JobWork> = {
  import: importWork,
  schedule: scheduleWork,
  forecast: forecastWork,
}

export async function runJob(id: number, report: (progress: unknown) => void, finishing: () => void): Promise<void> {
  const job = await readJob(id)
  if (!job) return
  let outcome: JobOutcome
  try {
    outcome = await work[job.kind](job as JobRecord<never>, report, finishing)
  } catch (caught) {
    console.error(caught)
    const error: JobError = { reason: 'error', message: caught instanceof Error ? caught.message : String(caught) }
    outcome = { state: 'failed', error }
    await recordAudit(job.actor, outcomeAction[job.kind], `job:${id}`, { status: 'failed', message: error.message }).catch(() => {})
  }
  await finishJob(id, outcome)
}
