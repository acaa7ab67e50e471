import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useLoaderData, useNavigation } from '@remix-run/react'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { WeekHoursFields } from '../components/week-hours-fields.tsx'
import { GeneralErrorBoundary } from '../components/error-boundary.tsx'
import { Field, FieldError } from '../components/field.tsx'
import { channelFormSchema, operationSchema } from '../schemas/settings.ts'
import { requireUser } from '../services/auth.server.ts'
import { getOperation, listChannels, type ChannelSettings } from '../services/operation.server.ts'
import { formatAhtProfile, parseAhtProfile } from '../domain/planned-aht.ts'
import { saveChannel, saveOperation } from '../services/settings.server.ts'
import { useCan } from '../utils/user.ts'
import { answerBusy } from '../utils/database-busy.server.ts'
import { done, readForm, refuse, validate } from '../utils/form.server.ts'
import { useFormResult } from '../utils/form.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request)
  const [operation, channels] = await Promise.all([getOperation(), listChannels()])
  return { operation, channels }
}

export async function action(args: ActionFunctionArgs) {
  return answerBusy(args, act)
}

async function act({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, 'editSettings')
  const submission = await readForm(request)
  if (submission.intent === 'operation') {
    const parsed = validate(submission, operationSchema)
    if (!parsed.ok) return refuse('operation', submission, parsed.errors)
    await saveOperation(user, parsed.data)
    return done('operation')
  }
  if (submission.intent === 'channel') {
    const form = `channel-${submission.values.channelId}`
    const parsed = validate(submission, channelFormSchema)
    if (!parsed.ok) return refuse(form, submission, parsed.errors)
    const result = await saveChannel(user, parsed.data)
    if (!result.found) throw new Response('Channel not found', { status: 404 })
    return done(form)
  }
  throw new Response('Unknown form', { status: 400 })
}

function FormStatus({ form }: { form: string }) {
  const { t } = useTranslation()
  const { done, refused } = useFormResult(form)
  if (done)
    return (
      <p className="status ok" role="status">
        {t('settings.saved')}
      </p>
    )
  if (refused)
    return (
      <p className="status error" role="alert">
        {t('settings.fixErrors')}
      </p>
    )
  return null
}

/**
 * The form that saves a section's fields or, for those who may not change settings, the same
 * fields disabled with their current values, in no form that posts.
 */
function SettingsForm({
  id,
  hidden,
  busy = false,
  children,
}: {
  id?: string
  hidden: Record<string, string | number>
  busy?: boolean
  children: ReactNode
}) {
  const { t } = useTranslation()
  const canEdit = useCan('editSettings')
  if (!canEdit) {
    return (
      <div id={id}>
        <fieldset disabled className="form-grid read-only">
          {children}
        </fieldset>
      </div>
    )
  }
  return (
    <Form method="post" className="form-grid" id={id} preventScrollReset>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <div>
        <button type="submit" disabled={busy}>
          {t('settings.save')}
        </button>
      </div>
    </Form>
  )
}

const percent = (share: number | null) => (share === null ? '' : String(Math.round(share * 10_000) / 100))

