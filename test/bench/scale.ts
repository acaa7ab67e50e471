// `npm run bench -- scale` (issue 18): a year of contacts for 4 channels (10M by default) imported
// by `wfm import` into SQLite and into PostgreSQL (a throwaway local cluster, or SCALE_POSTGRES_URL),
// each import's time and peak RSS, each database's size; then 20 signed-in clients read the
// Overview, Volume and Review of the whole year in a closed loop, on one app process for SQLite
// and on two app processes sharing the PostgreSQL database (each client keeps to one, as behind
// a proxy with sticky connections). Local only, tens of minutes at the default size.
// Environment: SCALE_CONTACTS (10000000), SCALE_CLIENTS (20), SCALE_SECONDS (60 per database),
// SCALE_DATABASES ("sqlite,postgres").
import { spawn } from 'node:child_process'
import { chmodSync, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs'
import { once } from 'node:events'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { Random } from '../../app/domain/random.ts'
import { startCluster, stopCluster } from '../../scripts/postgres-cluster.mjs'
import { signIn, startApp, type RunningApp } from '../support/server.ts'
import { closedLoop, figures, sampleRss, session, type Page, type Session } from './load.ts'

const root = path.resolve(import.meta.dirname, '../..')
const contacts = Number(process.env.SCALE_CONTACTS ?? 10_000_000)
const clientCount = Number(process.env.SCALE_CLIENTS ?? 20)
const seconds = Number(process.env.SCALE_SECONDS ?? 60)
const databases = (process.env.SCALE_DATABASES ?? 'sqlite,postgres').split(',')
const timeZone = 'America/Sao_Paulo'
const year = { from: '2025-01-01', to: '2025-12-31' }
const password = 'senha-do-benchmark-de-escala'

/** `rows` contacts spread over 2025 for four channels, with an intraday shape (few at night). */
export async function writeYear(file: string, rows: number): Promise<void> {
  const random = new Random(18)
  const out = createWriteStream(file)
  out.write('contact_id,channel,arrived_at,outcome,wait_seconds,handle_seconds,agent,queue,fcr,nps\n')
  const channels = ['Voz', 'Chat', 'WhatsApp', 'E-mail']
  const start = Date.UTC(2025, 0, 1)
  const pad = (n: number) => String(n).padStart(2, '0')
  for (let i = 0; i < rows; i++) {
    // Local wall-clock times (São Paulo keeps no DST), between 07:00 and 22:00, days in order.
    const day = Math.floor((i / rows) * 365)
    const minute = 7 * 60 + Math.floor(random.uniform() * 15 * 60)
    const t = new Date(start + day * 86_400_000 + minute * 60_000 + Math.floor(random.uniform() * 60_000))
    const local = `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}`
    const answered = random.chance(0.94)
    const line = `S${i},${channels[i % 4]},${local},${answered ? 'answered' : 'abandoned'},${Math.round(random.exponential(22))},${answered ? Math.round(random.logNormal(290, 0.6)) : 0},agente${i % 400},,${answered ? (random.chance(0.7) ? 'true' : 'false') : ''},${answered && random.chance(0.2) ? Math.floor(random.uniform() * 11) : ''}\n`
    if (!out.write(line)) await once(out, 'drain')
  }
  out.end()
  await once(out, 'finish')
}

/** `wfm import` of the file: wall time and the peak RSS of the command's process. */
async function importFile(databaseUrl: string, file: string): Promise<{ seconds: number; peakMb: number; output: string }> {
  const started = performance.now()
  const child = spawn(process.execPath, ['--import', 'tsx', 'app/cli/wfm.ts', 'import', file, '--kind', 'contacts', '--tz', timeZone], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const rss = sampleRss(child.pid!)
  let output = ''
  child.stdout.on('data', (chunk) => (output += String(chunk)))
  child.stderr.on('data', (chunk) => (output += String(chunk)))
  const [code] = (await once(child, 'exit')) as [number | null]
  const { server: peakMb } = rss.stop()
  if (code !== 0) throw new Error(`wfm import failed (${code}):\n${output.slice(0, 2000)}`)
  return { seconds: (performance.now() - started) / 1000, peakMb, output: output.trim() }
}

async function databaseSizeMb(databaseUrl: string): Promise<number> {
  if (databaseUrl.startsWith('file:')) {
    const file = databaseUrl.slice('file:'.length)
    const size = (f: string) => {
      try {
        return statSync(f).size
      } catch {
        return 0
      }
    }
    return (size(file) + size(`${file}-wal`)) / 1e6
  }
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    return Number((await client.query('SELECT pg_database_size(current_database()) AS size')).rows[0].size) / 1e6
  } finally {
    await client.end()
  }
}

const pages: Page[] = [
  { name: 'Overview, the year', path: `/?from=${year.from}&to=${year.to}` },
  { name: 'Volume, the year (by day, its default)', path: `/volume?from=${year.from}&to=${year.to}` },
  { name: 'Review, the year', path: `/review?from=${year.from}&to=${year.to}` },
  { name: 'Review data, the year', path: `/review.data?_routes=routes%2Freview&from=${year.from}&to=${year.to}`, data: true },
]

/** 20 clients on the app processes (client i on process i mod n) for `seconds`, per page p50/p95. */
async function readUnderLoad(label: string, apps: RunningApp[]) {
  const first = apps[0]!
  const { email, password: oneTime } = first.admin()
  await signIn(first.baseUrl, email, oneTime, password)
  const clients: Session[] = []
  for (let i = 0; i < clientCount; i++) {
    const app = apps[i % apps.length]!
    clients.push(session(app.baseUrl, await signIn(app.baseUrl, email, password)))
  }
  // Warm-up on every process (JIT, kept views): the first request of each page computes.
  for (const [i, app] of apps.entries()) {
    for (const page of pages) {
      const started = performance.now()
      const response = await clients[i]!.fetch(page.path)
      await response.arrayBuffer()
      if (response.status !== 200) throw new Error(`${label}: ${page.path} HTTP ${response.status} on ${app.baseUrl}`)
      if (i === 0) console.log(`  ${page.name}: first request ${(performance.now() - started).toFixed(0)} ms`)
    }
  }
  // The pages taking turns, then each Review alone (every client on it, as the budget reads).
  const phases: Array<[string, Page[]]> = [
    ['pages in turn', pages],
    ...pages.filter((p) => p.name.startsWith('Review')).map((p): [string, Page[]] => [`${p.name} alone`, [p]]),
  ]
  for (const [phase, phasePages] of phases) {
    const deadline = Date.now() + (phasePages.length > 1 ? seconds : seconds / 2) * 1000
    const samples = await closedLoop(clients, phasePages, () => Date.now() < deadline)
    const errors = samples.filter((s) => s.error)
    console.log(`  ${phase}:`)
    for (const page of phasePages) {
      const f = figures(samples.filter((s) => s.page === page.name && !s.error).map((s) => s.ms))
      console.log(`    ${page.name}, ${clientCount} clients on ${apps.length} process(es): ${f.requests} requests, p50 ${f.p50} ms, p95 ${f.p95} ms, p99 ${f.p99} ms`)
    }
    if (errors.length > 0) console.log(`    ${errors.length} errors, e.g. ${errors[0]!.error}`)
  }
}

export async function benchScale() {
  const dir = mkdtempSync(path.join(tmpdir(), 'traffic-bench-scale-'))
  const file = path.join(dir, 'year.csv')
  let cluster: string | null = null
  try {
    const written = performance.now()
    await writeYear(file, contacts)
    console.log(`Scale: ${contacts.toLocaleString('en')} contacts over 2025 for 4 channels written (${(statSync(file).size / 1e6).toFixed(0)} MB) in ${((performance.now() - written) / 1000).toFixed(0)} s`)
    for (const database of databases) {
      let databaseUrl: string
      if (database === 'sqlite') databaseUrl = `file:${path.join(dir, 'scale.db')}`
      else if (database === 'postgres') {
        let server = process.env.SCALE_POSTGRES_URL
        if (!server) {
          // The server runs as user postgres (when this runs as root): a folder it can reach.
          const parent = mkdtempSync(path.join(tmpdir(), 'traffic-bench-pg-'))
          chmodSync(parent, 0o777)
          cluster = path.join(parent, 'cluster')
          server = await startCluster(cluster)
        }
        const admin = new pg.Client({ connectionString: server })
        await admin.connect()
        await admin.query('DROP DATABASE IF EXISTS traffic_scale WITH (FORCE)')
        await admin.query('CREATE DATABASE traffic_scale')
        await admin.end()
        const url = new URL(server)
        url.pathname = '/traffic_scale'
        databaseUrl = url.toString()
      } else throw new Error(`SCALE_DATABASES: unknown database "${database}"`)

      const run = await importFile(databaseUrl, file)
      console.log(
        `${database}: import ${run.seconds.toFixed(0)} s (${Math.round(contacts / run.seconds).toLocaleString('en')} rows/s), peak RSS ${run.peakMb.toFixed(0)} MB, ` +
          `database ${(await databaseSizeMb(databaseUrl)).toFixed(0)} MB — ${run.output.split('\n').pop()}`,
      )
      // The app on the imported database (no demo: it is not empty): one process on SQLite, two on PostgreSQL.
      const apps: RunningApp[] = []
      try {
        const env = { DATABASE_URL: databaseUrl, TODAY: '2026-01-01', UPLOAD_DIR: path.join(dir, 'uploads') }
        apps.push(await startApp({ env }))
        if (database === 'postgres') apps.push(await startApp({ env }))
        await readUnderLoad(database, apps)
      } finally {
        for (const app of apps) await app.stop()
      }
    }
  } finally {
    if (cluster) {
      stopCluster(cluster)
      rmSync(path.dirname(cluster), { recursive: true, force: true })
    }
    rmSync(dir, { recursive: true, force: true })
  }
}
