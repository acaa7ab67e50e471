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
const began = performance.now()
const result = await importCsv(createReadStream(file), {
  kind: 'contacts',
  timeZone: 'America/Sao_Paulo',
  fileName: 'contacts.csv',
  dates: importDates('America/Sao_Paulo'),
})
const seconds = (performance.now() - began) / 1000
if (result.status !== 'imported') throw new Error(`bench import refused: ${JSON.stringify(result.errors.slice(0, 3))}`)
const rss = process.resourceUsage().maxRSS / 1024
console.log(
  `Import of ${rows.toLocaleString('en')} contacts (${megabytes.toFixed(0)} MB CSV): ${seconds.toFixed(1)} s, ` +
    `${Math.round(rows / seconds).toLocaleString('en')} rows/s, peak RSS ${rss.toFixed(0)} MB (budget 15 s, 500 MB)`,
)

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
