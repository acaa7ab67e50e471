import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Gaps } from '../components/data/gaps.tsx'
import { ImportHistory } from '../components/data/import-history.tsx'
import { importFailure, JobStatus } from '../components/data/job-status.tsx'
import { MappingStep } from '../components/data/mapping-step.tsx'
import { UploadForm } from '../components/data/upload-form.tsx'
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
  type UploadPreview,
} from '../services/uploads.server.ts'
import { UnfinishedJob } from '../components/unfinished-job.tsx'
import { answerBusy } from '../utils/database-busy.server.ts'
import { done, readForm, refuse, validate } from '../utils/form.server.ts'
import { useFormResult } from '../utils/form.ts'
import { idSchema } from '../schemas/id.ts'
import { useCan } from '../utils/user.ts'
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

export default function DataRoute() {
  const { timeZone, job, unfinished, history, maxUploadMegabytes: limit, gaps, tagged } = useLoaderData<typeof loader>()
  const upload = useFormResult<Mapping>('upload')
  const remap = useFormResult<Record<never, never>, Mapping>('mapping')
  const mapping = upload.done ?? remap.refused
  const { t } = useTranslation()
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

      <Gaps gaps={gaps} tagged={tagged} />

      <ImportHistory history={history} timeZone={timeZone} />
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
