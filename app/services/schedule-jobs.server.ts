// Schedule generation as a background job (the solver takes seconds, up to the rules' time limit):
// the Schedules page queues it and follows its phase and elapsed time against the limit; the
// job's process builds, solves, rosters and stores the schedule (app/services/job-work.server.ts).
import { stoppedBeforeItsEnd, type JobError } from '../domain/jobs.ts'
import type { Actor } from './audit.server.ts'
import { recordAudit } from './audit.server.ts'
import { enqueueJob, jobProgress } from './job-runner.server.ts'
import { listJobs, readJob, type JobOutcome, type JobRecord } from './jobs.server.ts'
import { generateSchedule, ScheduleInputError, type GenerateInput, type GeneratePhase } from './schedule-generation.server.ts'
import { ScheduleFailed, type SolvePart } from './scheduler.server.ts'

export interface ScheduleJobInput extends GenerateInput {
  /** The rules' limit when it was asked for (the progress bar's scale; the solve reads the rules itself). */
  timeLimitSec: number
  /** The name stored as the schedule's author. */
  by: string
}

interface ScheduleProgress {
  phase: GeneratePhase
  lpBound: number | null
  /** When the job's work began (epoch ms). */
  solveStartedAt: number
  /** When the solver began building the model (epoch ms): the time limit runs from it — from each part's, in a multi-skill solve of several. */
  limitStartedAt?: number
  part?: SolvePart
}

export interface ScheduleJobView {
  id: number
  input: ScheduleJobInput
  state: JobRecord['state']
  /** 'queued' while another solve runs. */
  phase: GeneratePhase | 'queued'
  /** Seconds since the solve began (or since it was asked for, while queued). */
  elapsedSec: number
  /** Seconds of the time limit used (it covers the whole solve, from building the model); null before the solver starts. */
  limitUsedSec: number | null
  lpBound: number | null
  /** The independent part being solved (a multi-skill schedule of several: each has the limit); null = one. */
  part: SolvePart | null
  scheduleId: number | null
  /** reason: i18n key under schedules.errors (or 'solver' with the solver's message); the channels that cannot be planned. */
  failure: JobError | null
}

const sameInput = (a: GenerateInput, b: GenerateInput) => a.forecastId === b.forecastId && a.channelKey === b.channelKey && a.week === b.week

/** Queues a generation; the same request again (a double click) follows the one already under way. */
export async function startScheduleJob(input: ScheduleJobInput, actor: Actor): Promise<number> {
  const underWay = (await listJobs('schedule', ['queued', 'running'])) as Array<JobRecord<ScheduleJobInput>>
  const same = underWay.find((job) => sameInput(job.input, input))
  if (same) return same.id
  return (await enqueueJob('schedule', input, actor)).id
}

function scheduleJobView(job: JobRecord<ScheduleJobInput, { scheduleId: number }>, now: number): ScheduleJobView {
  const progress = jobProgress(job.id) as ScheduleProgress | null
  const since = progress?.solveStartedAt ?? Date.parse(job.startedAt ?? job.createdAt)
  return {
    id: job.id,
    input: job.input,
    state: job.state,
    phase: job.state === 'queued' ? 'queued' : (progress?.phase ?? 'plan'),
    elapsedSec: Math.max(0, (now - since) / 1000),
    limitUsedSec: progress?.limitStartedAt === undefined ? null : Math.max(0, (now - progress.limitStartedAt) / 1000),
    lpBound: progress?.lpBound ?? null,
    part: progress?.part ?? null,
    scheduleId: job.result?.scheduleId ?? null,
    failure: job.error,
  }
}

export async function getScheduleJob(id: number, now = Date.now()): Promise<ScheduleJobView | null> {
  const job = await readJob(id)
  return job?.kind === 'schedule' ? scheduleJobView(job as JobRecord<ScheduleJobInput, { scheduleId: number }>, now) : null
}

/**
 * Generations that stopped before their end — the server restarted, or the job's process crashed —
 * to retry or discard. (One the rules or the forecast refused is shown when followed, not kept here.)
 */
export async function listUnfinishedScheduleJobs(now = Date.now()): Promise<ScheduleJobView[]> {
  const jobs = await listJobs('schedule', ['interrupted', 'failed'])
  return jobs.filter(stoppedBeforeItsEnd).map((job) => scheduleJobView(job as JobRecord<ScheduleJobInput, { scheduleId: number }>, now))
}

/** The job's work, in its own process: the schedule stored, or why not; audited either way. */
export async function scheduleWork(
  job: JobRecord<ScheduleJobInput>,
  report: (progress: ScheduleProgress) => void,
  finishing: () => void,
): Promise<JobOutcome> {
  const { timeLimitSec, by, ...input } = job.input
  const solveStartedAt = Date.now()
  let limitStartedAt: number | undefined
  let partIndex: number | undefined
  const details = { forecastId: input.forecastId, week: input.week, channel: input.channelKey, timeLimitSec }
  try {
    const scheduleId = await generateSchedule(input, by, (phase, lpBound, part) => {
      // The roster is the last step before the schedule is stored.
      if (phase === 'roster') finishing()
      // Each part's limit runs from its own relaxation.
      if (phase === 'relaxation' && (limitStartedAt === undefined || part?.index !== partIndex)) limitStartedAt = Date.now()
      partIndex = part?.index
      report({ phase, lpBound, solveStartedAt, limitStartedAt, part })
    })
    await recordAudit(job.actor, 'schedule.generate', `schedule:${scheduleId}`, { ...details, status: 'done' })
    return { state: 'done', result: { scheduleId } }
  } catch (error) {
    let failure: JobError
    if (error instanceof ScheduleInputError) failure = { reason: error.reason, message: '', gaps: error.gaps }
    else if (error instanceof ScheduleFailed || error instanceof RangeError) failure = { reason: 'solver', message: error.message }
    else throw error
    await recordAudit(job.actor, 'schedule.generate', null, { ...details, status: 'failed', reason: failure.reason })
    return { state: 'failed', error: failure }
  }
}
