import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react'
import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '../components/error-boundary.tsx'
import { mappingFrom, mappingSchema, uploadSchema } from '../schemas/data.ts'
import { requireUser } from '../services/auth.server.ts'
import { listImports } from '../services/import.server.ts'
import { getOperation } from '../services/operation.server.ts'
import {
  discardUpload,
  getImportJob,
  listUnfinishedImports,
  maxUploadMegabytes,
  previewUpload,
  receiveUpload,
  submitMapping,
  uploadPath,
  type ImportJobView,
  type UploadPreview,
} from '../services/uploads.server.ts'
import { UnfinishedJob } from '../components/unfinished-job.tsx'
import { isUnderWay } from '../domain/jobs.ts'
import { usePollWhile } from '../utils/use-poll.ts'
import { answerBusy } from '../utils/database-busy.server.ts'
import { done, readForm, refuse, validate } from '../utils/form.server.ts'
import { useFormResult } from '../utils/form.ts'
import { idSchema } from '../schemas/id.ts'
import { formatDay, formatInstant, formatInteger } from '../utils/format.ts'
import { useCan } from '../utils/user.ts'
import { HistoryGaps } from '../components/history-gaps.tsx'
import { listHistoryGaps } from '../services/history-gaps.server.ts'
import { listSpecialDays } from '../services/special-days.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request)
  const jobId = idSchema.safeParse(new URL(request.url).searchParams.get('job'))
  const operation = await getOperation()
  const [job, unfinished, history, gaps, specialDays] = await Promise.all([
    jobId.success ? getImportJob(jobId.data) : null,
    listUnfinishedImports(),
    listImports(),
    listHistoryGaps(operation.timeZone),
    listSpecialDays(),
  ])
  return {
    timeZone: operation.timeZone,
    job,
    unfinished: unfinished.filter((j) => j.id !== job?.id),
    history,
    maxUploadMegabytes,
    gaps,
    tagged: Object.fromEntries(specialDays.map((d) => [d.date, d.kind])),
  }
}

/** The mapping step's page: the file's preview, and the kind and time zone chosen with it. */
type Mapping = { preview: UploadPreview; kind: 'contacts' | 'intervals'; timeZone: string }

export async function action(args: ActionFunctionArgs) {
  return answerBusy(args, act)
}

async function act({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, 'importData')
  if (request.headers.get('Content-Type')?.startsWith('multipart/form-data')) {
    // Step 1: the file streams to disk; we answer with its preview for the mapping step.
    const upload = await receiveUpload(request)
    const submission = { intent: 'upload', values: upload.fields }
    if (upload.status === 'tooLarge') return refuse('upload', submission, { file: 'data.tooLarge' }, { init: { status: 413 } })
    const parsed = validate(submission, uploadSchema)
    if (upload.status !== 'received') return refuse('upload', submission, { file: 'data.noFile', ...(parsed.ok ? {} : parsed.errors) })
    if (!parsed.ok) {
      await discardUpload(upload.uploadId)
      return refuse('upload', submission, parsed.errors)
    }
    const preview = await previewUpload(upload.uploadId, upload.fileName, parsed.data.kind)
    if (preview.error) await discardUpload(upload.uploadId)
    return done<Mapping>('upload', { preview, ...parsed.data })
  }
  // Step 2: the mapping is confirmed; the import runs in the background and the page follows it.
  const submission = await readForm(request)
  const values = submission.values as Record<string, string>
  if (submission.intent === 'cancel') {
    if (values.uploadId) await discardUpload(values.uploadId)
    return redirect('/data')
  }
  const parsed = validate(submission, mappingSchema)
  if (!parsed.ok) throw new Response('Invalid import request', { status: 400 })
  uploadPath(parsed.data.uploadId) // refuses ids that are not ours
  const submitted = await submitMapping({ ...parsed.data, mapping: mappingFrom(values) }, user)
  if ('preview' in submitted) {
    // A required column without a column of the file: the mapping step again, saying which.
    return refuse<Mapping>('mapping', submission, {}, { extra: { preview: submitted.preview, kind: parsed.data.kind, timeZone: parsed.data.timeZone } })
  }
  return redirect(`/data?job=${submitted.jobId}`)
}

