// Forecast creation as a background job: learning a year of history per channel and backtesting
// every method takes from a fraction of a second to minutes (forty channels), so the Forecast page
// queues it and opens the forecast when the job has stored it.
import { NotEnoughHistory } from '../domain/forecast/forecast.ts'
import { stoppedBeforeItsEnd, type JobError } from '../domain/jobs.ts'
import type { Actor } from './audit.server.ts'
import { recordAudit } from './audit.server.ts'
import { checkForecastInput, createForecast, ForecastInputError, type CreateForecastInput } from './forecast.server.ts'
import { enqueueJob } from './job-runner.server.ts'
import { listJobs, readJob, type JobOutcome, type JobRecord } from './jobs.server.ts'

export interface ForecastJobInput extends CreateForecastInput {
  /** The name stored as the forecast's author. */
  by: string
}

export interface ForecastJobView {
  id: number
  name: string
  state: JobRecord['state']
  elapsedSec: number
  forecastId: number | null
  /** reason 'input' with an i18n key and its values, or 'error' with a message. */
  failure: JobError | null
}

/** Checks what can be checked at once (throws ForecastInputError), then queues the creation. */
export async function startForecastJob(input: ForecastJobInput, actor: Actor): Promise<number> {
  await checkForecastInput(input)
  return (await enqueueJob('forecast', input, actor)).id
}

function forecastJobView(job: JobRecord<ForecastJobInput, { forecastId: number }>, now: number): ForecastJobView {
  return {
    id: job.id,
    name: job.input.name,
    state: job.state,
    elapsedSec: Math.max(0, (now - Date.parse(job.startedAt ?? job.createdAt)) / 1000),
    forecastId: job.result?.forecastId ?? null,
    failure: job.error,
  }
}

export async function getForecastJob(id: number, now = Date.now()): Promise<ForecastJobView | null> {
  const job = await readJob(id)
  return job?.kind === 'forecast' ? forecastJobView(job as JobRecord<ForecastJobInput, { forecastId: number }>, now) : null
}

/** Creations that stopped before their end (the server restarted, the process crashed): to retry or discard. */
export async function listUnfinishedForecastJobs(now = Date.now()): Promise<ForecastJobView[]> {
  const jobs = await listJobs('forecast', ['interrupted', 'failed'])
  return jobs.filter(stoppedBeforeItsEnd).map((job) => forecastJobView(job as JobRecord<ForecastJobInput, { forecastId: number }>, now))
}

/** The job's work, in its own process: the forecast stored, or why not (as the form would say it). */
export async function forecastWork(job: JobRecord<ForecastJobInput>, _report: unknown, finishing: () => void): Promise<JobOutcome> {
  const { by, ...input } = job.input
  try {
    const forecastId = await createForecast(input, by, finishing)
    await recordAudit(job.actor, 'forecast.create', `forecast:${forecastId}`, input)
    return { state: 'done', result: { forecastId } }
  } catch (error) {
    let failure: JobError
    if (error instanceof NotEnoughHistory) {
      failure = { reason: 'input', message: error.message, key: 'forecast.notEnoughHistory', params: { method: error.method, days: error.neededDays } }
    } else if (error instanceof ForecastInputError) {
      failure = { reason: 'input', message: error.message, key: error.key, params: error.params }
    } else throw error
    await recordAudit(job.actor, 'forecast.create', null, { ...input, status: 'failed', reason: failure.key })
    return { state: 'failed', error: failure }
  }
}
