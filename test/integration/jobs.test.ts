// Background jobs are rows, run in their own processes: a restart shows what it interrupted, a
// retry lands it whole, a discard removes its file, a killed job fails without writing anything,
// and an import from the command line beside a web import waits its turn — both land.
import { spawn } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { beforeAll, describe, expect, it } from 'vitest'
import { sqliteFilePath } from '../../app/db/url.server.ts'
import { prisma, readDatabase } from '../../app/db.server.ts'
import { discardJob, retryJob, startJobRunner, stopJobRunner } from '../../app/services/job-runner.server.ts'
import { claimNextJob, interruptAbandonedJobs, readJob, thisProcess } from '../../app/services/jobs.server.ts'
import { onPostgres } from '../support/postgres.ts'
import { newUploadId, uploadPath, type ImportJobInput } from '../../app/services/uploads.server.ts'

const actor = { id: null, email: 'ana@example.com' }
const root = path.resolve(import.meta.dirname, '../..')

/** A contacts file of `rows` answered calls of `channel`, one every 10 s from 2026-03-02 08:00 local. */
function contactsCsv(channel: string, rows: number): string {
  const lines = ['contact_id,channel,arrived_at,outcome,wait_seconds,handle_seconds']
  const start = Date.UTC(2026, 2, 2, 8, 0, 0)
  for (let i = 0; i < rows; i++) {
    const at = new Date(start + i * 10_000).toISOString().slice(0, 19).replace('T', ' ')
    lines.push(`${channel}-${i},${channel},${at},answered,${i % 30},${120 + (i % 60)}`)
  }
  return lines.join('\n') + '\n'
}

/** An upload on disk as the Data page leaves it, and the job input that imports it. */
function upload(channel: string, rows: number): ImportJobInput {
  const uploadId = newUploadId()
  const content = contactsCsv(channel, rows)
  writeFileSync(uploadPath(uploadId), content)
  return { uploadId, fileName: `${channel}.csv`, kind: 'contacts', timeZone: 'America/Sao_Paulo', mapping: {}, totalBytes: content.length }
}

/** A job row as a previous server left it: running when it stopped. */
async function leftRunning(input: ImportJobInput): Promise<number> {
  const row = await prisma.job.create({
    data: { kind: 'import', state: 'running', input: JSON.stringify(input), actor: actor.email, pid: 999_999, startedAt: new Date() },
    select: { id: true },
  })
  return row.id
}

