// The Job table: what each background job was asked to do, where it stands and how it ended.
// The web server creates, starts, interrupts, retries and discards jobs; the job's own process
// records how it ended (so the outcome is kept even if the server stopped meanwhile). Any app
// process may run a queued job: it claims it (FOR UPDATE SKIP LOCKED on PostgreSQL, so two
// processes never take the same one) and, on PostgreSQL, renews its lease while it runs.
import { hostname } from 'node:os'
import { prisma } from '../db.server.ts'
import { rows, sql, withWrite } from '../db/queries.server.ts'
import type { Prisma } from '../generated/prisma/client.ts'
import type { JobError, JobKind, JobState } from '../domain/jobs.ts'
import type { Actor } from './audit.server.ts'

export interface JobRecord<Input = unknown, Result = unknown> {
  id: number
  kind: JobKind
  state: JobState
  input: Input
  result: Result | null
  error: JobError | null
  actor: Actor
  createdAt: string
  startedAt: string | null
  finishedAt: string | null
}

const select = {
  id: true,
  kind: true,
  state: true,
  input: true,
  result: true,
  error: true,
  userId: true,
  actor: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
} as const

type JobRow = Prisma.JobGetPayload<{ select: typeof select }>

function toRecord(row: JobRow): JobRecord {
  return {
    id: row.id,
    kind: row.kind as JobKind,
    state: row.state as JobState,
    input: JSON.parse(row.input) as unknown,
    result: row.result === null ? null : (JSON.parse(row.result) as unknown),
    error: row.error === null ? null : (JSON.parse(row.error) as JobError),
    actor: { id: row.userId, email: row.actor },
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  }
}

export async function createJob(kind: JobKind, input: unknown, actor: Actor): Promise<JobRecord> {
  const row = await prisma.job.create({
    data: { kind, state: 'queued', input: JSON.stringify(input), userId: actor.id, actor: actor.email },
    select,
  })
  return toRecord(row)
}

export async function readJob(id: number): Promise<JobRecord | null> {
  const row = await prisma.job.findUnique({ where: { id }, select })
  return row && toRecord(row)
}

/** Jobs of a kind in these states, newest first. */
export async function listJobs(kind: JobKind, states: readonly JobState[], take = 20): Promise<JobRecord[]> {
  const rows = await prisma.job.findMany({ where: { kind, state: { in: [...states] } }, orderBy: { id: 'desc' }, take, select })
  return rows.map(toRecord)
}

/**
 * This app process as a job's owner: host, process id and start time (a restarted server may get
 * its predecessor's process id, in a container always).
 */
export const thisProcess = `${hostname()}:${process.pid}:${Math.round(performance.timeOrigin)}`

/** The owner's host and process id, when it is a process of this machine. */
function localProcess(owner: string): number | null {
  const [host, pid] = owner.split(':')
  return host === hostname() ? Number(pid) : null
}

/** Whether a queued job of the kind is waiting (a read: claiming writes). */
export async function hasQueuedJob(kind: JobKind): Promise<boolean> {
  return (await prisma.job.count({ where: { kind, state: 'queued' } })) > 0
}

/**
 * Takes the oldest queued job of a kind for `owner` (queued → running): on PostgreSQL the row is
 * locked and skipped by every other process's claim at the same moment; on SQLite the write lock
 * already makes claims one at a time. Null when none is queued (or all are being taken).
 */
export async function claimNextJob(kind: JobKind, owner: string = thisProcess, now = Date.now()): Promise<JobRecord | null> {
  const claimed = await withWrite(async (writer) => {
    const skipLocked = writer.dialect === 'postgres' ? sql`FOR UPDATE SKIP LOCKED` : sql``
    return rows<{ id: number }>(
      sql`UPDATE "Job" SET "state" = 'running', "owner" = ${owner}, "pid" = NULL, "startedAt" = ${writer.instant(now)}, "heartbeatAt" = ${writer.instant(now)}
          WHERE "state" = 'queued' AND "id" = (SELECT "id" FROM "Job" WHERE "kind" = ${kind} AND "state" = 'queued' ORDER BY "id" LIMIT 1 ${skipLocked})
          RETURNING "id"`,
      writer,
    )
  })
  return claimed[0] ? readJob(claimed[0].id) : null
}

