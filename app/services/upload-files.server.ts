// Uploaded files on disk: streamed there by the multipart parser (never held in memory), kept
// while their import is queued, running, interrupted or failed (a retry reads them again), and
// removed once imported, discarded, or abandoned before the mapping step was confirmed.
import { randomUUID } from 'node:crypto'
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import path from 'node:path'
import { databaseUrl, isPostgresUrl, sqliteFilePath } from '../db/url.server.ts'

/** Largest upload accepted, MB (env MAX_UPLOAD_MB). A year of contacts is ~80 MB. */
export const maxUploadMegabytes = Number(process.env.MAX_UPLOAD_MB ?? 200)

const uploadIdPattern = /^[0-9a-f-]{36}$/

/** An upload nobody imported within a day is abandoned (a cancelled mapping, a closed tab). */
const ABANDONED_AFTER_MS = 86_400_000

/**
 * Where uploads wait for their import: beside the SQLite file; on PostgreSQL, UPLOAD_DIR, by
 * default data/uploads under the working directory (the project root). Several app processes on
 * one PostgreSQL database must share that folder: a job another process runs reads the upload.
 */
export function uploadDirectory(): string {
  const url = databaseUrl()
  let dir: string
  if (isPostgresUrl(url)) dir = path.resolve(process.env.UPLOAD_DIR?.trim() || path.join('data', 'uploads'))
  else {
    const file = sqliteFilePath(url)
    dir = path.join(file === ':memory:' ? process.cwd() : path.dirname(file), 'uploads')
  }
  mkdirSync(dir, { recursive: true })
  return dir
}

export function newUploadId(): string {
  return randomUUID()
}

export function uploadPath(uploadId: string): string {
  if (!uploadIdPattern.test(uploadId)) throw new Response('Unknown upload', { status: 404 })
  return path.join(uploadDirectory(), `${uploadId}.csv`)
}

/** Removes an upload's file (imported, discarded, cancelled, or unreadable). */
export function removeUpload(uploadId: string): void {
  rmSync(uploadPath(uploadId), { force: true })
}

/** Removes abandoned uploads other than `kept` (those a job still needs); run when a new file arrives. */
export function sweepAbandonedUploads(kept: ReadonlySet<string>, now = Date.now()): void {
  const dir = uploadDirectory()
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name)
    // A file removed meanwhile (its import ended) has no stat: nothing to sweep.
    const modified = statSync(file, { throwIfNoEntry: false })?.mtimeMs
    if (!kept.has(name.replace(/\.csv$/, '')) && modified !== undefined && now - modified > ABANDONED_AFTER_MS) rmSync(file, { force: true })
  }
}