function UploadForm({ timeZone, errors: sent, limit }: { timeZone: string; errors: Record<string, string>; limit: number }) {
  const { t } = useTranslation()
  const navigation = useNavigation()
  // A file over the limit is refused here before it is sent (the server would cut it off).
  const [tooLarge, setTooLarge] = useState(false)
  const errors = tooLarge ? { ...sent, file: 'data.tooLarge' } : sent
  const checkSize = (event: FormEvent<HTMLFormElement>) => {
    const file = new FormData(event.currentTarget).get('file')
    const over = file instanceof File && file.size > limit * 1024 * 1024
    setTooLarge(over)
    if (over) event.preventDefault()
  }
  return (
    <Form method="post" encType="multipart/form-data" className="form-grid" id="upload" onSubmit={checkSize}>
      <label htmlFor="upload-file">
        {t('data.file')}
        <input
          id="upload-file"
          name="file"
          type="file"
          accept=".csv,.txt,text/csv"
          required
          aria-invalid={errors.file ? true : undefined}
          onChange={() => setTooLarge(false)}
        />
        {errors.file && (
          <span className="field-error" role="alert">
            {t(errors.file, { limit })}
          </span>
        )}
      </label>
      <label htmlFor="upload-kind">
        {t('data.kind')}
        <select id="upload-kind" name="kind" defaultValue="contacts">
          <option value="contacts">{t('data.kindContacts')}</option>
          <option value="intervals">{t('data.kindIntervals')}</option>
        </select>
      </label>
      <label htmlFor="upload-tz">
        {t('settings.timeZone')}
        <input id="upload-tz" name="timeZone" defaultValue={timeZone} aria-invalid={errors.timeZone ? true : undefined} />
        {errors.timeZone && <span className="field-error">{t(errors.timeZone)}</span>}
      </label>
      <div>
        <button type="submit" disabled={navigation.state === 'submitting'}>
          {navigation.state === 'submitting' ? t('data.uploading') : t('data.upload')}
        </button>
      </div>
      <p className="note">{t('data.limit', { limit })}</p>
    </Form>
  )
}

