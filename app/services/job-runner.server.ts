// Runs background jobs for the web server, each in its own process at a lower CPU priority, so the
// server's event loop only ever waits for the database and the network: a 500k-contact import or a
// schedule solve no longer stalls every other request. One job of each kind runs at a time (two
// imports would only queue for the write lock); the others wait their turn, durably, in the Job
// table. The job's process reports progress over IPC and records its own outcome; it exits when
// the server does, and the next server start shows its job as interrupted, to retry or discard.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { jobKinds, outcomeAction, type JobKind } from '../domain/jobs.ts'
import { recordAudit, type Actor } from './audit.server.ts'
import { createJob, failIfUnfinished, interruptRunningJobs, markDiscarded, markRunning, nextQueuedJob, readJob, requeueJob, type JobRecord } from './jobs.server.ts'
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
  for (const job of await interruptRunningJobs()) {
    await recordAudit(serverActor, 'job.interrupted', `job:${job.id}`, { kind: job.kind })
  }
  await dispatch()
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
  await recordAudit(actor, 'job.retry', `job:${id}`, null)
  void dispatch()
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
          const job = await nextQueuedJob(kind)
          if (job) await launch(job)
        }
      } while (dispatchAgain)
    } catch (error) {
      console.error('[jobs] could not start a job', error)
    } finally {
      dispatching = null
    }
  })()
  return dispatching
}

async function launch(job: JobRecord): Promise<void> {
  const root = projectRoot()
  const command = [process.execPath, '--import', 'tsx', path.join(root, 'app', 'jobs', 'run.ts'), String(job.id)]
  // `nice` runs node in its place (same process, same IPC channel) with every thread at the lower priority.
  const child =
    process.platform === 'win32'
      ? spawn(command[0]!, command.slice(1), { cwd: root, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
      : spawn('nice', ['-n', String(jobNice), ...command], { cwd: root, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
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
    // A process that ended without recording an outcome crashed or was killed.
    if (await failIfUnfinished(job.id, { reason: 'stopped', message: reason }).catch(() => false)) {
      await recordAudit(job.actor, outcomeAction[job.kind], null, { job: job.id, status: 'failed', reason }).catch(() => {})
    }
    void dispatch()
  }
  child.on('error', (error) => void end(error.message))
  child.on('exit', (code, signal) => void end(signal ? `signal ${signal}` : `exit code ${code}`))
  if (!child.pid || !(await markRunning(job.id, child.pid))) {
    // Discarded while it was starting, or the process could not start: stop it.
    child.kill()
  }
}