/** The process that runs a claimed job; false when it is no longer this owner's running job. */
export async function setJobProcess(id: number, owner: string, pid: number): Promise<boolean> {
  const { count } = await prisma.job.updateMany({ where: { id, owner, state: 'running' }, data: { pid } })
  return count === 1
}

/** Renews the lease of every job `owner` runs (PostgreSQL; SQLite has one app process). */
export async function renewLeases(owner: string = thisProcess, now = new Date()): Promise<void> {
  await prisma.job.updateMany({ where: { owner, state: 'running' }, data: { heartbeatAt: now } })
}

export type JobOutcome = { state: 'done'; result: unknown } | { state: 'failed'; error: JobError }

/** How the job ended, whatever the server last wrote (its process knows best). */
export async function finishJob(id: number, outcome: JobOutcome): Promise<void> {
  await prisma.job.update({
    where: { id },
    data: {
      state: outcome.state,
      result: outcome.state === 'done' ? JSON.stringify(outcome.result ?? null) : null,
      error: outcome.state === 'failed' ? JSON.stringify(outcome.error) : null,
      pid: null,
      owner: null,
      finishedAt: new Date(),
    },
  })
}

/** A job `owner` ran whose process stopped without saying how it ended (it crashed or was killed) failed. */
export async function failIfUnfinished(id: number, owner: string, error: JobError): Promise<boolean> {
  const { count } = await prisma.job.updateMany({
    where: { id, owner, state: 'running' },
    data: { state: 'failed', error: JSON.stringify(error), pid: null, owner: null, finishedAt: new Date() },
  })
  return count === 1
}

/**
 * Running jobs whose app process is gone are interrupted; they wait for a retry or a discard, from
 * any process. Gone means:
 * - a process of this machine (or a row without an owner) that is not alive, and whose job
 *   process is not alive either (a job process still writing what it made records its own end);
 *   a process with this one's id but another start is this process's predecessor (a restart in a
 *   container gets the same id);
 * - `leaseMs` given (PostgreSQL): a lease not renewed for that long, whatever the machine.
 * This process's own jobs are never gone, launched or about to be.
 */
export async function interruptAbandonedJobs(options: { isAlive: (pid: number) => boolean; leaseMs?: number; now?: number }): Promise<JobRecord[]> {
  const { isAlive, leaseMs, now = Date.now() } = options
  const running = await prisma.job.findMany({ where: { state: 'running' }, select: { ...select, pid: true, owner: true, heartbeatAt: true } })
  const gone = running.filter((row) => {
    if (row.owner === thisProcess) return false
    const local = row.owner === null ? null : localProcess(row.owner)
    if (row.owner === null || local !== null) {
      const ownerAlive = local !== null && local !== process.pid && isAlive(local)
      if (!ownerAlive && !(row.pid !== null && isAlive(row.pid))) return true
    }
    const renewed = (row.heartbeatAt ?? row.startedAt)?.getTime() ?? 0
    return leaseMs !== undefined && now - renewed > leaseMs
  })
  const interrupted: JobRecord[] = []
  for (const row of gone) {
    // One row at a time: of two processes looking at once, one interrupts it (and says so).
    const { count } = await prisma.job.updateMany({
      where: { id: row.id, state: 'running', owner: row.owner },
      data: { state: 'interrupted', pid: null, owner: null, finishedAt: new Date() },
    })
    if (count === 1) interrupted.push({ ...toRecord(row), state: 'interrupted' })
  }
  return interrupted
}

/** Interrupted or failed → queued again, same input; false when it is in another state. */
export async function requeueJob(id: number): Promise<boolean> {
  const { count } = await prisma.job.updateMany({
    where: { id, state: { in: ['interrupted', 'failed'] } },
    data: { state: 'queued', error: null, result: null, startedAt: null, finishedAt: null, heartbeatAt: null },
  })
  return count === 1
}

/** Interrupted or failed → discarded; false when it is in another state. */
export async function markDiscarded(id: number): Promise<boolean> {
  const { count } = await prisma.job.updateMany({
    where: { id, state: { in: ['interrupted', 'failed'] } },
    data: { state: 'discarded', finishedAt: new Date() },
  })
  return count === 1
}