function MappingStep({ preview, kind, timeZone }: { preview: UploadPreview; kind: string; timeZone: string }) {
  const { t, i18n } = useTranslation()
  const columns = [...preview.required, ...preview.optional]
  const [chosen, setChosen] = useState(preview.proposed)
  useEffect(() => setChosen(preview.proposed), [preview])
  // Import waits for every required column; without JavaScript the server refuses the same.
  const unmapped = preview.required.filter((column) => !chosen[column])
  if (preview.error) {
    return (
      <p className="status error" role="alert">
        {t('data.unreadable', { reason: t(`importErrors.${preview.error.code}`, preview.error.params) })}
      </p>
    )
  }
  return (
    <Form method="post" id="mapping">
      <input type="hidden" name="uploadId" value={preview.uploadId} />
      <input type="hidden" name="fileName" value={preview.fileName} />
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="timeZone" value={timeZone} />
      <p className="note">
        {t('data.detected', {
          file: preview.fileName,
          size: formatInteger(Math.ceil(preview.bytes / 1024), i18n.language),
          encoding: preview.encoding === 'windows-1252' ? 'Latin-1' : 'UTF-8',
          delimiter: preview.delimiter === '\t' ? 'TAB' : preview.delimiter,
        })}
      </p>
      <div className="scroll">
        <table className="data mapping">
          <thead>
            <tr>
              <th scope="col">{t('data.ourColumn')}</th>
              <th scope="col">{t('data.theirColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {columns.map((column) => {
              const required = preview.required.includes(column)
              return (
                <tr key={column}>
                  <td>
                    <code>{column}</code> {required ? '' : <span className="note">({t('settings.optional')})</span>}
                  </td>
                  <td>
                    <select
                      name={`map.${column}`}
                      value={chosen[column] ?? ''}
                      onChange={(event) => setChosen({ ...chosen, [column]: event.target.value })}
                      aria-label={column}
                      aria-invalid={required && !chosen[column] ? true : undefined}
                    >
                      <option value="">{required ? t('data.choose') : t('data.none')}</option>
                      {preview.header.map((h) => (
                        <option key={h} value={h}>
                          {h}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      {preview.sample.length > 0 && (
        <>
          <h3>{t('data.sample')}</h3>
          <div className="scroll">
            <table className="data">
              <thead>
                <tr>
                  {preview.header.map((h) => (
                    <th key={h} scope="col">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {preview.sample.map((row, i) => (
                  <tr key={i}>
                    {row.map((cell, j) => (
                      <td key={j}>{cell}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {unmapped.length > 0 && (
        <p className="field-error" role="alert" data-testid="mapping-missing">
          {t('data.unmapped', { columns: unmapped.join(', ') })}
        </p>
      )}
      <p>
        <button
          type="submit"
          aria-disabled={unmapped.length > 0 || undefined}
          onClick={(event) => unmapped.length > 0 && event.preventDefault()}
        >
          {t('data.import')}
        </button>{' '}
        <button type="submit" name="intent" value="cancel" className="secondary" formNoValidate>
          {t('data.cancel')}
        </button>
      </p>
    </Form>
  )
}

/** Why an import job failed, in the reader's language. */
function importFailure(job: ImportJobView, t: (key: string, params?: Record<string, unknown>) => string): string {
  const error = job.error
  if (!error) return ''
  if (error.reason === 'uploadGone') return t('jobs.uploadGone')
  if (error.reason === 'stopped') return t('jobs.stopped', { message: error.message })
  return t('data.failed', { reason: error.message })
}

function JobStatus({ job, timeZone }: { job: ImportJobView; timeZone: string }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const canImport = useCan('importData')
  const underWay = isUnderWay(job.state)
  usePollWhile(underWay, 700)
  if (underWay) {
    const share = job.totalBytes > 0 ? job.bytes / job.totalBytes : 0
    return (
      <div role="status" data-testid="import-progress">
        <p>{job.state === 'queued' ? t('jobs.queued') : t('data.importing', { file: job.fileName, rows: formatInteger(job.rows, language) })}</p>
        <progress max={1} value={share} aria-label={t('data.progress')} />
      </div>
    )
  }
  if (job.state === 'discarded') return <p className="note">{t('data.discarded', { file: job.fileName })}</p>
  if (job.state !== 'done' || !job.result) {
    return <UnfinishedJob id={job.id} state={job.state} what={t('data.jobWhat', { file: job.fileName })} why={importFailure(job, t)} canAct={canImport} />
  }
  const r = job.result
  if (r.status === 'refused') {
    return (
      <div role="alert" data-testid="import-refused">
        <p className="status error">{t('data.refused', { file: job.fileName, count: r.errorCount })}</p>
        <div className="scroll">
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t('data.line')}</th>
                <th scope="col">{t('data.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {r.errors.map((e, i) => (
                <tr key={i}>
                  <td>{e.line > 0 ? e.line : '—'}</td>
                  <td className="reason">{t(`importErrors.${e.code}`, e.params)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {r.errorCount > r.errors.length && <p className="note">{t('data.moreErrors', { count: r.errorCount - r.errors.length })}</p>}
      </div>
    )
  }
  return (
    <div className="status ok" role="status" data-testid="import-done">
      <p>
        {t('data.imported', {
          file: job.fileName,
          rows: formatInteger(r.rows, language),
          inserted: formatInteger(r.inserted, language),
          updated: formatInteger(r.updated, language),
          unchanged: formatInteger(r.unchanged, language),
        })}
      </p>
      {r.firstAt && r.lastAt && (
        <p>
          {t('data.range', {
            from: formatInstant(r.firstAt, language, timeZone),
            to: formatInstant(r.lastAt, language, timeZone),
          })}
        </p>
      )}
      <p>{r.byChannel.map((c) => `${c.channel}: ${formatInteger(c.rows, language)}`).join(' · ')}</p>
      {r.channelsCreated.length > 0 && <p>{t('data.channelsCreated', { channels: r.channelsCreated.join(', ') })}</p>}
      <p>
        <Link to="/volume">{t('data.seeVolume')}</Link>
      </p>
    </div>
  )
}

/** Each channel's gaps in its last year of data, to see and tag (forecasts leave them out by themselves). */
function Gaps() {
  const { gaps, tagged } = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation()
  const language = i18n.language
  if (gaps.length === 0) return null
  const found = gaps.filter((c) => c.gaps.length > 0)
  return (
    <section className="panel" aria-labelledby="gaps-title" data-testid="data-gaps">
      <h2 id="gaps-title">{t('gaps.title')}</h2>
      <p className="note">{t('gaps.intro')}</p>
      {found.length === 0 && <p>{t('gaps.none')}</p>}
      {found.map((c) => (
        <div key={c.channelId} className="stack spaced">
          <h3>{t('gaps.channelSpan', { channel: c.name, from: formatDay(c.from, language), to: formatDay(c.to, language) })}</h3>
          <HistoryGaps gaps={c.gaps} tagged={tagged} testId={`gaps-${c.channelId}`} />
        </div>
      ))}
    </section>
  )
}

export default function DataRoute() {
  const { timeZone, job, unfinished, history, maxUploadMegabytes: limit } = useLoaderData<typeof loader>()
  const upload = useFormResult<Mapping>('upload')
  const remap = useFormResult<Record<never, never>, Mapping>('mapping')
  const mapping = upload.done ?? remap.refused
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const canImport = useCan('importData')
  return (
    <>
      <h1>{t('nav.data')}</h1>
      <p className="subtitle">{t('areas.data')}</p>

      {(job || unfinished.length > 0) && (
        <section className="panel" aria-labelledby="job-title">
          <h2 id="job-title">{t('data.result')}</h2>
          {job && <JobStatus job={job} timeZone={timeZone} />}
          {unfinished.map((other) => (
            <UnfinishedJob
              key={other.id}
              id={other.id}
              state={other.state}
              what={t('data.jobWhat', { file: other.fileName })}
              why={importFailure(other, t)}
              canAct={canImport}
            />
          ))}
        </section>
      )}

      <section className="panel" aria-labelledby="upload-title">
        <h2 id="upload-title">{mapping ? t('data.mapping') : t('data.uploadTitle')}</h2>
        {!canImport ? (
          <p className="note">{t('readOnly.importData')}</p>
        ) : mapping ? (
          <MappingStep preview={mapping.preview} kind={mapping.kind} timeZone={mapping.timeZone} />
        ) : (
          <UploadForm timeZone={timeZone} errors={upload.errors} limit={limit} />
        )}
        <p className="note">{t('data.formats')}</p>
      </section>

      <Gaps />

      <section className="panel" aria-labelledby="history-title">
        <h2 id="history-title">{t('data.history')}</h2>
        {history.length === 0 ? (
          <p className="note">{t('data.noHistory')}</p>
        ) : (
          <div className="scroll">
            <table className="data" data-testid="import-history">
              <thead>
                <tr>
                  <th scope="col">{t('data.when')}</th>
                  <th scope="col">{t('data.file')}</th>
                  <th scope="col">{t('data.kind')}</th>
                  <th scope="col">{t('data.status')}</th>
                  <th scope="col">{t('data.rows')}</th>
                  <th scope="col">{t('data.new')}</th>
                  <th scope="col">{t('data.updatedRows')}</th>
                  <th scope="col">{t('data.errors')}</th>
                </tr>
              </thead>
              <tbody>
                {history.map((run) => (
                  <tr key={run.id}>
                    <td>{formatInstant(run.finishedAt, language, timeZone)}</td>
                    <td>{run.fileName}</td>
                    <td>{t(run.kind === 'contacts' ? 'data.kindContacts' : 'data.kindIntervals')}</td>
                    <td className={run.status === 'imported' ? 'good' : 'bad'}>{t(run.status === 'imported' ? 'data.statusImported' : 'data.statusRefused')}</td>
                    <td>{formatInteger(run.rows, language)}</td>
                    <td>{formatInteger(run.inserted, language)}</td>
                    <td>{formatInteger(run.updated, language)}</td>
                    <td>{formatInteger(run.errorCount, language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