function ChannelForm({ channel }: { channel: ChannelSettings }) {
  const { t } = useTranslation()
  const formId = `channel-${channel.id}`
  const { errors, values, value: typed } = useFormResult(formId)
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting' && navigation.formData?.get('channelId') === String(channel.id)
  const value = (name: string, stored: string | number | null) => (values ? typed(name, '') : stored)
  return (
    <section className="panel" aria-labelledby={`${formId}-title`}>
      <h2 id={`${formId}-title`}>
        {channel.name}{' '}
        <span className="note">
          ({t('settings.key')}: <code>{channel.key}</code>)
        </span>
      </h2>
      <FormStatus form={formId} />
      <SettingsForm id={formId} hidden={{ intent: 'channel', channelId: channel.id }} busy={busy} key={values ? 'refused' : 'stored'}>
        <Field formId={formId} name="name" label={t('settings.name')} defaultValue={value('name', channel.name)} error={errors.name} />
        <label htmlFor={`${formId}-kind`}>
          {t('settings.kind')}
          <select id={`${formId}-kind`} name="kind" defaultValue={value('kind', channel.kind) ?? 'realtime'}>
            <option value="realtime">{t('settings.kindRealtime')}</option>
            <option value="deferred">{t('settings.kindDeferred')}</option>
          </select>
          {errors.kind && <span className="field-error">{t(errors.kind)}</span>}
        </label>
        <Field
          formId={formId}
          name="concurrency"
          label={t('settings.concurrency')}
          inputMode="numeric"
          defaultValue={value('concurrency', channel.concurrency)}
          error={errors.concurrency}
        />
        <Field
          formId={formId}
          name="slGoalPct"
          label={t('settings.slGoal')}
          inputMode="decimal"
          defaultValue={value('slGoalPct', percent(channel.slGoal))}
          error={errors.slGoalPct}
        />
        <Field
          formId={formId}
          name="slThresholdSec"
          label={t('settings.slThreshold')}
          inputMode="numeric"
          defaultValue={value('slThresholdSec', channel.slThresholdSec)}
          error={errors.slThresholdSec}
        />
        <Field
          formId={formId}
          name="asaGoalSec"
          label={t('settings.asaGoal')}
          optional
          inputMode="numeric"
          defaultValue={value('asaGoalSec', channel.asaGoalSec)}
          error={errors.asaGoalSec}
        />
        <Field
          formId={formId}
          name="maxOccupancyPct"
          label={t('settings.maxOccupancy')}
          optional
          inputMode="decimal"
          defaultValue={value('maxOccupancyPct', percent(channel.maxOccupancy))}
          error={errors.maxOccupancyPct}
        />
        <Field
          formId={formId}
          name="shrinkagePct"
          label={t('settings.shrinkage')}
          inputMode="decimal"
          defaultValue={value('shrinkagePct', percent(channel.shrinkage))}
          error={errors.shrinkagePct}
        />
        <Field
          formId={formId}
          name="patienceSec"
          label={t('settings.patience')}
          optional
          inputMode="numeric"
          defaultValue={value('patienceSec', channel.patienceSec)}
          error={errors.patienceSec}
        />
        <Field
          formId={formId}
          name="responseGoalHours"
          label={t('settings.responseGoal')}
          optional={channel.kind !== 'deferred'}
          inputMode="decimal"
          defaultValue={value('responseGoalHours', channel.responseGoalSec === null ? null : channel.responseGoalSec / 3600)}
          error={errors.responseGoalHours}
        />
        <label htmlFor={`${formId}-staffingModel`}>
          {t('settings.staffingModel')}
          <select
            id={`${formId}-staffingModel`}
            name="staffingModel"
            defaultValue={value('staffingModel', channel.staffingModel) ?? 'erlangC'}
          >
            <option value="erlangC">{t('calculator.modelC')}</option>
            <option value="erlangA">{t('calculator.modelA')}</option>
          </select>
        </label>
        <Field
          formId={formId}
          name="plannedAhtSec"
          label={t('settings.plannedAht')}
          optional
          inputMode="decimal"
          defaultValue={value('plannedAhtSec', channel.plannedAht.ahtSec)}
          error={errors.plannedAhtSec}
        />
        <PlannedAhtProfileField
          formId={formId}
          defaultValue={values ? typed('plannedAhtProfile', '') : formatAhtProfile(channel.plannedAht.profile)}
          error={errors.plannedAhtProfile}
        />
        <WeekHoursFields
          hours={channel.openingHours}
          values={values}
          error={Object.keys(errors).some((k) => /^open\d$/.test(k)) ? 'errors.openingHours' : undefined}
          legend={t('settings.openingHours')}
          help={t('settings.openingHoursHelp')}
          fromLabel={t('settings.opens')}
          toLabel={t('settings.closes')}
        />
      </SettingsForm>
    </section>
  )
}

/**
 * The planned TMA per weekday × hour, typed or pasted as lines "weekday,hour,seconds", or loaded
 * from a CSV file into the box (in the browser; the server reads the text). A refused text lists
 * each bad line with its reason, read by the same parser as the server's.
 */
function PlannedAhtProfileField({ formId, defaultValue, error }: { formId: string; defaultValue: string; error: string | undefined }) {
  const { t } = useTranslation()
  const id = `${formId}-plannedAhtProfile`
  const [text, setText] = useState(defaultValue)
  const problems = error ? parseAhtProfile(text).problems : []
  return (
    <details className="wide" open={text.trim() !== '' || Boolean(error)}>
      <summary>
        {t('settings.plannedAhtProfile')} ({t('settings.optional')})
      </summary>
      <p className="note">{t('settings.plannedAhtProfileHelp')}</p>
      <textarea
        id={id}
        name="plannedAhtProfile"
        aria-label={t('settings.plannedAhtProfile')}
        rows={6}
        value={text}
        onChange={(event) => setText(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      <label className="file">
        {t('settings.plannedAhtFile')}
        <input
          type="file"
          accept=".csv,.txt,text/csv,text/plain"
          onChange={(event) => {
            const file = event.target.files?.[0]
            if (file) void file.text().then(setText)
          }}
        />
      </label>
      <FieldError error={error} id={`${id}-error`} />
      {problems.length > 0 && (
        <ul className="field-error">
          {problems.slice(0, 10).map((p) => (
            <li key={p.line}>{t('settings.profileLine', { line: p.line, value: p.value, reason: t(`settings.profileReasons.${p.reason}`) })}</li>
          ))}
        </ul>
      )}
    </details>
  )
}


export default function SettingsRoute() {
  const { operation, channels } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  const { errors, values, value } = useFormResult('operation')
  const canEdit = useCan('editSettings')
  return (
    <>
      <h1>{t('settings.title')}</h1>
      {!canEdit && <p className="note">{t('readOnly.settings')}</p>}
      <section className="panel" aria-labelledby="operation-title">
        <h2 id="operation-title">{t('settings.operation')}</h2>
        <FormStatus form="operation" />
        <SettingsForm hidden={{ intent: 'operation' }} key={values ? 'refused' : 'stored'}>
          <Field
            formId="operation"
            name="name"
            label={t('settings.operationName')}
            defaultValue={value('name', operation.name)}
            error={errors.name}
          />
          <Field
            formId="operation"
            name="timeZone"
            label={t('settings.timeZone')}
            defaultValue={value('timeZone', operation.timeZone)}
            error={errors.timeZone}
          />
        </SettingsForm>
        <p className="note">{t('settings.timeZoneHelp')}</p>
      </section>
      <h2>{t('settings.channels')}</h2>
      {channels.length === 0 ? (
        <p className="panel">{t('settings.noChannels')}</p>
      ) : (
        channels.map((c) => <ChannelForm key={c.id} channel={c} />)
      )}
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
