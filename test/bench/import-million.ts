// Run by `npm run bench` in its own process (so its peak RSS is the import's): writes a CSV of
// 1,000,000 contacts over one year and four channels, imports it into a scratch database, then
// times the hourly actuals read for the year. BENCH_DATABASE_URL runs it on another database (an
// empty PostgreSQL one: `createdb` it first) instead of a scratch SQLite file.
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs'
import { once } from 'node:events'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Random } from '../../app/domain/random.ts'

const dir = mkdtempSync(path.join(tmpdir(), 'traffic-bench-import-'))
process.env.DATABASE_URL = process.env.BENCH_DATABASE_URL || `file:${path.join(dir, 'bench.db')}`
const { applyMigrations } = await import('../../app/services/migrations.server.ts')
const { importCsv } = await import('../../app/services/import.server.ts')
const { importDates } = await import('../../app/services/import-dates.server.ts')
const { getActuals } = await import('../../app/services/actuals.server.ts')

const rows = 1_000_000
const file = path.join(dir, 'contacts.csv')
const channels = ['Voz', 'Chat', 'WhatsApp', 'E-mail']
const random = new Random(7)
const out = createWriteStream(file)
out.write('contact_id,channel,arrived_at,outcome,wait_seconds,handle_seconds,agent,queue,fcr,nps\n')
const start = Date.UTC(2025, 0, 1, 11) // 08:00 in São Paulo
const spacing = (365 * 86_400_000) / rows
const pad = (n: number) => String(n).padStart(2, '0')
for (let i = 0; i < rows; i++) {
  // Local wall-clock time written as it is (São Paulo has no DST since 2019).
  const t = new Date(start - 3 * 3_600_000 + i * spacing)
  const local = `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}`
  const answered = random.chance(0.95)
  const line = `C${i},${channels[i % 4]},${local},${answered ? 'answered' : 'abandoned'},${Math.round(random.exponential(20))},${answered ? Math.round(random.logNormal(300, 0.7)) : 0},agent${i % 300},,${answered ? (random.chance(0.7) ? 'true' : 'false') : ''},${answered && random.chance(0.2) ? Math.floor(random.uniform() * 11) : ''}\n`
  if (!out.write(line)) await once(out, 'drain')
}
out.end()
await once(out, 'finish')
const megabytes = statSync(file).size / 1e6

await applyMigrations(process.env.DATABASE_URL)
const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since)
  return (used.user + used.system) / 1e6
}
const importFile = async () => {
  const began = performance.now()
  const cpu = process.cpuUsage()
  const result = await importCsv(createReadStream(file), {
    kind: 'contacts',
    timeZone: 'America/Sao_Paulo',
    fileName: 'contacts.csv',
    dates: importDates('America/Sao_Paulo'),
  })
  if (result.status !== 'imported') throw new Error(`bench import refused: ${JSON.stringify(result.errors.slice(0, 3))}`)
  return { seconds: (performance.now() - began) / 1000, cpu: cpuSeconds(cpu), result }
}
const fresh = await importFile()
const rss = process.resourceUsage().maxRSS / 1024
console.log(
  `Import of ${rows.toLocaleString('en')} contacts (${megabytes.toFixed(0)} MB CSV): ${fresh.seconds.toFixed(1)} s, ` +
    `${Math.round(rows / fresh.seconds).toLocaleString('en')} rows/s, ${fresh.cpu.toFixed(1)} s of CPU, peak RSS ${rss.toFixed(0)} MB (budget 15 s, 500 MB)`,
)
// The same file again: every row unchanged, so nothing is written (issue 20: ≤ 40% of a fresh import).
const again = await importFile()
console.log(
  `Re-import of the same file (${again.result.status === 'imported' ? `${again.result.unchanged.toLocaleString('en')} unchanged` : ''}): ` +
    `${again.seconds.toFixed(1)} s, ${again.cpu.toFixed(1)} s of CPU = ${((100 * again.cpu) / fresh.cpu).toFixed(0)}% of the fresh import's (budget 40%)`,
)
if (!process.env.BENCH_DATABASE_URL) {
  // The floor: the same rows read by csv-parse and written by one prepared INSERT into an empty
  // Contact table with its indexes, in one transaction — no checks, no aggregates, no staging,
  // no triggers.
  const { default: Database } = await import('better-sqlite3')
  const { parse } = await import('csv-parse')
  const floor = path.join(dir, 'floor.db')
  await applyMigrations(`file:${floor}`)
  const db = new Database(floor)
  // Plain: without the change-version triggers the app's Contact table has.
  for (const { name } of db.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'Contact'`).all() as Array<{ name: string }>) db.exec(`DROP TRIGGER "${name}"`)
  db.exec(`INSERT INTO "Channel" ("key", "name", "sortOrder") VALUES ${channels.map((c, i) => `('${c.toLowerCase()}', '${c}', ${i})`).join(', ')}`)
  const channelIds = new Map(channels.map((c, i) => [c, i + 1]))
  const insert = db.prepare(
    'INSERT INTO "Contact" ("channelId", "externalId", "arrivedAt", "outcome", "waitSec", "handleSec", "agent", "queue", "fcr", "nps") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  )
  const began = performance.now()
  const cpu = process.cpuUsage()
  db.exec('BEGIN')
  for await (const r of createReadStream(file).pipe(parse({ from_line: 2 }))) {
    const [id, channel, arrived, outcome, wait, handle, agent, queue, fcr, nps] = r as string[]
    insert.run(channelIds.get(channel!)!, id!, Date.parse(`${arrived!.replace(' ', 'T')}-03:00`), outcome!, Number(wait), Number(handle), agent || null, queue || null, fcr === '' ? null : fcr === 'true' ? 1 : 0, nps === '' ? null : Number(nps))
  }
  db.exec('COMMIT')
  db.close()
  const floorCpu = cpuSeconds(cpu)
  console.log(
    `Plain prepared insert of the same rows (the floor): ${((performance.now() - began) / 1000).toFixed(1)} s, ${floorCpu.toFixed(1)} s of CPU; ` +
      `the import takes ${(fresh.cpu / floorCpu).toFixed(2)}× its CPU (budget 2×)`,
  )
}

const timings: number[] = []
let buckets = 0
for (let i = 0; i < 7; i++) {
  const t = performance.now()
  buckets = (await getActuals({ from: '2025-01-01', to: '2026-01-01', size: 60, timeZone: 'America/Sao_Paulo' })).length
  timings.push(performance.now() - t)
}
timings.sort((a, b) => a - b)
console.log(`Hourly actuals for a year, 4 channels (${buckets.toLocaleString('en')} rows): median ${timings[3]!.toFixed(1)} ms (budget 150 ms)`)
rmSync(dir, { recursive: true, force: true })
// A PostgreSQL run's pools would keep the process alive.
process.exit(0)
