// Uploaded CSV files: streamed to disk by the multipart parser (never held in memory), then
// previewed for the column-mapping step and imported as a background job whose progress the
// Data page polls. Jobs live in this process's memory: one app process serves the dashboard.
import { recordAudit, type Actor } from './audit.server.ts'
import { randomUUID } from 'node:crypto'
import { createReadStream, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import path from 'node:path'
import { databaseUrl, sqliteFilePath } from '../db/url.server.ts'
import { mapColumns, formats, type ImportKind } from '../domain/import/formats.ts'
import type { ImportErrorCode, ImportErrorParams } from '../domain/import/errors.ts'
import { detectFileEncoding, readCsv, UnreadableFile, type Encoding } from './csv-source.server.ts'
import { importCsv, type ImportResult } from './import.server.ts'
import { importDates } from './import-dates.server.ts'

// Jobs by upload id, and the chain that runs imports one at a time.
const jobs = new Map<string, ImportJob>()
let queue: Promise<unknown> = Promise.resolve()

/** Largest upload accepted, MB (env MAX_UPLOAD_MB). A year of contacts is ~80 MB. */
export const maxUploadMegabytes = Number(process.env.MAX_UPLOAD_MB ?? 200)

const uploadIdPattern = /^[0-9a-f-]{36}$/

/** An upload nobody imported within a day is abandoned (a cancelled mapping, a closed tab). */
const ABANDONED_AFTER_MS = 86_400_000

/** Where uploads wait for their import: beside the database file. */
export function uploadDirectory(): string {
  const file = sqliteFilePath(databaseUrl())
  const dir = path.join(file === ':memory:' ? process.cwd() : path.dirname(file), 'uploads')
  mkdirSync(dir, { recursive: true })
  return dir
}

/** Removes abandoned uploads; run when a new file arrives, not on every look-up of one. */
export function sweepAbandonedUploads(): void {
  const dir = uploadDirectory()
  const now = Date.now()
  for (const name of readdirSync(dir)) {
    const stale = path.join(dir, name)
    if (!jobs.has(name.replace(/\.csv$/, '')) && now - statSync(stale).mtimeMs > ABANDONED_AFTER_MS) rmSync(stale, { force: true })
  }
}

/** Removes an upload that will not be imported (cancelled, unreadable, or refused before import). */
export function discardUpload(uploadId: string): void {
  if (jobs.get(uploadId)?.status === 'running') return
  rmSync(uploadPath(uploadId), { force: true })
}

export function newUploadId(): string {
  return randomUUID()
}

export function uploadPath(uploadId: string): string {
  if (!uploadIdPattern.test(uploadId)) throw new Response('Unknown upload', { status: 404 })
  return path.join(uploadDirectory(), `${uploadId}.csv`)
}

export interface UploadPreview {
  uploadId: string
  fileName: string
  bytes: number
  encoding: Encoding | undefined
  delimiter: string | undefined
  header: string[]
  sample: string[][]
  /** Our column → the file's header, as found automatically. */
  proposed: Record<string, string>
  missing: string[]
  required: readonly string[]
  optional: readonly string[]
  error: { code: ImportErrorCode; params: ImportErrorParams } | null
}

/** The upload's file, or a refusal when it is gone (swept after a day, or imported by another tab). */
function uploadedFile(uploadId: string): string {
  const file = uploadPath(uploadId)
  if (!existsSync(file)) throw new Response('This upload is no longer here: upload the file again.', { status: 400 })
  return file
}

/**
 * Reads the header and the first rows of an upload for the mapping step, with the columns found
 * (or, given `chosen` — our column → the file's, '' for none — those chosen) and the required
 * ones left without a column.
 */
export async function previewUpload(uploadId: string, fileName: string, kind: ImportKind, chosen?: Record<string, string>): Promise<UploadPreview> {
  const file = uploadedFile(uploadId)
  const csv = readCsv(createReadStream(file), undefined, await detectFileEncoding(file))
  const sample: string[][] = []
  let error: UploadPreview['error'] = null
  try {
    for await (const record of csv.records) {
      sample.push(record.fields)
      if (sample.length >= 5) break
    }
  } catch (caught) {
    if (!(caught instanceof UnreadableFile)) throw caught
    error = { code: caught.code, params: caught.params }
  }
  const header = csv.header() ?? []
  const mapped = mapColumns(kind, header, chosen)
  const proposed = Object.fromEntries(Object.entries(mapped.mapping).map(([ours, index]) => [ours, header[index]!]))
  if (!error && header.length === 0) error = { code: 'emptyFile', params: {} }
  return {
    uploadId,
    fileName,
    bytes: statSync(file).size,
    encoding: csv.encoding(),
    delimiter: csv.delimiter(),
    header,
    sample,
    proposed,
    missing: mapped.missing,
    required: formats[kind].required,
    optional: formats[kind].optional,
    error,
  }
}

export interface MappingChoice {
  uploadId: string
  fileName: string
  kind: ImportKind
  timeZone: string
  /** Our column → the file's column ('' for none). */
  mapping: Record<string, string>
}

/**
 * The mapping step's answer: the import started (or the one already under way for this upload),
 * or the preview again when a required column has no column of the file.
 */
export async function submitMapping(choice: MappingChoice, actor: Actor): Promise<{ job: ImportJob } | { preview: UploadPreview }> {
  const existing = jobs.get(choice.uploadId)
  if (existing) return { job: existing }
  const preview = await previewUpload(choice.uploadId, choice.fileName, choice.kind, choice.mapping)
  if (preview.missing.length > 0 || preview.error) return { preview }
  return { job: startImportJob(choice, actor) }
}

export interface ImportJob {
  id: string
  fileName: string
  kind: ImportKind
  totalBytes: number
  bytes: number
  rows: number
  status: 'running' | 'done' | 'failed'
  result: ImportResult | null
  failure: string | null
}

/** Starts importing an upload in the background; the file is removed when it ends. */
function startImportJob(options: MappingChoice, actor: Actor): ImportJob {
  const file = uploadedFile(options.uploadId)
  const job: ImportJob = {
    id: options.uploadId,
    fileName: options.fileName,
    kind: options.kind,
    totalBytes: statSync(file).size,
    bytes: 0,
    rows: 0,
    status: 'running',
    result: null,
    failure: null,
  }
  jobs.set(job.id, job)
  // One import at a time: a second one waits for the first to finish instead of contending for
  // the write lock. A job never rejects, so the chain never breaks.
  const run = async () => {
    try {
      const result = await importCsv(createReadStream(file), {
        encoding: await detectFileEncoding(file),
        kind: options.kind,
        timeZone: options.timeZone,
        fileName: options.fileName,
        dates: importDates(options.timeZone),
        mapping: options.mapping,
        onProgress: ({ rows, bytes }) => {
          job.rows = rows
          job.bytes = bytes
        },
      })
      job.result = result
      // Audited when it ends: what was imported, or refused, and by whom.
      // A failed audit write must not report a committed import as failed: it is logged instead.
      await recordAudit(actor, 'import', `import:${result.importId}`, {
        file: options.fileName,
        kind: options.kind,
        status: result.status,
        rows: result.rows,
        ...(result.status === 'imported' ? { firstAt: result.firstAt, lastAt: result.lastAt } : { errorCount: result.errorCount }),
      }).catch((error: unknown) => console.error('audit of import failed', error))
      job.rows = result.rows
      job.bytes = job.totalBytes
      job.status = 'done'
    } catch (error) {
      console.error(error)
      job.failure = error instanceof Error ? error.message : String(error)
      job.status = 'failed'
    } finally {
      rmSync(file, { force: true })
    }
  }
  queue = queue.then(run)
  return job
}

export function getImportJob(id: string): ImportJob | null {
  return jobs.get(id) ?? null
}
