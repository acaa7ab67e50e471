// A forecast being created, or one whose creation stopped before its end.
import { useTranslation } from 'react-i18next'
import { isUnderWay } from '../../domain/jobs.ts'
import type { ForecastJobView } from '../../services/forecast-jobs.server.ts'
import { usePollWhile } from '../../utils/use-poll.ts'
import { useCan } from '../../utils/user.ts'
import { UnfinishedJob } from '../unfinished-job.tsx'

/** A forecast being created (learning and backtesting), or one whose creation stopped before its end. */
export function ForecastJob({ job }: { job: ForecastJobView }) {
  const { t } = useTranslation()
  const canEdit = useCan('editForecasts')
  const underWay = isUnderWay(job.state)
  usePollWhile(underWay, 500)
  if (underWay) {
    return (
      <div role="status" data-testid="forecast-progress">
        <p>{job.state === 'queued' ? t('jobs.queued') : t('forecast.learning', { name: job.name, seconds: Math.round(job.elapsedSec) })}</p>
        <progress aria-label={t('forecast.learningLabel')} />
      </div>
    )
  }
  const failure = job.failure
  if (job.state === 'failed' && failure?.reason === 'input') {
    const params = (failure.params ?? {}) as Record<string, string | number>
    return (
      <p className="status error" role="alert" data-testid="forecast-failed">
        {t('forecast.notCreated', { name: job.name })} {t(String(failure.key), { ...params, method: t(`forecast.methods.${params.method}`) })}
      </p>
    )
  }
  if (job.state === 'discarded') return <p className="note">{t('forecast.discarded', { name: job.name })}</p>
  const why = failure?.reason === 'stopped' ? t('jobs.stopped', { message: failure.message }) : (failure?.message ?? '')
  return <UnfinishedJob id={job.id} state={job.state} what={t('forecast.jobWhat', { name: job.name })} why={why} canAct={canEdit} />
}
