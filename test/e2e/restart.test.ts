// The server killed (-9) in the middle of a web import, then started again on the same database:
// the import shows as interrupted with its file kept, a retry lands it whole, and the database is
// intact. Over HTTP, as a user's browser would post the forms (no browser needed).
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { appRows, sqliteIntegrity } from '../support/app-database.ts'
import { onPostgres } from '../support/postgres.ts'
import { signIn, startApp, type RunningApp } from '../support/server.ts'

const ROWS = 300_000
const columns = ['contact_id', 'channel', 'arrived_at', 'outcome', 'wait_seconds', 'handle_seconds']
const newPassword = 'restart-test-password-1'

function contactsCsv(): string {
  const lines = [columns.join(',')]
  const start = Date.UTC(2026, 9, 1, 11, 0, 0)
  for (let i = 0; i < ROWS; i++) {
    const at = new Date(start + i * 5_000).toISOString().slice(0, 19).replace('T', ' ')
    const abandoned = i % 9 === 0
    lines.push(`R${i},Retomada,${at},${abandoned ? 'abandoned' : 'answered'},${i % 40},${abandoned ? 0 : 150 + (i % 90)}`)
  }
  return lines.join('\n') + '\n'
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

async function until<T>(what: string, probe: () => T | null | undefined | false | Promise<T | null | undefined | false>, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

const dir = mkdtempSync(path.join(tmpdir(), 'traffic-restart-'))
let app: RunningApp | null = null

afterAll(async () => {
  await app?.stop()
  rmSync(dir, { recursive: true, force: true })
})

describe('a restart in the middle of a web import', () => {
  it('shows the import as interrupted, keeps its file, and a retry lands it whole', async () => {
    app = await startApp({ dir })
    const { email, password } = app.admin()
    let cookie = await signIn(app.baseUrl, email, password, newPassword)
    const jobRow = async (id: number) =>
      (await appRows<{ state: string; pid: number | null; result: string | null }>(app!.databaseUrl, 'SELECT "state", "pid", "result" FROM "Job" WHERE "id" = ?', id))[0]!
    const post = (base: string, url: string, body: FormData | URLSearchParams) =>
      fetch(`${base}${url}`, { method: 'POST', body, headers: { Origin: base, Cookie: cookie }, redirect: 'manual' })

    // Step 1, the upload; step 2, the mapping (every column found by its name).
    const form = new FormData()
    form.append('file', new Blob([contactsCsv()], { type: 'text/csv' }), 'retomada.csv')
    form.append('kind', 'contacts')
    form.append('timeZone', 'America/Sao_Paulo')
    const mapping = await (await post(app.baseUrl, '/data', form)).text()
    const uploadId = /name="uploadId" value="([0-9a-f-]{36})"/.exec(mapping)?.[1]
    expect(uploadId, mapping.slice(0, 2000)).toBeDefined()
    const confirmed = await post(
      app.baseUrl,
      '/data',
      new URLSearchParams([
        ['uploadId', uploadId!],
        ['fileName', 'retomada.csv'],
        ['kind', 'contacts'],
        ['timeZone', 'America/Sao_Paulo'],
        ...columns.map((c): [string, string] => [`map.${c}`, c]),
      ]),
    )
    expect(confirmed.status).toBe(302)
    const jobId = Number(/\/data\?job=(\d+)$/.exec(confirmed.headers.get('location') ?? '')?.[1])
    expect(jobId).toBeGreaterThan(0)

    // While it reads the file: kill -9 the server. Its job's process stops with it.
    const jobPid = await until('the import to run', async () => { const row = await jobRow(jobId); return row.state === 'running' && row.pid })
    const server = app.serverPid()
    process.kill(server, 'SIGKILL')
    await until('the server to die', () => !alive(server))
    await until('the job process to stop with it', () => !alive(jobPid), 30_000)
    await app.stop()

    app = await startApp({ dir })
    cookie = await signIn(app.baseUrl, email, newPassword)
    expect((await jobRow(jobId)).state).toBe('interrupted')
    expect(existsSync(path.join(dir, 'uploads', `${uploadId}.csv`))).toBe(true)
    const page = await (await fetch(`${app.baseUrl}/data?job=${jobId}`, { headers: { Cookie: cookie } })).text()
    expect(page).toContain('data-testid="job-interrupted"')
    expect(page).toContain('retomada.csv')

    const retried = await post(app.baseUrl, `/jobs/${jobId}`, new URLSearchParams({ intent: 'retry' }))
    expect(retried.status).toBe(302)
    expect(retried.headers.get('location')).toBe(`/data?job=${jobId}`)
    const ended = await until('the retried import to end', async () => { const row = await jobRow(jobId); return ['done', 'failed'].includes(row.state) && row }, 240_000)
    expect(ended.state).toBe('done')
    // Imported, not refused (a refusal is a finished job too).
    expect(JSON.parse(ended.result ?? 'null'), ended.result?.slice(0, 300)).toMatchObject({ status: 'imported', inserted: ROWS })

    const databaseUrl = app.databaseUrl
    if (!onPostgres) expect(sqliteIntegrity(databaseUrl)).toBe('ok')
    const counted = await appRows(
      databaseUrl,
      `SELECT COUNT(*) AS "contacts", SUM(CASE WHEN "outcome" = 'abandoned' THEN 1 ELSE 0 END) AS "abandoned" FROM "Contact" c JOIN "Channel" ch ON ch."id" = c."channelId" WHERE ch."name" = 'Retomada'`,
    )
    expect(counted).toEqual([{ contacts: ROWS, abandoned: Math.ceil(ROWS / 9) }])
    const offered = await appRows(databaseUrl, `SELECT SUM("offered") AS "offered" FROM "IntervalStat" s JOIN "Channel" ch ON ch."id" = s."channelId" WHERE ch."name" = 'Retomada'`)
    expect(offered).toEqual([{ offered: ROWS }])
    const audit = await appRows(databaseUrl, `SELECT "action", "actor" FROM "AuditEvent" WHERE "action" IN ('job.interrupted', 'job.retry', 'import') ORDER BY "id"`)
    expect(audit).toEqual([
      { action: 'job.interrupted', actor: 'server' },
      { action: 'job.retry', actor: email },
      { action: 'import', actor: email },
    ])
    expect(existsSync(path.join(dir, 'uploads', `${uploadId}.csv`))).toBe(false)
  })
})
