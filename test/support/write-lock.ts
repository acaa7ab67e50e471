// Another process holding the database's write lock, as an import or a background job does.
import { spawn } from 'node:child_process'
import path from 'node:path'
import { sqliteFilePath } from '../../app/db/url.server.ts'

export interface HeldLock {
  /** Epoch ms (the holder's clock, this machine's) just before it committed. */
  released: Promise<number>
}

/**
 * A second process takes the write lock (BEGIN IMMEDIATE, waiting its turn for it), holds it `ms`,
 * commits and exits. Resolves once it holds it.
 */
export function holdWriteLock(databaseUrl: string, ms: number): Promise<HeldLock> {
  const script = `
    const db = new (require('better-sqlite3'))(${JSON.stringify(sqliteFilePath(databaseUrl))}, { timeout: 60000 })
    db.exec('BEGIN IMMEDIATE')
    console.log('held')
    setTimeout(() => { const at = Date.now(); db.exec('COMMIT'); console.log('released ' + at); db.close() }, ${ms})`
  const child = spawn(process.execPath, ['-e', script], { cwd: path.resolve(import.meta.dirname, '../..'), stdio: ['ignore', 'pipe', 'inherit'] })
  let output = ''
  let released: (at: number) => void
  const releasedAt = new Promise<number>((resolve) => (released = resolve))
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      if (output.startsWith('held\n')) resolve({ released: releasedAt })
      const at = /released (\d+)/.exec(output)
      if (at) released(Number(at[1]))
    })
    child.on('exit', (code) => (code === 0 ? undefined : reject(new Error(`the lock holder exited with ${code}`))))
  })
}
