// Jobs across app processes on PostgreSQL (issue 18): an import started by one app process, killed
// with its job halfway, is seen interrupted by another process once its lease runs out (audited),
// and that process's retry lands it whole.
import { spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { beforeAll, describe, expect, it } from 'vitest'

// A short lease, read by the job runner when it loads (this process is "the other one").
process.env.JOB_LEASE_SECONDS = '2'
const { prisma } = await import('../../app/db.server.ts')
const { retryJob, startJobRunner, stopJobRunner } = await import('../../app/services/job-runner.server.ts')
const { readJob } = await import('../../app/services/jobs.server.ts')
const { newUploadId, uploadPath } = await import('../../app/services/uploads.server.ts')

const root = path.resolve(import.meta.dirname, '../..')
const ROWS = 200_000

function contactsCsv(rows: number): string {
  const lines = ['contact_id,channel,arrived_at,outcome,wait_seconds,handle_seconds']
  const start = Date.UTC(2026, 2, 2, 11, 0, 0)
  for (let i = 0; i < rows; i++) lines.push(`v-${i},voz,${new Date(start + i * 5_000).toISOString()},answered,${i % 30},${120 + (i % 60)}`)
  return lines.join('\n') + '\n'
}

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

beforeAll(async () => {
  await prisma.operation.create({ data: { id: 1, name: 'SP', timeZone: 'America/Sao_Paulo' } })
})

describe('a job on two app processes', () => {
  it('is taken over by the other process after the first is killed, and its retry lands it whole', async () => {
    const uploadId = newUploadId()
    const content = contactsCsv(ROWS)
    writeFileSync(uploadPath(uploadId), content)

    // The first app process queues the import and starts running it; it is killed meanwhile.
    const first = spawn(process.execPath, ['--import', 'tsx', 'test/support/job-process.ts', uploadId, String(content.length)], { cwd: root, env: process.env, stdio: ['ignore', 'pipe', 'inherit'] })
    const line = await new Promise<string>((resolve, reject) => {
      createInterface({ input: first.stdout! }).once('line', resolve)
      first.once('exit', (code) => reject(new Error(`the first process ended (${code}) before its job ran`)))
    })
    const { jobId } = JSON.parse(line) as { jobId: number }
    first.kill('SIGKILL')
    expect((await readJob(jobId))!.state).toBe('running')

    // The other process: its runner sees the lease run out.
    await startJobRunner()
    try {
      await until('the job interrupted', async () => (await readJob(jobId))!.state === 'interrupted', 30_000)
      const audit = await prisma.auditEvent.findMany({ where: { action: 'job.interrupted', target: `job:${jobId}` }, select: { actor: true } })
      expect(audit).toEqual([{ actor: 'server' }])
      expect(await prisma.contact.count()).toBe(0)

      expect(await retryJob(jobId, { id: null, email: 'bruno@example.com' })).toBe(true)
      const done = await until('the retried job done', async () => {
        const job = (await readJob(jobId))!
        return job.state === 'done' || job.state === 'failed' ? job : null
      }, 180_000)
      expect(done).toMatchObject({ state: 'done', result: { status: 'imported', inserted: ROWS } })
      expect(await prisma.contact.count()).toBe(ROWS)
    } finally {
      stopJobRunner()
    }
  })
})
