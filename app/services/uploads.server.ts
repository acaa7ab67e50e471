// Uploads of the Data page: previewed for the column-mapping step, then imported by a background
// job (app/services/job-runner.server.ts) whose progress the page follows. The file stays on disk
// until the job has read it whole (app/services/upload-files.server.ts).
import { createReadStream, existsSync, statSync } from 'node:fs'
import {
  MaxPartSizeExceededError,
  unstable_composeUploadHandlers,
  unstable_createFileUploadHandler,
  unstable_createMemoryUploadHandler,
} from '@remix-run/node'
import { mapColumns, formats, type ImportKind } from '../domain/import/formats.ts'
import { stoppedBeforeItsEnd } from '../domain/jobs.ts'
import type { ImportErrorCode, ImportErrorParams } from '../domain/import/errors.ts'
import type { Actor } from './audit.server.ts'
import { detectFileEncoding, readCsv, UnreadableFile, type Encoding } from './csv-source.server.ts'
import { importCsvAs, type ImportResult } from './import.server.ts'
import { importDates } from './import-dates.server.ts'
import { enqueueJob, jobProgress } from './job-runner.server.ts'
import { listJobs, readJob, type JobOutcome, type JobRecord } from './jobs.server.ts'
import { parseMultipartFormData } from './multipart.server.ts'
import { maxUploadMegabytes, newUploadId, removeUpload, sweepAbandonedUploads, uploadDirectory, uploadPath } from './upload-files.server.ts'

export { maxUploadMegabytes, newUploadId, uploadPath } from './upload-files.server.ts'

/** Import jobs that still need their file. */
const filesNeededBy = ['queued', 'running', 'interrupted', 'failed'] as const

/** Removes uploads nobody imported within a day; run when a new file arrives. */
export async function sweepUploads(): Promise<void> {
  const jobs = await listJobs('import', filesNeededBy, 10_000)
  sweepAbandonedUploads(new Set(jobs.map((job) => (job.input as ImportJobInput).uploadId)))
}

/** Removes an upload that will not be imported (cancelled, unreadable, or refused before import). */
export async function discardUpload(uploadId: string): Promise<void> {
  if (await activeImportOf(uploadId)) return
  removeUpload(uploadId)
}

async function activeImportOf(uploadId: string): Promise<JobRecord<ImportJobInput> | null> {
  const jobs = (await listJobs('import', filesNeededBy, 10_000)) as Array<JobRecord<ImportJobInput>>
  return jobs.find((job) => job.input.uploadId === uploadId) ?? null
}

/** A file posted to the Data page: kept under a new upload id, or why nothing was kept. */
export type ReceivedUpload =
  | { status: 'received'; uploadId: string; fileName: string; fields: Record<string, string> }
  | { status: 'noFile' | 'tooLarge'; fields: Record<string, string> }

/**
 * Step 1 of an import: the posted file streams to the uploads folder under a new id (the form's
 * other fields stay in memory), after old abandoned uploads are swept. A file over the limit, a
 * broken request or a form without a file keeps nothing.
 */
export async function receiveUpload(request: Request): Promise<ReceivedUpload> {
  await sweepUploads()
  const uploadId = newUploadId()
  let fileName = 'upload.csv'
  let form: FormData
  try {
    form = await parseMultipartFormData(
      request,
      unstable_composeUploadHandlers(
        unstable_createFileUploadHandler({
          directory: uploadDirectory(),
          maxPartSize: maxUploadMegabytes * 1024 * 1024,
          file: ({ filename }) => {
            fileName = filename
            return `${uploadId}.csv`
          },
          filter: ({ name }) => name === 'file',
          avoidFileConflicts: false,
        }),
        unstable_createMemoryUploadHandler({ maxPartSize: 10_000 }),
      ),
    )
  } catch (error) {
    // Too large, malformed, or the client left: what arrived of the file is not kept.
    await discardUpload(uploadId)
    if (error instanceof MaxPartSizeExceededError) return { status: 'tooLarge', fields: {} }
    throw error
  }
  const fields: Record<string, string> = {}
  for (const [name, value] of form) if (typeof value === 'string') fields[name] = value
  const file = form.get('file')
  if (!file || typeof file === 'string' || file.size === 0) {
    await discardUpload(uploadId)
    return { status: 'noFile', fields }
  }
  return { status: 'received', uploadId, fileName, fields }
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
 * The mapping step's answer: the import job queued (or the one already under way for this upload),
 * or the preview again when a required column has no column of the file.
 */
export async function submitMapping(choice: MappingChoice, actor: Actor): Promise<{ jobId: number } | { preview: UploadPreview }> {
  const existing = await activeImportOf(choice.uploadId)
  if (existing) return { jobId: existing.id }
  const preview = await previewUpload(choice.uploadId, choice.fileName, choice.kind, choice.mapping)
  if (preview.missing.length > 0 || preview.error) return { preview }
  const input: ImportJobInput = { ...choice, totalBytes: preview.bytes }
  const job = await enqueueJob('import', input, actor)
  return { jobId: job.id }
}

export interface ImportJobInput extends MappingChoice {
  totalBytes: number
}

export interface ImportProgress {
  bytes: number
  rows: number
}

/** An import job as the Data page shows it. */
export interface ImportJobView {
  id: number
  fileName: string
  kind: ImportKind
  state: JobRecord['state']
  totalBytes: number
  bytes: number
  rows: number
  result: ImportResult | null
  error: JobRecord['error']
  createdAt: string
}

function importJobView(job: JobRecord<ImportJobInput, ImportResult>): ImportJobView {
  const progress = jobProgress(job.id) as ImportProgress | null
  const done = job.state === 'done'
  return {
    id: job.id,
    fileName: job.input.fileName,
    kind: job.input.kind,
    state: job.state,
    totalBytes: job.input.totalBytes,
    bytes: done ? job.input.totalBytes : (progress?.bytes ?? 0),
    rows: done && job.result ? job.result.rows : (progress?.rows ?? 0),
    result: job.result,
    error: job.error,
    createdAt: job.createdAt,
  }
}

export async function getImportJob(id: number): Promise<ImportJobView | null> {
  const job = await readJob(id)
  return job?.kind === 'import' ? importJobView(job as JobRecord<ImportJobInput, ImportResult>) : null
}

/** Imports that stopped before the end (the server restarted, or the import failed): to retry or discard. */
export async function listUnfinishedImports(): Promise<ImportJobView[]> {
  const jobs = await listJobs('import', ['interrupted', 'failed'])
  return jobs.filter(stoppedBeforeItsEnd).map((job) => importJobView(job as JobRecord<ImportJobInput, ImportResult>))
}

/**
 * The job's work, in its own process: imports the upload and removes its file once read whole
 * (imported, or refused with its bad lines listed); the audit records what came of it.
 */
export async function importWork(job: JobRecord<ImportJobInput>, report: (progress: ImportProgress) => void, finishing: () => void): Promise<JobOutcome> {
  const { input } = job
  const file = uploadPath(input.uploadId)
  if (!existsSync(file)) return { state: 'failed', error: { reason: 'uploadGone', message: input.fileName } }
  const result = await importCsvAs(job.actor, createReadStream(file), {
    encoding: await detectFileEncoding(file),
    kind: input.kind,
    timeZone: input.timeZone,
    fileName: input.fileName,
    dates: importDates(input.timeZone),
    mapping: input.mapping,
    onProgress: report,
    beforeWrite: finishing,
  })
  removeUpload(input.uploadId)
  return { state: 'done', result }
}
