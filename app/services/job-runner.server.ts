// Runs background jobs for the web server, each in its own process at a lower CPU priority, so the
// server's event loop only ever waits for the database and the network: a 500k-contact import or a
// schedule solve no longer stalls every other request. One job of each kind runs at a time in each
// app process (two imports would only queue for the write lock); the others wait their turn,
// durably, in the Job table. The job's process reports progress over IPC and records its own
// outcome; it exits when the server does, and the next server start shows its job as interrupted,
// to retry or discard.
//
// Several app processes on one PostgreSQL database (issue 18): each claims queued jobs (SKIP
// LOCKED: never the same one twice), looks for queued jobs every few seconds (another process may
// have queued them), renews the lease of the jobs it runs, and shows as interrupted a job whose
// process stopped renewing it (killed, or its machine gone), to retry from any process.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { setTimeout as sleep } from 'node:timers/promises'
import { databaseUrl, isPostgresUrl, sqliteFilePath } from '../db/url.server.ts'
import { jobKinds, outcomeAction, type JobKind } from '../domain/jobs.ts'
import { recordAudit, type Actor } from './audit.server.ts'
import {
  claimNextJob,
  createJob,
  failIfUnfinished,
  hasQueuedJob,
  interruptAbandonedJobs,
  markDiscarded,
  readJob,
  renewLeases,
  requeueJob,
  setJobProcess,
  thisProcess,
  type JobRecord,
} from './jobs.server.ts'
import { removeUpload } from './upload-files.server.ts'

/** Who interrupts jobs at a restart, in the audit log. */
const serverActor: Actor = { id: null, email: 'server' }

/** Jobs run at this `nice` level (0–19; env JOB_NICE, default the lowest priority): the server's requests come first. */
const jobNice = Math.min(19, Math.max(0, Number(process.env.JOB_NICE ?? 19) || 0))

interface Running {
  kind: JobKind
  child: ChildProcess
  progress: unknown
}

const running = new Map<number, Running>()
let started = false

/**
 * A running job's lease (env JOB_LEASE_SECONDS, default 30 s), renewed every sixth of it; on
 * PostgreSQL only — SQLite has one app process, which knows its job processes by their ids.
 */
const leaseMs = Math.max(1, Number(process.env.JOB_LEASE_SECONDS ?? 30) || 30) * 1000
/** How often an app process on PostgreSQL looks for jobs other processes queued or abandoned. */
const POLL_MS = 2_000

/** The project's root (the folder with app/jobs/run.ts), from the server build or the sources. */
function projectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url))
  while (!existsSync(path.join(dir, 'app', 'jobs', 'run.ts'))) {
    const parent = path.dirname(dir)
    if (parent === dir) return process.cwd()
    dir = parent
  }
  return dir
}

/**
 * At the server's start: jobs the previous server left running are marked interrupted (and
 * audited), and queued ones start. Call once per server process, never from the CLI.
 */
export async function startJobRunner(): Promise<void> {
  if (started) return
  started = true
  try {
    await interruptAbandoned(false)
  } finally {
    await dispatch()
  }
  if (isPostgresUrl(databaseUrl())) {
    timers.push(
      setInterval(() => void renewLeases().catch((error) => console.error('[jobs] lease', error)), leaseMs / 6).unref(),
      setInterval(() => void interruptAbandoned(true).finally(() => dispatch()), POLL_MS).unref(),
    )
  }
}

const timers: NodeJS.Timeout[] = []

/** Stops starting jobs, looking for them and renewing leases (tests; the jobs running here go on to their end). */
export function stopJobRunner(): void {
  for (const timer of timers.splice(0)) clearInterval(timer)
  started = false
}

