// The work of each kind of background job, run in the job's own process (app/jobs/run.ts): it
// reads the job, does it, and records the outcome and its audit row itself, so both are kept even
// when the server stopped meanwhile.
import { outcomeAction, type JobError, type JobKind } from '../domain/jobs.ts'
import { recordAudit } from './audit.server.ts'
import { forecastWork } from './forecast-jobs.server.ts'
import { finishJob, readJob, type JobOutcome, type JobRecord } from './jobs.server.ts'
import { scheduleWork } from './schedule-jobs.server.ts'
import { importWork } from './uploads.server.ts'

export type JobWork = (job: JobRecord<never>, report: (progress: unknown) => void) => Promise<JobOutcome>

const work: Record<JobKind, JobWork> = {
  import: importWork,
  schedule: scheduleWork,
  forecast: forecastWork,
}

export async function runJob(id: number, report: (progress: unknown) => void): Promise<void> {
  const job = await readJob(id)
  if (!job) return
  let outcome: JobOutcome
  try {
    outcome = await work[job.kind](job as JobRecord<never>, report)
  } catch (caught) {
    console.error(caught)
    const error: JobError = { reason: 'error', message: caught instanceof Error ? caught.message : String(caught) }
    outcome = { state: 'failed', error }
    await recordAudit(job.actor, outcomeAction[job.kind], `job:${id}`, { status: 'failed', message: error.message }).catch(() => {})
  }
  await finishJob(id, outcome)
}
