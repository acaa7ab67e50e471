// The patience curve with its figures, and what the check assumed: the model, the threshold,
// which intervals count and where the agents on duty came from.
import { useTranslation } from 'react-i18next'
import { DEFAULT_ELIGIBILITY } from '../../domain/model-check.ts'
import type { ModelCheckView } from '../../services/model-check-view.server.ts'
import { formatDuration, formatInteger, formatThreshold } from '../../utils/format.ts'
import { PatienceCurve } from './charts.tsx'

export function CheckNotes({ view }: { view: ModelCheckView }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const { channel, survival, agentsFrom } = view
  if (!channel) return null
  const duration = (sec: number | null) => (sec === null ? '—' : formatDuration(sec, language))
  return (
    <>
      <section className="panel" aria-labelledby="patience-curve-title">
        <h2 id="patience-curve-title">{t('modelCheck.patienceTitle')}</h2>
        {survival ? (
          <>
            <PatienceCurve survival={survival} />
            <dl className="counts" data-testid="patience-facts">
              <div>
                <dt>{t('modelCheck.abandoned')}</dt>
                <dd>{formatInteger(survival.abandoned, language)}</dd>
              </div>
              <div>
                <dt>{t('modelCheck.answered')}</dt>
                <dd>{formatInteger(survival.answered, language)}</dd>
              </div>
              <div>
                <dt>{t('modelCheck.estimatedPatience')}</dt>
                <dd>{duration(survival.estimatedSec)}</dd>
              </div>
              <div>
                <dt>{t('modelCheck.medianPatience')}</dt>
                <dd>{survival.medianSec === null ? t('modelCheck.medianAbove') : duration(survival.medianSec)}</dd>
              </div>
              <div>
                <dt>{t('modelCheck.restrictedMean')}</dt>
                <dd>{duration(survival.restrictedMeanSec)}</dd>
              </div>
            </dl>
            <p className="note">{t('modelCheck.patienceNote')}</p>
          </>
        ) : (
          <p>{t('modelCheck.noWaits')}</p>
        )}
      </section>
      <section className="panel" aria-labelledby="check-assumptions-title">
        <h2 id="check-assumptions-title">{t('modelCheck.assumptionsTitle')}</h2>
        <ul className="note" data-testid="check-assumptions">
          <li>{t(channel.model === 'erlangA' ? 'modelCheck.modelErlangA' : 'modelCheck.modelErlangC', { threshold: formatThreshold(channel.thresholdSec, language), concurrency: channel.concurrency })}</li>
          <li>
            {t('modelCheck.eligibility', {
              offered: DEFAULT_ELIGIBILITY.minOfferedPerHour,
              answered: DEFAULT_ELIGIBILITY.minAnsweredPerHour,
              checked: formatInteger(view.points.length, language),
              read: formatInteger(view.intervalsRead, language),
            })}
          </li>
          <li>{t('modelCheck.agentsFrom', { loggedIn: formatInteger(agentsFrom.loggedIn, language), contacts: formatInteger(agentsFrom.contacts, language) })}</li>
          <li>{t('modelCheck.efficiencyMeaning')}</li>
        </ul>
      </section>
    </>
  )
}
