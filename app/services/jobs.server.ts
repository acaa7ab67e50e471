// The Job table: what each background job was asked to do, where it stands and how it ended.
// The web server creates, starts, interrupts, retries and discards jobs; the job's own process
// records how it ended (so the outcome is kept even if the server stopped meanwhile).
import { prisma } from '../db.server.ts'
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

/** The oldest job of a kind waiting for its turn. */
export async function nextQueuedJob(kind: JobKind): Promise<JobRecord | null> {
  const row = await prisma.job.findFirst({ where: { kind, state: 'queued' }, orderBy: { id: 'asc' }, select })
  return row && toRecord(row)
}

/** Queued → running in process `pid`; false when it is no longer queued (discarded meanwhile). */
export async function markRunning(id: number, pid: number): Promise<boolean> {
  const { count } = await prisma.job.updateMany({ where: { id, state: 'queued' }, data: { state: 'running', pid, startedAt: new Date() } })
  return count === 1
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
      finishedAt: new Date(),
    },
  })
}

/** A job whose process `pid` stopped without saying how it ended (it crashed or was killed) failed. */
export async function failIfUnfinished(id: number, pid: number, error: JobError): Promise<boolean> {
  const { count } = await prisma.job.updateMany({
    where: { id, pid, state: 'running' },
    data: { state: 'failed', error: JSON.stringify(error), pid: null, finishedAt: new Date() },
  })
  return count === 1
}

/**
 * At the server's start, jobs left running by the previous server were interrupted (their process
 * stops with it); they wait for a retry or a discard. A job whose process still runs (it was
 * writing what it made when its server stopped) records its own outcome. Queued jobs run again.
 */
export async function interruptRunningJobs(isAlive: (pid: number) => boolean): Promise<JobRecord[]> {
  const running = await prisma.job.findMany({ where: { state: 'running' }, select: { ...select, pid: true } })
  const rows = running.filter((row) => row.pid === null || !isAlive(row.pid))
  if (rows.length === 0) return []
  await prisma.job.updateMany({
    where: { id: { in: rows.map((r) => r.id) }, state: 'running' },
    data: { state: 'interrupted', pid: null, finishedAt: new Date() },
  })
  return rows.map((row) => ({ ...toRecord(row), state: 'interrupted' as const }))
}

/** Interrupted or failed → queued again, same input; false when it is in another state. */
export async function requeueJob(id: number): Promise<boolean> {
  const { count } = await prisma.job.updateMany({
    where: { id, state: { in: ['interrupted', 'failed'] } },
    data: { state: 'queued', error: null, result: null, startedAt: null, finishedAt: null },
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
