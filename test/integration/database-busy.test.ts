// Another process holding the database's write lock (an import, a background job): the server's
// writes wait their turn on a timer, so the event loop keeps serving; past the server's wait they
// fail with DatabaseBusy, which routes answer as a translated 503 with Retry-After, never a 500.
// Real SQLite files; the lock is held by a second process.
import { spawn } from 'node:child_process'
import path from 'node:path'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { configureDatabase, DatabaseBusy, isBusyError, prisma, readDatabase } from '../../app/db.server.ts'
import { sql, withWrite } from '../../app/db/queries.server.ts'
import { languageCookie } from '../../app/i18n/language.server.ts'
import { action as settingsAction } from '../../app/routes/settings.tsx'
import { answerBusy, BUSY_RETRY_AFTER_SECONDS, databaseBusyResponse } from '../../app/utils/database-busy.server.ts'
import { formPost, signedInAs } from '../support/session.ts'
import { onPostgres } from '../support/postgres.ts'
import { holdWriteLock as holdLock } from '../support/write-lock.ts'

const root = path.resolve(import.meta.dirname, '../..')

/** The longest pause of a 10 ms timer between start and stop: how long the event loop was held. */
function watchEventLoop(): () => number {
  let last = performance.now()
  let longest = 0
  const timer = setInterval(() => {
    const now = performance.now()
    longest = Math.max(longest, now - last)
    last = now
  }, 10)
  return () => {
    clearInterval(timer)
    return Math.max(longest, performance.now() - last)
  }
}

const operationForm = (name: string) => [
  ['intent', 'operation'],
  ['name', name],
  ['timeZone', 'America/Sao_Paulo'],
] as Array<[string, string]>

let adminCookie: string
const holdWriteLock = (ms: number) => holdLock(process.env.DATABASE_URL!, ms)

beforeAll(async () => {
  await prisma.operation.create({ data: { id: 1, name: 'SP', timeZone: 'America/Sao_Paulo' } })
  adminCookie = (await signedInAs('admin')).cookie
})

afterEach(() => configureDatabase({}))

describe.skipIf(onPostgres)('a write that meets another process’s lock', () => {
  it('waits its turn on a timer: both kinds of write land after the lock is released, and the event loop kept ticking', async () => {
    const lock = await holdWriteLock(2000)
    const stopWatching = watchEventLoop()
    const done: number[] = []
    await Promise.all([
      prisma.specialDay
        .create({ data: { date: '2026-12-25', kind: 'holiday', name: 'Natal', createdBy: 'test' } })
        .then(() => done.push(Date.now())),
      withWrite((writer) => writer.run(sql`INSERT INTO "AppSecret" ("name", "value") VALUES ('test', 'x')`)).then(() => done.push(Date.now())),
    ])
    const longestPause = stopWatching()
    const releasedAt = await lock.released
    for (const at of done) expect(at).toBeGreaterThanOrEqual(releasedAt)
    expect(await prisma.specialDay.count({ where: { date: '2026-12-25' } })).toBe(1)
    expect(readDatabase().prepare("SELECT value FROM AppSecret WHERE name = 'test'").pluck().get()).toBe('x')
    // Waiting inside SQLite (better-sqlite3 is synchronous) would have held it ~2000 ms.
    expect(longestPause).toBeLessThan(500)
  })

  it('fails with DatabaseBusy once the lock outlasts the wait, having written nothing', async () => {
    configureDatabase({ lockWaitMs: 300 })
    const lock = await holdWriteLock(4000)
    const prismaError = await prisma.operation.update({ where: { id: 1 }, data: { name: 'never' } }).catch((e: unknown) => e)
    const transactionError = await withWrite((writer) => writer.run(sql`UPDATE "Operation" SET "name" = 'never'`)).catch((e: unknown) => e)
    const gaveUpAt = Date.now()
    expect(prismaError).toBeInstanceOf(DatabaseBusy)
    expect(transactionError).toBeInstanceOf(DatabaseBusy)
    expect((prismaError as DatabaseBusy).waitedMs).toBeGreaterThanOrEqual(300)
    // How SQLITE_BUSY surfaces through Prisma's driver adapter, and from better-sqlite3.
    expect((prismaError as DatabaseBusy).cause).toMatchObject({
      code: 'P1008',
      meta: { driverAdapterError: { cause: { originalCode: 'SQLITE_BUSY', kind: 'SocketTimeout' } } },
    })
    expect((transactionError as DatabaseBusy).cause).toMatchObject({ code: 'SQLITE_BUSY' })
    expect(isBusyError((prismaError as DatabaseBusy).cause)).toBe(true)
    // Each gave up after its own wait, before the holder let go.
    expect(gaveUpAt).toBeLessThan(await lock.released)
    expect((await prisma.operation.findUniqueOrThrow({ where: { id: 1 } })).name).toBe('SP')
  })

  it('is answered by a route with 503, Retry-After and the reason in the user’s language', async () => {
    configureDatabase({ lockWaitMs: 300 })
    const lock = await holdWriteLock(4000)
    const request = formPost('/settings', operationForm('Busy'), adminCookie, { 'Accept-Language': 'en-US,en;q=0.9' })
    const thrown = await settingsAction({ request, params: {}, context: {} }).catch((e: unknown) => e)
    expect(thrown).toBeInstanceOf(Response)
    const response = thrown as Response
    expect(response.status).toBe(503)
    expect(response.headers.get('Retry-After')).toBe(String(BUSY_RETRY_AFTER_SECONDS))
    expect(await response.text()).toMatch(/^Database busy\. Another job .* is writing to the database/)
    await lock.released
    expect((await prisma.operation.findUniqueOrThrow({ where: { id: 1 } })).name).toBe('SP')
  })
})

