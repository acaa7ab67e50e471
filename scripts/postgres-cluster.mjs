// A throwaway PostgreSQL cluster for tests and CI, in a folder of its own:
//   node scripts/postgres-cluster.mjs start <dir>   prints postgresql://postgres@127.0.0.1:<port>/traffic
//   node scripts/postgres-cluster.mjs stop <dir>
// It listens on 127.0.0.1 only (a free port) with its socket in <dir>, trusts loopback
// connections and never syncs to disk: fast, and nothing in it is meant to survive.
// Run as root (CI), initdb refuses to run, so the server runs as the `postgres` user (or
// `nobody`), which then owns <dir>.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, appendFileSync, chownSync } from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

const SUPERUSER = 'postgres'
const DATABASE = 'traffic'

/** The folder with initdb and pg_ctl: pg_config's, else Debian's highest version. */
export function findBinDir() {
  const fromPgConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' })
  const candidates = fromPgConfig.status === 0 ? [fromPgConfig.stdout.trim()] : []
  const debian = '/usr/lib/postgresql'
  if (existsSync(debian)) {
    const versions = readdirSync(debian).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a))
    candidates.push(...versions.map((v) => path.join(debian, v, 'bin')))
  }
  const found = candidates.find((dir) => existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl')))
  if (!found) {
    throw new Error(
      'PostgreSQL server binaries (initdb, pg_ctl) not found: neither `pg_config --bindir` nor ' +
        '/usr/lib/postgresql/*/bin has them. Install Debian\'s package: sudo apt-get install -y postgresql',
    )
  }
  return found
}

/** Who runs the server: ourselves, or as root a system user (initdb refuses root). */
function serverUser() {
  if (process.getuid?.() !== 0) return null
  for (const name of ['postgres', 'nobody']) {
    const uid = spawnSync('id', ['-u', name], { encoding: 'utf8' })
    const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' })
    if (uid.status === 0 && gid.status === 0) return { name, uid: Number(uid.stdout), gid: Number(gid.stdout) }
  }
  throw new Error('Running as root, and neither a `postgres` nor a `nobody` user exists to run PostgreSQL as.')
}

/** Runs a PostgreSQL binary as `user` (null: ourselves); its output only shows when it fails. */
function run(binDir, program, args, user, cwd) {
  const result = spawnSync(path.join(binDir, program), args, {
    cwd,
    encoding: 'utf8',
    ...(user ? { uid: user.uid, gid: user.gid } : {}),
  })
  return { ok: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ?? ''}` }
}

function fail(message, output) {
  throw new Error(output ? `${message}\n${output.trim()}` : message)
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

/** Creates and starts a cluster in `dir` with a database `traffic`; returns its URL. */
export async function startCluster(dir) {
  const binDir = findBinDir()
  const user = serverUser()
  dir = path.resolve(dir)
  const data = path.join(dir, 'data')
  const log = path.join(dir, 'postgres.log')
  if (existsSync(data)) fail(`${data} already exists: give start an empty or new folder.`)
  mkdirSync(dir, { recursive: true })
  if (user) {
    chownSync(dir, user.uid, user.gid)
    if (spawnSync('test', ['-w', dir], { uid: user.uid, gid: user.gid }).status !== 0) {
      fail(`User ${user.name} cannot write to ${dir} (a parent folder shuts it out): use a folder under /tmp.`)
    }
  }
  // The socket's path has a hard limit of 107 bytes on Linux.
  if (Buffer.byteLength(path.join(dir, '.s.PGSQL.65535.lock')) > 107) {
    fail(`${dir} is too long a path for PostgreSQL's socket: use a shorter folder (e.g. under /tmp).`)
  }

  const initdb = run(
    binDir,
    'initdb',
    ['-D', data, '-U', SUPERUSER, '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync'],
    user,
    dir,
  )
  if (!initdb.ok) fail(`initdb failed in ${data}:`, initdb.output)
  // initdb's pg_hba.conf trusts only the socket and loopback; listening on loopback alone keeps
  // it that way. fsync off: a test cluster trades crash safety for speed.
  const quoted = dir.replaceAll("'", "''")
  appendFileSync(
    path.join(data, 'postgresql.conf'),
    [
      '',
      '# scripts/postgres-cluster.mjs: a throwaway test cluster',
      "listen_addresses = '127.0.0.1'",
      `unix_socket_directories = '${quoted}'`,
      'fsync = off',
      'synchronous_commit = off',
      'full_page_writes = off',
      '',
    ].join('\n'),
  )

  // Another process may take the free port before the server binds it: then try another one.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort()
    const started = run(binDir, 'pg_ctl', ['-D', data, '-l', log, '-o', `-p ${port}`, '-w', '-t', '120', 'start'], user, dir)
    if (started.ok) {
      const url = `postgresql://${SUPERUSER}@127.0.0.1:${port}/${DATABASE}`
      await createDatabase(`postgresql://${SUPERUSER}@127.0.0.1:${port}/postgres`)
      return url
    }
    const logText = existsSync(log) ? readFileSync(log, 'utf8') : ''
    if (attempt < 3 && /already in use/.test(logText)) continue
    fail(`PostgreSQL did not start (log: ${log}):`, `${started.output}\n${logText.split('\n').slice(-20).join('\n')}`)
  }
}

async function createDatabase(adminUrl) {
  const { default: pg } = await import('pg')
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    await client.query(`CREATE DATABASE ${DATABASE}`)
  } finally {
    await client.end()
  }
}

/** Stops the cluster in `dir` (fast: disconnects clients). Nothing running there is fine. */
export function stopCluster(dir) {
  const data = path.join(path.resolve(dir), 'data')
  if (!existsSync(path.join(data, 'postmaster.pid'))) return false
  const owner = statSync(data)
  const user = process.getuid?.() === 0 ? { name: String(owner.uid), uid: owner.uid, gid: owner.gid } : null
  const stopped = run(findBinDir(), 'pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '120', 'stop'], user, path.resolve(dir))
  if (!stopped.ok) fail(`pg_ctl stop failed for ${data}:`, stopped.output)
  return true
}

async function main([command, dir]) {
  if (!dir || (command !== 'start' && command !== 'stop')) {
    console.error('usage: node scripts/postgres-cluster.mjs start|stop <dir>')
    process.exit(2)
  }
  try {
    if (command === 'start') console.log(await startCluster(dir))
    else if (!stopCluster(dir)) console.error(`No PostgreSQL running in ${path.resolve(dir)}.`)
  } catch (error) {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main(process.argv.slice(2))
