// `npm start`: build when the sources are newer than the build, migrate and seed the database
// (and print the first administrator's one-time password), then serve the app on PORT (default
// 3000), on this machine only unless HOST says otherwise.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bin = (name) => path.join(root, 'node_modules', '.bin', name)
const serverBuild = path.join(root, 'build', 'index.js')

function newestMtime(entry) {
  const stat = statSync(entry)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = stat.mtimeMs
  for (const child of readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)))
  return newest
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

const sources = ['app', 'remix.config.js', 'package.json'].map((p) => path.join(root, p))
const stale = !existsSync(serverBuild) || Math.max(...sources.map(newestMtime)) > statSync(serverBuild).mtimeMs
if (stale) {
  console.log('Building the app…')
  run(bin('remix'), ['build'])
}

run(bin('tsx'), [path.join(root, 'scripts', 'prepare-db.ts')])

const port = process.env.PORT ?? '3000'
const server = spawn(process.execPath, [path.join(root, 'scripts', 'serve.mjs'), serverBuild], {
  cwd: root,
  stdio: 'inherit',
  env: { NODE_ENV: 'production', HOST: '127.0.0.1', ...process.env, PORT: port },
})
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal))
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
