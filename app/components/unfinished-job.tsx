import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { canRetry, type JobState } from '../domain/jobs.ts'

/**
 * A job that stopped before its end — interrupted by a restart of the server, or failed — with
 * what it was, why, and the two ways on: run it again with the same input, or discard it.
 */
export function UnfinishedJob({ id, state, what, why, canAct }: { id: number; state: JobState; what: string; why?: string; canAct: boolean }) {
  const { t } = useTranslation()
  return (
    <div className="status error" role="alert" data-testid={`job-${state}`}>
      <p>
        {state === 'interrupted' ? t('jobs.interrupted', { what }) : t('jobs.failed', { what })}
        {why ? ` ${why}` : ''}
      </p>
      {canAct && canRetry(state) && (
        <Form method="post" action={`/jobs/${id}`} className="form-row">
          <button type="submit" name="intent" value="retry">
            {t('jobs.retry')}
          </button>
          <button type="submit" name="intent" value="discard" className="secondary">
            {t('jobs.discard')}
          </button>
        </Form>
      )}
    </div>
  )
}
