// Schedule generation runs in the background (the solver takes seconds, up to the rules' time
// limit); the page polls the job and shows its phase and elapsed time against the limit.
import { randomUUID } from 'node:crypto'
import { generateSchedule, ScheduleInputError, type GenerateInput, type GeneratePhase } from './schedules.server.ts'
import { ScheduleFailed } from './scheduler.server.ts'
import type { PlanGap } from './staffing.server.ts'

export interface ScheduleJob {
  id: string
  input: GenerateInput
  status: 'running' | 'done' | 'failed'
  /** 'queued' while another solve runs. */
  phase: GeneratePhase | 'queued'
  /** When it was asked for; then when its solve began. */
  startedAt: number
  timeLimitSec: number
  lpBound: number | null
  scheduleId: number | null
  /** i18n key under schedules.errors, or the solver's message; the channels that cannot be planned. */
  failure: { reason: string; message: string; gaps?: PlanGap[] } | null
}

const jobs = new Map<string, ScheduleJob>()
const KEEP_MS = 60 * 60_000
/** One solve at a time: each takes a core for up to the time limit; later requests wait their turn. */
let queue: Promise<unknown> = Promise.resolve()

const sameInput = (a: GenerateInput, b: GenerateInput) =>
  a.forecastId === b.forecastId && a.channelKey === b.channelKey && a.week === b.week

export function startScheduleJob(input: GenerateInput, timeLimitSec: number, user: string): ScheduleJob {
  const now = Date.now()
  for (const [id, job] of jobs) if (job.status !== 'running' && now - job.startedAt > KEEP_MS) jobs.delete(id)
  // The same request again (a double click) follows the job already under way.
  const running = [...jobs.values()].find((job) => job.status === 'running' && sameInput(job.input, input))
  if (running) return running
  const job: ScheduleJob = {
    id: randomUUID(),
    input,
    status: 'running',
    phase: 'queued',
    startedAt: now,
    timeLimitSec,
    lpBound: null,
    scheduleId: null,
    failure: null,
  }
  jobs.set(job.id, job)
  const run = () => {
    job.startedAt = Date.now()
    return generateSchedule(input, user, (phase, lpBound) => {
      job.phase = phase
      job.lpBound = lpBound
    }).then(
      (id) => {
        job.scheduleId = id
        job.status = 'done'
      },
      (error: unknown) => {
        job.status = 'failed'
        if (error instanceof ScheduleInputError) job.failure = { reason: error.reason, message: '', gaps: error.gaps }
        else if (error instanceof ScheduleFailed || error instanceof RangeError) job.failure = { reason: 'solver', message: error.message }
        else {
          console.error(error)
          job.failure = { reason: 'solver', message: error instanceof Error ? error.message : String(error) }
        }
      },
    )
  }
  queue = queue.then(run)
  return job
}

export function getScheduleJob(id: string): ScheduleJob | null {
  return jobs.get(id) ?? null
}
