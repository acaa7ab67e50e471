import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { MAX_PATIENCE_SEC } from '../../schemas/staffing.ts'
import type { StaffingView } from '../../services/staffing.server.ts'
import { formatDay, formatDuration, formatInteger } from '../../utils/format.ts'
import { useCan } from '../../utils/user.ts'

/**
 * Each real-time channel's patience (how long callers wait before giving up), estimated from the
 * weeks before the forecast, and a button to use the estimate.
 */
export function Patience({ view, saved }: { view: StaffingView; saved: boolean }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const canEdit = useCan('editScenarios')
  if (view.patience.length === 0) return null
  const first = view.patience[0]!
  return (
    <section className="panel" aria-labelledby="patience-title">
      <h2 id="patience-title">{t('staffing.patienceTitle')}</h2>
      {saved && (
        <p className="status ok" role="status">
          {t('staffing.patienceSaved')}
        </p>
      )}
      <div className="scroll">
        <table className="data" data-testid="patience">
          <thead>
            <tr>
              <th scope="col">{t('staffing.channel')}</th>
              <th scope="col">{t('staffing.volume')}</th>
              <th scope="col">{t('staffing.abandoned')}</th>
              <th scope="col">{t('staffing.waitTotal')}</th>
              <th scope="col">{t('staffing.estimate')}</th>
              <th scope="col">{t('staffing.current')}</th>
              {canEdit && <th scope="col" />}
            </tr>
          </thead>
          <tbody>
            {view.patience.map((p) => (
              <tr key={p.key}>
                <td>{p.name}</td>
                {p.estimate.offered === 0 ? (
                  // No contact whose waits are known (a history with volume only): nothing to estimate from.
                  <td colSpan={4}>{t('staffing.noWaits')}</td>
                ) : (
                  <>
                    <td>{formatInteger(p.estimate.offered, language)}</td>
                    <td>{formatInteger(p.estimate.abandoned, language)}</td>
                    <td>{formatDuration(p.estimate.waitSec, language)}</td>
                    <td>{p.estimate.patienceSec === null ? t('staffing.noAbandon') : formatDuration(p.estimate.patienceSec, language)}</td>
                  </>
                )}
                <td>{formatDuration(p.current, language)}</td>
                {canEdit && (
                  <td>
                    {p.estimate.patienceSec !== null && p.estimate.patienceSec >= 1 && p.estimate.patienceSec <= MAX_PATIENCE_SEC && (
                      <Form method="post" preventScrollReset>
                        <input type="hidden" name="intent" value="patience" />
                        <input type="hidden" name="forecastId" value={view.forecast.id} />
                        <input type="hidden" name="channelId" value={p.channelId} />
                        <input type="hidden" name="patienceSec" value={Math.round(p.estimate.patienceSec)} />
                        <button type="submit" className="secondary">
                          {t('staffing.useEstimate')}
                        </button>
                      </Form>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="note">
        {t('staffing.patienceNote', { from: formatDay(first.from, language), to: formatDay(first.to, language) })}{' '}
        <Link to="/review/model-check">{t('staffing.patienceCheck')}</Link>
      </p>
      {!canEdit && <p className="note">{t('readOnly.patience')}</p>}
    </section>
  )
}