describe('answerBusy', () => {
  const request = (headers: Record<string, string> = {}) => new Request('http://localhost/x', { headers })

  it('turns DatabaseBusy into the 503 answer, in Portuguese by default', async () => {
    const thrown = await answerBusy({ request: request() }, () => Promise.reject(new DatabaseBusy(30_000))).catch((e: unknown) => e)
    expect(thrown).toBeInstanceOf(Response)
    expect((thrown as Response).status).toBe(503)
    expect((thrown as Response).headers.get('Content-Type')).toBe('text/plain; charset=utf-8')
    expect(await (thrown as Response).text()).toMatch(/^Banco de dados ocupado\. Outra tarefa/)
  })

  it('leaves answers and every other error as they were', async () => {
    expect(await answerBusy({ request: request() }, async () => 'fine')).toBe('fine')
    const other = new Error('not busy')
    await expect(answerBusy({ request: request() }, () => Promise.reject(other))).rejects.toBe(other)
    const notFound = new Response('Not found', { status: 404 })
    await expect(answerBusy({ request: request() }, () => Promise.reject(notFound))).rejects.toBe(notFound)
  })

  it('answers in the language the cookie chose', async () => {
    const response = await databaseBusyResponse(request({ Cookie: await languageCookie.serialize('en') }))
    expect(await response.text()).toMatch(/^Database busy\./)
  })
})

describe.skipIf(onPostgres)('who waits inside SQLite', () => {
  it('the web server (the default) on none of its writing connections, and briefly on the read-only one', async () => {
    expect(await prisma.$queryRawUnsafe('PRAGMA busy_timeout')).toEqual([{ timeout: 0n }])
    expect(await withWrite(async (writer) => writer.sqlite!.pragma('busy_timeout', { simple: true }))).toBe(0)
    expect(readDatabase().pragma('busy_timeout', { simple: true })).toBe(100)
    expect(() => configureDatabase({ waitForLocks: 'block' })).toThrow(/before the first query/)
  })

  it('a process that configures waitForLocks: block, up to 10 minutes on every connection', async () => {
    const script = `(async () => {
      const { configureDatabase, prisma, readDatabase } = await import(${JSON.stringify(path.join(root, 'app/db.server.ts'))})
      const { withWrite } = await import(${JSON.stringify(path.join(root, 'app/db/queries.server.ts'))})
      configureDatabase({ waitForLocks: 'block' })
      const [{ timeout }] = await prisma.$queryRawUnsafe('PRAGMA busy_timeout')
      const write = await withWrite(async (writer) => writer.sqlite.pragma('busy_timeout', { simple: true }))
      console.log(JSON.stringify({ prisma: Number(timeout), write, read: readDatabase().pragma('busy_timeout', { simple: true }) }))
      await prisma.$disconnect()
    })()`
    const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['--eval', script], { cwd: root, env: process.env })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    const code = await new Promise((resolve) => child.on('exit', resolve))
    expect(code, output).toBe(0)
    expect(JSON.parse(output)).toEqual({ prisma: 600_000, write: 600_000, read: 600_000 })
  })
})
