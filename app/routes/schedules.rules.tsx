import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '../components/error-boundary.tsx'
import { Field, FieldError } from '../components/field.tsx'
import { RulesForm } from '../components/schedule/rules-form.tsx'
import { LastUpdate } from '../components/schedule/rules-last-update.tsx'
import { rowsWithBlank, type Values } from '../components/schedule/rules-rows.ts'
import { ShiftType } from '../components/schedule/rules-shift-type.tsx'
import { rulesFormSchema, rulesFormValues, shiftRows } from '../schemas/schedule-rules-form.ts'
import { requireUser } from '../services/auth.server.ts'
import { getOperation } from '../services/operation.server.ts'
import { getRulesFile, RulesRefused, saveRulesFile } from '../services/schedule-rules.server.ts'
import { useCan } from '../utils/user.ts'
import { answerBusy } from '../utils/database-busy.server.ts'
import { done, readForm, refuse, validate } from '../utils/form.server.ts'
import { useFormResult } from '../utils/form.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request)
  const [{ file, updatedAt, updatedBy }, { timeZone }] = await Promise.all([getRulesFile(), getOperation()])
  return { values: rulesFormValues(file), updatedAt, updatedBy, timeZone }
}

export async function action(args: ActionFunctionArgs) {
  return answerBusy(args, act)
}

async function act({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, 'editSchedules')
  const submission = await readForm(request)
  const parsed = validate(submission, rulesFormSchema)
  if (!parsed.ok) return refuse('rules', submission, parsed.errors)
  // Opening hours are not on the form (they come from the channels): a stored file keeps its own.
  const { openingHours } = (await getRulesFile()).file
  try {
    await saveRulesFile(user, openingHours === undefined ? parsed.data : { ...parsed.data, openingHours })
  } catch (error) {
    if (!(error instanceof RulesRefused)) throw error
    return refuse('rules', submission, {}, { message: { key: 'scheduleRules.refused', params: { reason: error.message } } })
  }
  return done('rules')
}

export default function ScheduleRulesRoute() {
  const { values: stored, updatedAt, updatedBy, timeZone } = useLoaderData<typeof loader>()
  const { done: saved, refused, errors, message } = useFormResult('rules')
  const { t } = useTranslation()
  const navigation = useNavigation()
  const readOnly = !useCan('editSchedules')
  // The action's answer arrives before the revalidated rules: show it with them, or the form
  // (keyed by the last update) would be replaced under the user's hands after "saved" appeared.
  const settled = navigation.state === 'idle'
  const values = (refused?.values as Values | undefined) ?? stored
  const field = (name: string, label: string, inputMode: 'numeric' | 'decimal' | 'text' = 'numeric', optional = false) => (
    <Field formId="rules" name={name} label={label} inputMode={inputMode} optional={optional} defaultValue={values[name]} error={errors[name]} />
  )
  return (
    <>
      <p className="back">
        <Link to="/schedules">← {t('nav.schedules')}</Link>
      </p>
      <h1>{t('scheduleRules.title')}</h1>
      <p className="subtitle">{t('scheduleRules.intro')}</p>
      {readOnly && <p className="note">{t('readOnly.scheduleRules')}</p>}
      <RulesForm readOnly={readOnly} key={refused ? 'refused' : updatedAt ?? 'defaults'}>
        {message && (
          <p className="status error" role="alert">
            {t(message.key, message.params)}
          </p>
        )}
        {refused && !message && (
          <p className="status error" role="alert">
            {t('scheduleRules.fixErrors')}
          </p>
        )}
        {saved && settled && (
          <p className="status ok" role="status">
            {t('scheduleRules.saved')}
          </p>
        )}
        <LastUpdate updatedAt={updatedAt} updatedBy={updatedBy} timeZone={timeZone} />
        <section className="panel" aria-labelledby="shift-types-title">
          <h2 id="shift-types-title">{t('scheduleRules.shiftTypes')}</h2>
          <div className="stack">
            {rowsWithBlank(shiftRows(values), values, (s) => `shift${s}`, !readOnly).map(({ n, blank }) => (
              <ShiftType key={n} s={n} values={values} errors={errors} blank={blank} readOnly={readOnly} />
            ))}
          </div>
          <FieldError error={errors.shiftTypes} />
          <p className="note">{t('scheduleRules.breaksHelp')}</p>
          {!readOnly && <p className="note">{t('scheduleRules.rowsHelp')}</p>}
        </section>
        <section className="panel" aria-labelledby="starts-title">
          <h2 id="starts-title">{t('scheduleRules.starts')}</h2>
          <div className="form-grid">
            {field('earliestStart', t('scheduleRules.earliestStart'), 'text')}
            {field('latestStart', t('scheduleRules.latestStart'), 'text')}
            {field('startEveryMinutes', t('scheduleRules.startEvery'))}
            {field('breakEveryMinutes', t('scheduleRules.breakEvery'))}
            {field('maxOnBreak', t('scheduleRules.maxOnBreak'))}
          </div>
          <p className="note">
            {t('scheduleRules.openingHours')} <Link to="/settings">{t('nav.settings')}</Link>.
          </p>
        </section>
        <section className="panel" aria-labelledby="people-title">
          <h2 id="people-title">{t('scheduleRules.people')}</h2>
          <div className="form-grid">
            {field('minAgentsWhileOpen', t('scheduleRules.minAgents'), 'decimal')}
            {field('maxAgentsPerDay', t('scheduleRules.maxAgents'))}
            {field('daysOffPerWeek', t('scheduleRules.daysOff'))}
            <label className="check">
              <input type="checkbox" name="consecutiveDaysOff" defaultChecked={!!values.consecutiveDaysOff} />{' '}
              {t('scheduleRules.consecutiveDaysOff')}
            </label>
            {field('startToleranceMinutes', t('scheduleRules.startTolerance'), 'numeric', true)}
          </div>
          <p className="note">{t('scheduleRules.startToleranceHelp')}</p>
        </section>
        <section className="panel" aria-labelledby="solver-title">
          <h2 id="solver-title">{t('scheduleRules.solver')}</h2>
          <div className="form-grid">
            {field('timeLimitSeconds', t('scheduleRules.timeLimit'))}
            {field('shortfallPenaltyHours', t('scheduleRules.penalty'), 'decimal', true)}
          </div>
          <p className="note">{t('scheduleRules.penaltyHelp')}</p>
        </section>
        {!readOnly && (
          <div>
            <button type="submit" disabled={!settled}>
              {t('scheduleRules.save')}
            </button>
          </div>
        )}
      </RulesForm>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
