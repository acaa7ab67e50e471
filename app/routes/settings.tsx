import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '../components/error-boundary.tsx'
import { Field } from '../components/field.tsx'
import { ChannelForm } from '../components/settings/channel-form.tsx'
import { FormStatus } from '../components/settings/form-status.tsx'
import { SettingsForm } from '../components/settings/settings-form.tsx'
import { channelFormSchema, operationSchema } from '../schemas/settings.ts'
import { requireUser } from '../services/auth.server.ts'
import { getOperation, listChannels } from '../services/operation.server.ts'
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
          <Field
            formId="operation"
            name="agentPlaceholders"
            label={t('settings.agentPlaceholders')}
            defaultValue={value('agentPlaceholders', operation.agentPlaceholders.join(', '))}
            error={errors.agentPlaceholders}
          />
        </SettingsForm>
        <p className="note">{t('settings.timeZoneHelp')}</p>
        <p className="note">{t('settings.agentPlaceholdersHelp')}</p>
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
