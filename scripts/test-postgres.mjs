// The suite on PostgreSQL, against TEST_POSTGRES_URL: the PostgreSQL-only tests (project
// integration-postgres), the whole integration suite, then the browser suite (built app), each
// test file on a database of its own (TEST_DATABASE=postgres):
//   node scripts/test-postgres.mjs                  (npm test) runs them when TEST_POSTGRES_URL is
//                                                   set, says they were skipped when not
//   node scripts/test-postgres.mjs --own-cluster    (npm run test:postgres) on a throwaway cluster
//                                                   of its own, stopped and removed afterwards
// Further arguments go to vitest (e.g. a test file; a suite without it passes).
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { startCluster, stopCluster } from './postgres-cluster.mjs'

const root = path.resolve(import.meta.dirname, '..')
const vitest = path.join(root, 'node_modules/.bin/vitest')
const remix = path.join(root, 'node_modules/.bin/remix')

let child = null
// Set on Ctrl-C or SIGTERM (below): no further suite starts.
let interrupted = false
function vitestRun(args, env) {
  return new Promise((resolve) => {
    child = spawn(vitest, ['run', ...args], { stdio: 'inherit', env })
    child.on('error', (error) => {
      console.error(`Could not run ${vitest}: ${error.message}`)
      resolve(1)
    })
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)))
  })
}

/** The integration suites, then the browser suite (built first, as `npm run test:e2e` does). */
async function runTests(args, env) {
  env = { ...env, TEST_DATABASE: 'postgres' }
  const filtered = args.length > 0 ? ['--passWithNoTests', ...args] : []
  const integration = await vitestRun(['--project', 'integration-postgres', '--project', 'integration', ...filtered], env)
  if (integration !== 0 || interrupted) return integration || 1
  const built = spawnSync(process.execPath, [path.join(root, 'scripts/check-browser.mjs')], { stdio: 'inherit' }).status === 0 &&
    spawnSync(remix, ['build'], { stdio: 'inherit', cwd: root }).status === 0
  if (!built) return 1
  return vitestRun(['--project', 'e2e', ...filtered], env)
}

const args = process.argv.slice(2)
const ownCluster = args[0] === '--own-cluster'
if (ownCluster) args.shift()

if (!ownCluster) {
  if (!process.env.TEST_POSTGRES_URL) {
    console.log('PostgreSQL tests skipped: set TEST_POSTGRES_URL (see README, Running on PostgreSQL)')
    process.exit(0)
  }
  process.exit(await runTests(args, process.env))
}

const dir = mkdtempSync(path.join(tmpdir(), 'traffic-pg-'))
const cleanUp = () => {
  try {
    stopCluster(dir)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
// On Ctrl-C or SIGTERM: end vitest, then stop the server (in a session of its own, a signal to
// this process group does not reach it).
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    interrupted = true
    child?.kill(signal)
  })
}

let code = 1
try {
  const started = Date.now()
  const url = await startCluster(dir)
  console.log(`PostgreSQL started in ${((Date.now() - started) / 1000).toFixed(1)} s: ${url}`)
  if (!interrupted) code = await runTests(args, { ...process.env, TEST_POSTGRES_URL: url })
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
} finally {
  cleanUp()
}
process.exit(code)
