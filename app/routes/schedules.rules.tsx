import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '../components/error-boundary.tsx'
import { Field, FieldError } from '../components/field.tsx'
import { breakRows, rulesFormSchema, rulesFormValues, shiftRows } from '../schemas/schedule-rules-form.ts'
import { requireUser } from '../services/auth.server.ts'
import { getOperation } from '../services/operation.server.ts'
import { getRulesFile, RulesRefused, saveRulesFile } from '../services/schedule-rules.server.ts'
import { useCan } from '../utils/user.ts'
import { formatInstant } from '../utils/format.ts'
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

type Values = Record<string, string>

/** The rows to show: those with a name (kept or marked for removal) and, to add with, one blank row. */
function rowsWithBlank(
  numbers: number[],
  values: Values,
  prefix: (n: number) => string,
  withBlank = true,
): { n: number; blank: boolean }[] {
  const named = numbers.filter((n) => (values[`${prefix(n)}.name`] ?? '').trim() !== '')
  return [...named.map((n) => ({ n, blank: false })), ...(withBlank ? [{ n: Math.max(-1, ...numbers) + 1, blank: true }] : [])]
}

function BreakRow({
  field,
  values,
  errors,
  blank,
  readOnly,
}: {
  field: string
  values: Values
  errors: Values
  blank: boolean
  readOnly: boolean
}) {
  const { t } = useTranslation()
  const rowName = values[`${field}.name`] || t('scheduleRules.newBreak')
  const input = (name: string, label: string, size: number) => (
    <td>
      <input
        name={`${field}.${name}`}
        defaultValue={values[`${field}.${name}`] ?? ''}
        aria-label={`${rowName}: ${label}`}
        aria-invalid={errors[`${field}.${name}`] ? true : undefined}
        inputMode={name === 'name' ? undefined : 'numeric'}
        placeholder={blank && name === 'name' ? t('scheduleRules.newBreak') : undefined}
        size={size}
      />
      <FieldError error={errors[`${field}.${name}`]} />
    </td>
  )
  return (
    <tr>
      {input('name', t('scheduleRules.breakName'), 14)}
      {input('length', t('scheduleRules.breakLength'), 4)}
      {input('earliest', t('scheduleRules.earliest'), 4)}
      {input('latest', t('scheduleRules.latest'), 4)}
      <td>
        <input
          type="checkbox"
          name={`${field}.paid`}
          defaultChecked={!!values[`${field}.paid`]}
          aria-label={`${rowName}: ${t('scheduleRules.paid')}`}
        />
      </td>
      {!readOnly && (
        <td>
          {!blank && (
            <input
              type="checkbox"
              name={`${field}.remove`}
              defaultChecked={!!values[`${field}.remove`]}
              aria-label={`${rowName}: ${t('scheduleRules.remove')}`}
            />
          )}
        </td>
      )}
    </tr>
  )
}

function ShiftType({
  s,
  values,
  errors,
  blank,
  readOnly,
}: {
  s: number
  values: Values
  errors: Values
  blank: boolean
  readOnly: boolean
}) {
  const { t } = useTranslation()
  const breaks = rowsWithBlank(breakRows(values, s), values, (b) => `shift${s}.break${b}`, !readOnly)
  return (
    <fieldset className="shift-type">
      <legend>{blank ? t('scheduleRules.newShiftType') : values[`shift${s}.name`]}</legend>
      <div className="form-row shift-head">
        <Field
          formId="rules"
          name={`shift${s}.name`}
          label={t('scheduleRules.shiftName')}
          defaultValue={values[`shift${s}.name`]}
          error={errors[`shift${s}.name`]}
        />
        <Field
          formId="rules"
          name={`shift${s}.length`}
          label={t('scheduleRules.shiftLength')}
          defaultValue={values[`shift${s}.length`]}
          error={errors[`shift${s}.length`]}
        />
        {!blank && !readOnly && (
          <label className="check">
            <input type="checkbox" name={`shift${s}.remove`} defaultChecked={!!values[`shift${s}.remove`]} />{' '}
            {t('scheduleRules.removeShiftType')}
          </label>
        )}
      </div>
      <div className="scroll">
        <table className="data breaks">
          <caption className="visually-hidden">{t('scheduleRules.breaks')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('scheduleRules.breakName')}</th>
              <th scope="col">{t('scheduleRules.breakLength')}</th>
              <th scope="col">{t('scheduleRules.earliest')}</th>
              <th scope="col">{t('scheduleRules.latest')}</th>
              <th scope="col">{t('scheduleRules.paid')}</th>
              {!readOnly && <th scope="col">{t('scheduleRules.remove')}</th>}
            </tr>
          </thead>
          <tbody>
            {breaks.map(({ n, blank: newRow }) => (
              <BreakRow key={n} field={`shift${s}.break${n}`} values={values} errors={errors} blank={newRow} readOnly={readOnly} />
            ))}
          </tbody>
        </table>
      </div>
    </fieldset>
  )
}

/**
 * The form that saves the rules or, for those who may not change them, the same fields disabled
 * with the current rules, in no form that posts.
 */
function RulesForm({ readOnly, children }: { readOnly: boolean; children: ReactNode }) {
  const { t } = useTranslation()
  if (readOnly) {
    return (
      <div>
        <fieldset disabled className="stack read-only">
          {children}
        </fieldset>
      </div>
    )
  }
  return (
    <Form method="post" className="stack" aria-label={t('scheduleRules.title')}>
      {children}
    </Form>
  )
}

function LastUpdate() {
  const { updatedAt, updatedBy, timeZone } = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation()
  if (!updatedAt) return <p className="note">{t('scheduleRules.defaults')}</p>
  const when = formatInstant(updatedAt, i18n.language, timeZone)
  return <p className="note">{t('scheduleRules.updated', { when, who: updatedBy })}</p>
}

export default function ScheduleRulesRoute() {
  const { values: stored, updatedAt } = useLoaderData<typeof loader>()
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
        <LastUpdate />
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
