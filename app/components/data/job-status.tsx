// An import job's state: its progress, the lines it refused, or what it imported.
import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { isUnderWay } from '../../domain/jobs.ts'
import type { ImportJobView } from '../../services/uploads.server.ts'
import { formatInstant, formatInteger } from '../../utils/format.ts'
import { usePollWhile } from '../../utils/use-poll.ts'
import { useCan } from '../../utils/user.ts'
import { UnfinishedJob } from '../unfinished-job.tsx'

/** Why an import job failed, in the reader's language. */
export function importFailure(job: ImportJobView, t: (key: string, params?: Record<string, unknown>) => string): string {
  const error = job.error
  if (!error) return ''
  if (error.reason === 'uploadGone') return t('jobs.uploadGone')
  if (error.reason === 'stopped') return t('jobs.stopped', { message: error.message })
  return t('data.failed', { reason: error.message })
}

export function JobStatus({ job, timeZone }: { job: ImportJobView; timeZone: string }) {
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