async function settled(id: number, timeout = 60_000): Promise<string> {
  const deadline = Date.now() + timeout
  for (;;) {
    const state = (await readJob(id))!.state
    if (state !== 'queued' && state !== 'running') return state
    if (Date.now() > deadline) throw new Error(`job ${id} still ${state}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

const contactsOf = (channel: string) => prisma.contact.count({ where: { channel: { key: channel } } })

let interrupted: { id: number; input: ImportJobInput }
let abandoned: { id: number; input: ImportJobInput }
let stillRunning: number

beforeAll(async () => {
  await prisma.operation.create({ data: { id: 1, name: 'SP', timeZone: 'America/Sao_Paulo' } })
  const input = upload('voz', 2_000)
  interrupted = { id: await leftRunning(input), input }
  const other = upload('chat', 500)
  abandoned = { id: await leftRunning(other), input: other }
  // A job whose process is still alive (it was writing what it made) is left to end by itself.
  const { id } = await prisma.job.create({
    data: { kind: 'import', state: 'running', input: JSON.stringify(upload('sms', 1)), actor: actor.email, pid: process.pid, startedAt: new Date() },
    select: { id: true },
  })
  stillRunning = id
  await startJobRunner()
})

describe('background jobs', () => {
  it('shows the jobs a restart interrupted as interrupted, keeps their files, and audits it', async () => {
    expect((await readJob(interrupted.id))!.state).toBe('interrupted')
    expect((await readJob(stillRunning))!.state).toBe('running')
    await prisma.job.update({ where: { id: stillRunning }, data: { state: 'failed', pid: null } })
    expect(existsSync(uploadPath(interrupted.input.uploadId))).toBe(true)
    const audit = await prisma.auditEvent.findMany({ where: { action: 'job.interrupted' }, select: { target: true, actor: true } })
    expect(audit).toEqual(
      expect.arrayContaining([
        { target: `job:${interrupted.id}`, actor: 'server' },
        { target: `job:${abandoned.id}`, actor: 'server' },
      ]),
    )
  })

  it('lands a retried import whole, then removes its file; a second retry is refused', async () => {
    expect(await retryJob(interrupted.id, actor)).toBe(true)
    expect(await settled(interrupted.id)).toBe('done')
    expect(await contactsOf('voz')).toBe(2_000)
    expect((await readJob(interrupted.id))!.result).toMatchObject({ status: 'imported', inserted: 2_000 })
    expect(existsSync(uploadPath(interrupted.input.uploadId))).toBe(false)
    expect(await retryJob(interrupted.id, actor)).toBe(false)
    const actions = await prisma.auditEvent.findMany({ where: { actor: actor.email }, orderBy: { id: 'asc' }, select: { action: true } })
    expect(actions.map((a) => a.action)).toEqual(['job.retry', 'import'])
  })

  it('discards an interrupted import: its file is removed, nothing imported, and it cannot be retried', async () => {
    expect(await discardJob(abandoned.id, actor)).toBe(true)
    expect((await readJob(abandoned.id))!.state).toBe('discarded')
    expect(existsSync(uploadPath(abandoned.input.uploadId))).toBe(false)
    expect(await contactsOf('chat')).toBe(0)
    expect(await retryJob(abandoned.id, actor)).toBe(false)
  })

  it('fails a job whose process is killed, with nothing written and the file kept; the retry lands it whole', async () => {
    const input = upload('email', 150_000)
    const { id } = await prisma.job.create({ data: { kind: 'import', state: 'failed', input: JSON.stringify(input), actor: actor.email }, select: { id: true } })
    expect(await retryJob(id, actor)).toBe(true)
    // Killed while it reads the file (before its one write transaction).
    let pid: number | null = null
    const deadline = Date.now() + 60_000
    while (pid === null && Date.now() < deadline) {
      pid = (await prisma.job.findUniqueOrThrow({ where: { id }, select: { pid: true } })).pid
      if (pid === null) await new Promise((resolve) => setTimeout(resolve, 10))
    }
    process.kill(pid!, 'SIGKILL')
    expect(await settled(id)).toBe('failed')
    expect((await readJob(id))!.error).toMatchObject({ reason: 'stopped', message: 'signal SIGKILL' })
    expect(await contactsOf('email')).toBe(0)
    expect(existsSync(uploadPath(input.uploadId))).toBe(true)

    expect(await retryJob(id, actor)).toBe(true)
    expect(await settled(id, 120_000)).toBe('done')
    expect(await contactsOf('email')).toBe(150_000)
    if (!onPostgres) expect(readDatabase().pragma('integrity_check', { simple: true })).toBe('ok')
  })

  it.skipIf(onPostgres)('lands an import from the command line and a web import of different files started together, both waiting out a long-held write lock', async () => {
    const web = upload('whatsapp', 120_000)
    const cliFile = path.join(path.dirname(uploadPath(web.uploadId)), 'cli-sms.csv')
    writeFileSync(cliFile, contactsCsv('sms', 120_000))
    const { id } = await prisma.job.create({ data: { kind: 'import', state: 'failed', input: JSON.stringify(web), actor: actor.email }, select: { id: true } })
    // Another writer holds the lock for longer than any busy timeout of 10 s: both imports wait their turn.
    const holder = new Database(sqliteFilePath(process.env.DATABASE_URL!))
    holder.exec('BEGIN IMMEDIATE')
    setTimeout(() => {
      holder.exec('COMMIT')
      holder.close()
    }, 12_000)
    const cli = new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'app/cli/wfm.ts', 'import', cliFile, '--kind', 'contacts'], { cwd: root, env: process.env })
      let output = ''
      child.stdout.on('data', (chunk) => (output += String(chunk)))
      child.stderr.on('data', (chunk) => (output += String(chunk)))
      child.on('exit', (code) => resolve({ code, output }))
    })
    expect(await retryJob(id, actor)).toBe(true)
    const [{ code, output }, state] = await Promise.all([cli, settled(id, 180_000)])
    expect(code, output).toBe(0)
    expect(state).toBe('done')
    expect(await contactsOf('whatsapp')).toBe(120_000)
    expect(await contactsOf('sms')).toBe(120_000)
  })
})

describe('running jobs whose process is gone', () => {
  // This process's runner would look at the same rows (on PostgreSQL, every 2 s).
  beforeAll(stopJobRunner)
  const running = (data: { owner: string | null; pid?: number | null; heartbeatAt?: Date | null }) =>
    prisma.job.create({ data: { kind: 'schedule', state: 'running', input: '{}', actor: actor.email, startedAt: new Date(0), ...data }, select: { id: true } })

  it('are those of a stopped process of this machine, one not renewed past its lease, or this process’s predecessor’s, never its own', async () => {
    await prisma.job.deleteMany({ where: { state: 'running' } })
    const now = Date.UTC(2026, 11, 7, 12)
    const host = hostname()
    const alive = new Set([process.pid, 4242])
    const ids = {
      otherLiveProcessHere: (await running({ owner: `${host}:4242:1`, heartbeatAt: new Date(now - 1_000) })).id,
      stoppedProcessHere: (await running({ owner: `${host}:999999:1`, heartbeatAt: new Date(now - 1_000) })).id,
      stoppedButItsJobWrites: (await running({ owner: `${host}:999999:1`, pid: process.pid, heartbeatAt: new Date(now - 1_000) })).id,
      elsewhereRenewed: (await running({ owner: 'other-machine:7:1', heartbeatAt: new Date(now - 5_000) })).id,
      elsewhereStale: (await running({ owner: 'other-machine:8:1', heartbeatAt: new Date(now - 60_000) })).id,
      predecessor: (await running({ owner: `${host}:${process.pid}:1`, heartbeatAt: new Date(now - 1_000) })).id,
      mine: (await running({ owner: thisProcess, heartbeatAt: new Date(now - 1_000) })).id,
    }
    const options = { isAlive: (pid: number) => alive.has(pid), now }
    // Without leases (SQLite's one process): only what this machine can tell.
    const withoutLeases = await interruptAbandonedJobs(options)
    expect(withoutLeases.map((j) => j.id).sort()).toEqual([ids.stoppedProcessHere, ids.predecessor].sort())
    // With leases (PostgreSQL): the machine gone quiet too; and twice interrupts nothing more.
    const withLeases = await interruptAbandonedJobs({ ...options, leaseMs: 30_000 })
    expect(withLeases.map((j) => j.id)).toEqual([ids.elsewhereStale])
    expect(await interruptAbandonedJobs({ ...options, leaseMs: 30_000 })).toEqual([])
    const states = await prisma.job.findMany({ where: { id: { in: Object.values(ids) } }, select: { id: true, state: true, owner: true } })
    const running_ = states.filter((s) => s.state === 'running').map((s) => s.id)
    expect(running_.sort()).toEqual([ids.otherLiveProcessHere, ids.stoppedButItsJobWrites, ids.elsewhereRenewed, ids.mine].sort())
    expect(states.filter((s) => s.state === 'interrupted').every((s) => s.owner === null)).toBe(true)
  })

  it('are claimed by one process at a time, oldest first', async () => {
    await prisma.job.deleteMany({})
    const queued: number[] = []
    for (const n of [1, 2, 3, 4]) queued.push((await prisma.job.create({ data: { kind: 'forecast', state: 'queued', input: `{"n":${n}}`, actor: actor.email }, select: { id: true } })).id)
    expect((await claimNextJob('forecast', 'first:0:0'))!.id).toBe(queued[0])
    // Four at once for the three left: each taken once, one claim comes back empty.
    const claims = await Promise.all([claimNextJob('forecast', 'a:1:1'), claimNextJob('forecast', 'b:2:2'), claimNextJob('forecast', 'c:3:3'), claimNextJob('forecast', 'd:4:4')])
    const taken = claims.filter((c) => c !== null)
    expect(taken.map((c) => c!.id).sort((x, y) => x - y)).toEqual(queued.slice(1))
    expect(taken.every((c) => c!.state === 'running')).toBe(true)
    const owners = await prisma.job.findMany({ where: { kind: 'forecast' }, select: { owner: true } })
    expect(new Set(owners.map((o) => o.owner)).size).toBe(4)
  })
})
