import { Form, Link, useNavigation, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { MAX_COMPARED } from '../../schemas/staffing.ts'
import type { ScenarioRow, StaffingView } from '../../services/staffing.server.ts'
import type { FormState } from '../../utils/form.ts'
import { useCan } from '../../utils/user.ts'
import { FieldError } from '../field.tsx'
import { RowAction } from '../row-action.tsx'
import { useDescribeScenario } from './scenario-description.ts'


const channelFields = [
  ['volumePct', 'staffing.channelVolume'],
  ['ahtPct', 'staffing.channelAht'],
  ['slGoalPct', 'staffing.slGoal'],
  ['slThresholdSec', 'staffing.threshold'],
  ['shrinkagePct', 'staffing.shrinkage'],
  ['rolloutFromPct', 'staffing.rolloutFrom'],
  ['rolloutToPct', 'staffing.rolloutTo'],
] as const

/** The scenarios of the forecast (compare, export, remove) and the form for a new one. */
/** `form`: the last answer to the scenario form (saved, or refused with its errors and what was typed). */
export function ScenarioEditor({ view, scenarios, form }: { view: StaffingView; scenarios: ScenarioRow[]; form: FormState }) {
  const { t } = useTranslation()
  const [search] = useSearchParams()
  const { errors, value, done, refused } = form
  const navigation = useNavigation()
  const describe = useDescribeScenario()
  const canEdit = useCan('editScenarios')
  const names = Object.fromEntries(view.channels.map((c) => [c.key, c.name]))
  const field = (name: string, label: string, size = 6) => (
    <label key={name}>
      {label}
      <input
        name={name}
        inputMode="decimal"
        size={size}
        defaultValue={value(name, '')}
        aria-invalid={errors[name] ? true : undefined}
      />
      <FieldError error={errors[name]} />
    </label>
  )
  const compareLink = (id: number) => {
    const next = new URLSearchParams(search)
    next.set('forecast', String(view.forecast.id))
    if (!next.getAll('scenario').includes(String(id))) next.append('scenario', String(id))
    while (next.getAll('scenario').length > MAX_COMPARED) {
      const kept = next.getAll('scenario').slice(1)
      next.delete('scenario')
      kept.forEach((s) => next.append('scenario', s))
    }
    return `?${next.toString()}`
  }
  return (
    <section className="panel" aria-labelledby="scenarios-title">
      <h2 id="scenarios-title">{t('staffing.scenarios')}</h2>
      {scenarios.length === 0 ? (
        <p className="note">{t('staffing.noScenarios')}</p>
      ) : (
        <div className="scroll">
          <table className="data" data-testid="scenario-list">
            <thead>
              <tr>
                <th scope="col">{t('staffing.name')}</th>
                <th scope="col" className="text">
                  {t('staffing.changes')}
                </th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {scenarios.map((s) => (
                <tr key={s.id}>
                  <td>
                    <Link to={compareLink(s.id)}>{s.name}</Link>
                  </td>
                  <td className="text">{describe(s.changes, names)}</td>
                  <td>
                    <a href={`/staffing/csv?forecast=${view.forecast.id}&scenario=${s.id}`} download>
                      {t('staffing.csv')}
                    </a>
                    {canEdit && (
                      <>
                        {' '}
                        <RowAction
                          fields={{ intent: 'deleteScenario', forecastId: view.forecast.id, scenarioId: s.id }}
                          label={t('staffing.remove')}
                        />
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canEdit ? (
        <>
          <h3>{t('staffing.newScenario')}</h3>
          {/* "Saved" waits for the revalidated scenarios, which re-key (empty) the form below. */}
          {(refused || (done && navigation.state === 'idle')) && (
            <p className={`status ${done ? 'ok' : 'error'}`} role={done ? 'status' : 'alert'}>
              {t(done ? 'staffing.saved' : 'staffing.fixErrors')}
            </p>
          )}
          <Form
            method="post"
            className="stack"
            aria-label={t('staffing.newScenario')}
            key={done ? scenarios.length : 'editing'}
            preventScrollReset
          >
            <input type="hidden" name="intent" value="scenario" />
            <input type="hidden" name="forecastId" value={view.forecast.id} />
            <div className="form-row">
              {field('name', t('staffing.name'), 24)}
              {field('volumePct', t('staffing.volumeAll'))}
              {field('ahtPct', t('staffing.ahtAll'))}
            </div>
            <div className="scroll">
              <table className="data scenario-channels">
                <thead>
                  <tr>
                    <th scope="col">{t('staffing.channel')}</th>
                    <th scope="col">{t('staffing.channelVolume')}</th>
                    <th scope="col">{t('staffing.channelAht')}</th>
                    <th scope="col">{t('staffing.slGoal')}</th>
                    <th scope="col">{t('staffing.threshold')}</th>
                    <th scope="col">{t('staffing.shrinkage')}</th>
                    <th scope="col">{t('staffing.rolloutFrom')}</th>
                    <th scope="col">{t('staffing.rolloutTo')}</th>
                  </tr>
                </thead>
                <tbody>
                  {view.channels.map((c) => (
                    <tr key={c.key}>
                      <td>{c.name}</td>
                      {channelFields.map(([f, labelKey]) => {
                        const name = `${c.key}.${f}`
                        return (
                          <td key={f}>
                            <input
                              name={name}
                              inputMode="decimal"
                              size={5}
                              aria-label={`${c.name}: ${t(labelKey)}`}
                              defaultValue={value(name, '')}
                              aria-invalid={errors[name] ? true : undefined}
                            />
                            <FieldError error={errors[name]} />
                          </td>
                        )
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="form-row">
              <span className="note">{t('staffing.dayChange')}</span>
              {['day1', 'day2'].map((d) => (
                <span key={d} className="form-row">
                  <label>
                    {t('staffing.date')}
                    <input type="date" name={d} defaultValue={value(d, '')} min={view.forecast.firstDay} />
                    <FieldError error={errors[d]} />
                  </label>
                  {field(`${d}Pct`, '%', 5)}
                </span>
              ))}
            </div>
            <p className="note">{t('staffing.scenarioHelp')}</p>
            <div>
              <button type="submit" disabled={navigation.state !== 'idle' && navigation.formData?.get('intent') === 'scenario'}>
                {t('staffing.save')}
              </button>
            </div>
          </Form>
        </>
      ) : (
        <p className="note">{t('readOnly.scenarios')}</p>
      )}
    </section>
  )
}
