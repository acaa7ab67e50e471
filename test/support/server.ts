// Starts the built app the way a newcomer does (`npm start` = scripts/start.mjs) on a free port
// with its own SQLite file — or, with TEST_DATABASE=postgres, its own database on TEST_POSTGRES_URL
// and its uploads in its folder — and stops it afterwards.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createPostgresDatabase, dropPostgresDatabase, onPostgres } from './postgres-server.ts'

/**
 * The app's today (its TODAY): the demo's history ends the day before and pages' default periods
 * end then, whatever the calendar says. A Wednesday; set TODAY to run the tests as of another day.
 */
export const appToday = process.env.TODAY || '2026-11-25'

export interface RunningApp {
  baseUrl: string
  databaseUrl: string
  output: () => string
  stop: () => Promise<void>
  /** The first administrator and the one-time password `npm start` printed. */
  admin: () => { email: string; password: string }
  /** The id of the server process itself (scripts/serve.mjs, which `npm start` runs as its child). */
  serverPid: () => number
}

/** The administrator account `npm start` printed on its first start. */
export function printedAdministrator(output: string): { email: string; password: string } {
  const email = /^ {2}e-mail: {3}(\S+)$/m.exec(output)?.[1]
  const password = /^ {2}password: (\S+)$/m.exec(output)?.[1]
  if (!email || !password) throw new Error(`npm start printed no administrator account:\n${output}`)
  return { email, password }
}

/**
 * Signs in over HTTP as a script would (with this site's Origin, as browsers send it) and, for a
 * one-time password, sets `newPassword`. The Cookie header to send afterwards.
 */
export async function signIn(baseUrl: string, email: string, password: string, newPassword?: string): Promise<string> {
  const post = (path: string, body: Record<string, string>, cookie = '') =>
    fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: baseUrl, ...(cookie ? { Cookie: cookie } : {}) },
      body: new URLSearchParams(body),
      redirect: 'manual',
    })
  const response = await post('/login', { email, password, redirectTo: '/' })
  if (response.status !== 302) throw new Error(`sign-in as ${email}: HTTP ${response.status}`)
  const cookie = response.headers.get('set-cookie')!.split(';')[0]!
  if (response.headers.get('location')!.startsWith('/account/password')) {
    if (!newPassword) throw new Error(`${email} must change the one-time password: pass newPassword`)
    const changed = await post('/account/password', { current: password, next: newPassword, confirm: newPassword, redirectTo: '/' }, cookie)
    if (changed.status !== 302) throw new Error(`password change for ${email}: HTTP ${changed.status}`)
  }
  return cookie
}

/** The server's process id, as scripts/serve.mjs prints it when it listens. */
function servedBy(output: string): number {
  const pid = /^\[serve\] \S+ \(process (\d+)\)$/m.exec(output)?.[1]
  if (!pid) throw new Error(`The server printed no process id:\n${output}`)
  return Number(pid)
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

/**
 * The PostgreSQL database of an app's folder: created with the folder's first start and named in
 * it, so a restart on the same folder serves the same data (as app.db does on SQLite).
 */
async function postgresDatabaseOf(dir: string): Promise<string> {
  const file = path.join(dir, 'postgres-url')
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  const url = await createPostgresDatabase('e2e')
  writeFileSync(file, url)
  return url
}

export async function startApp({
  timeoutMs = 150_000,
  env = {} as Record<string, string>,
  /** A folder whose database (app.db) to serve again, kept when stopped (e.g. to restart the app on it). */
  dir: given = undefined as string | undefined,
} = {}): Promise<RunningApp> {
  const dir = given ?? mkdtempSync(path.join(tmpdir(), 'traffic-e2e-'))
  const port = await freePort()
  const databaseUrl = onPostgres ? await postgresDatabaseOf(dir) : `file:${path.join(dir, 'app.db')}`
  const uploads = onPostgres ? { UPLOAD_DIR: path.join(dir, 'uploads') } : {}
  let output = ''
  const child: ChildProcess = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: path.resolve(import.meta.dirname, '../..'),
    env: { ...process.env, TODAY: appToday, PORT: String(port), DATABASE_URL: databaseUrl, NODE_ENV: 'production', ...uploads, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout!.on('data', (chunk) => (output += String(chunk)))
  child.stderr!.on('data', (chunk) => (output += String(chunk)))
  const baseUrl = `http://127.0.0.1:${port}`
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
    }
    if (!given) {
      if (onPostgres) await dropPostgresDatabase(databaseUrl)
      rmSync(dir, { recursive: true, force: true })
    }
  }
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break
    try {
      const response = await fetch(`${baseUrl}/healthz`)
      if (response.ok) return { baseUrl, databaseUrl, output: () => output, stop, admin: () => printedAdministrator(output), serverPid: () => servedBy(output) }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  await stop()
  throw new Error(`The app did not start on ${baseUrl}:\n${output}`)
}