/** Interrupts (and audits) the running jobs whose process is gone; with `leases`, also those not renewed. */
async function interruptAbandoned(leases: boolean): Promise<void> {
  try {
    const gone = await interruptAbandonedJobs({ isAlive, leaseMs: leases ? leaseMs : undefined })
    for (const job of gone) {
      await recordAudit(serverActor, 'job.interrupted', `job:${job.id}`, { kind: job.kind }).catch((error) => console.error('[jobs] audit', error))
    }
  } catch (error) {
    console.error('[jobs] could not look for abandoned jobs', error)
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Queues a job and starts it when its kind is free. */
export async function enqueueJob<Input>(kind: JobKind, input: Input, actor: Actor): Promise<JobRecord<Input>> {
  started = true
  const job = await createJob(kind, input, actor)
  void dispatch()
  return job as JobRecord<Input>
}

/** What the running job last reported (rows read, solver phase …); null when not running here. */
export function jobProgress(id: number): unknown {
  return running.get(id)?.progress ?? null
}

/** Runs an interrupted or failed job again with the same input; false when it cannot. */
export async function retryJob(id: number, actor: Actor): Promise<boolean> {
  if (!(await requeueJob(id))) return false
  void dispatch()
  await recordAudit(actor, 'job.retry', `job:${id}`, null)
  return true
}

/** Gives up an interrupted or failed job; an import's file is removed. False when it cannot. */
export async function discardJob(id: number, actor: Actor): Promise<boolean> {
  const job = await readJob(id)
  if (!job || !(await markDiscarded(id))) return false
  if (job.kind === 'import') removeUpload((job.input as { uploadId: string }).uploadId)
  await recordAudit(actor, 'job.discard', `job:${id}`, { kind: job.kind })
  return true
}

let dispatching: Promise<void> | null = null
let dispatchAgain = false

/** Starts the oldest queued job of every kind that has none running. */
function dispatch(): Promise<void> {
  // Stopped (stopJobRunner): a job ending here must not start the next.
  if (!started) return Promise.resolve()
  if (dispatching) {
    dispatchAgain = true
    return dispatching
  }
  dispatching = (async () => {
    try {
      do {
        dispatchAgain = false
        for (const kind of jobKinds) {
          if ([...running.values()].some((r) => r.kind === kind)) continue
          try {
            // Read first: a claim writes, and on SQLite would wait for an import's write lock.
            const job = (await hasQueuedJob(kind)) ? await claimNextJob(kind) : null
            if (job) await launch(job)
          } catch (error) {
            // The database was busy past the wait, or the process could not start: try again soon.
            console.error(`[jobs] could not start a ${kind} job`, error)
            setTimeout(() => void dispatch(), 5_000).unref()
          }
        }
      } while (dispatchAgain)
    } finally {
      dispatching = null
    }
  })()
  return dispatching
}

async function launch(job: JobRecord): Promise<void> {
  const root = projectRoot()
  const command = [process.execPath, '--import', 'tsx', path.join(root, 'app', 'jobs', 'run.ts'), String(job.id)]
  // The same database (and uploads beside it) whatever folder the server was started from.
  const options: SpawnOptions = {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, DATABASE_URL: isPostgresUrl(databaseUrl()) ? databaseUrl() : `file:${sqliteFilePath(databaseUrl())}` },
  }
  // `nice` runs node in its place (same process, same IPC channel) with every thread at the lower priority.
  const child =
    process.platform === 'win32'
      ? spawn(command[0]!, command.slice(1), options)
      : spawn('nice', ['-n', String(jobNice), ...command], options)
  const entry: Running = { kind: job.kind, child, progress: null }
  running.set(job.id, entry)
  child.on('message', (message: { progress?: unknown }) => {
    if (message && 'progress' in message) entry.progress = message.progress
  })
  let ended = false
  const end = async (reason: string) => {
    if (ended) return
    ended = true
    running.delete(job.id)
    void dispatch()
    // A process that ended without recording an outcome crashed or was killed. The database may be
    // busy past the server's wait (an import beside it): the job must not stay "running".
    for (let attempt = 1; ; attempt++) {
      try {
        if (await failIfUnfinished(job.id, thisProcess, { reason: 'stopped', message: reason })) {
          await recordAudit(job.actor, outcomeAction[job.kind], `job:${job.id}`, { status: 'failed', reason: 'stopped' })
        }
        return
      } catch (error) {
        if (attempt >= 10) return console.error(`[jobs] could not record how job ${job.id} ended`, error)
        await sleep(1_000)
      }
    }
  }
  child.on('error', (error) => void end(error.message))
  child.on('exit', (code, signal) => void end(signal ? `signal ${signal}` : `exit code ${code}`))
  if (!child.pid || !(await setJobProcess(job.id, thisProcess, child.pid))) {
    // The process could not start (its 'error' fails the job), or it ended (and recorded how)
    // before this: nothing to run.
    child.kill()
  }
}

