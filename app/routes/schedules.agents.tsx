import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '../components/error-boundary.tsx'
import { Field, FieldError } from '../components/field.tsx'
import { RowAction } from '../components/row-action.tsx'
import { WeekHoursFields } from '../components/week-hours-fields.tsx'
import { agentActiveSchema, agentFormSchema, DEFAULT_WEEKLY_HOURS } from '../schemas/agents.ts'
import { listAgents, saveAgent, setAgentActive } from '../services/agents.server.ts'
import { requireUser } from '../services/auth.server.ts'
import { listChannels } from '../services/operation.server.ts'
import { getRulesFile } from '../services/schedule-rules.server.ts'
import { weekHours } from '../utils/audit-details.ts'
import { useCan } from '../utils/user.ts'
import { answerBusy } from '../utils/database-busy.server.ts'
import { done, readForm, refuse, validate } from '../utils/form.server.ts'
import { useFormResult } from '../utils/form.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request)
  const edit = new URL(request.url).searchParams.get('edit')
  const [agents, channels, rules] = await Promise.all([listAgents(), listChannels(), getRulesFile()])
  const editing = edit === null ? null : agents.find((a) => String(a.id) === edit) ?? null
  if (edit !== null && !editing) throw new Response('Agent not found', { status: 404 })
  const shiftTypes = rules.file.shiftTypes.map((t) => t.name)
  return { agents, channels: channels.map((c) => ({ key: c.key, name: c.name })), shiftTypes, editing }
}

export async function action(args: ActionFunctionArgs) {
  return answerBusy(args, act)
}

async function act({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, 'editSchedules')
  const submission = await readForm(request, ['channels', 'shiftTypes'])
  if (submission.intent === 'active') {
    const parsed = agentActiveSchema.safeParse(submission.values)
    const result = parsed.success && (await setAgentActive(user, parsed.data.agentId, parsed.data.active))
    if (!result || !result.found) throw new Response('Agent not found', { status: 404 })
    return null
  }
  if (submission.intent !== 'save') throw new Response('Unknown form', { status: 400 })
  const [channels, rules] = await Promise.all([listChannels(), getRulesFile()])
  const schema = agentFormSchema(
    channels.map((c) => c.key),
    rules.file.shiftTypes.map((t) => t.name),
  )
  const parsed = validate(submission, schema)
  if (!parsed.ok) return refuse('agent', submission, parsed.errors)
  const { agentId, ...agent } = parsed.data
  const saved = await saveAgent(user, agentId, agent)
  if (saved.status === 'duplicate') return refuse('agent', submission, { name: 'team.errors.duplicate' })
  if (saved.status === 'notFound') throw new Response('Agent not found', { status: 404 })
  return done('agent', { name: agent.name })
}

const hoursText = (hours: number, language: string) =>
  new Intl.NumberFormat(language, { maximumFractionDigits: 2, useGrouping: false }).format(hours)

function AgentForm() {
  const { channels, shiftTypes, editing } = useLoaderData<typeof loader>()
  const { done: saved, refused, errors, value, list } = useFormResult<{ name: string }>('agent')
  const { t, i18n } = useTranslation()
  const navigation = useNavigation()
  const checked = list('channels', editing?.channels ?? [])
  const contractTypes = list('shiftTypes', editing?.shiftTypes ?? [])
  const availabilityError = Object.keys(errors).find((k) => /^open\d$/.test(k))
  const key = `${editing?.id ?? 'new'}-${refused ? 'refused' : saved ? saved.name : 'stored'}`
  return (
    <section className="panel" aria-labelledby="agent-form-title">
      <h2 id="agent-form-title">{editing ? t('team.edit', { name: editing.name }) : t('team.add')}</h2>
      {saved && (
        <p className="status ok" role="status">
          {t('team.saved', { name: saved.name })}
        </p>
      )}
      {refused && (
        <p className="status error" role="alert">
          {t('team.fixErrors')}
        </p>
      )}
      <Form method="post" className="form-row" key={key} preventScrollReset aria-labelledby="agent-form-title">
        <input type="hidden" name="intent" value="save" />
        <input type="hidden" name="agentId" value={editing?.id ?? ''} />
        <Field formId="agent" name="name" label={t('team.name')} defaultValue={value('name', editing?.name ?? '')} error={errors.name} />
        <fieldset className="form-row">
          <legend>{t('team.channels')}</legend>
          {channels.map((c) => (
            <label key={c.key} className="check">
              <input type="checkbox" name="channels" value={c.key} defaultChecked={checked.includes(c.key)} /> {c.name}
            </label>
          ))}
          <FieldError error={errors.channels} />
        </fieldset>
        <Field
          formId="agent"
          name="weeklyHours"
          label={t('team.weeklyHours')}
          inputMode="decimal"
          defaultValue={value('weeklyHours', hoursText(editing?.weeklyHours ?? DEFAULT_WEEKLY_HOURS, i18n.language))}
          error={errors.weeklyHours}
        />
        <fieldset className="form-row">
          <legend>{t('team.shiftTypes')}</legend>
          {shiftTypes.map((name) => (
            <label key={name} className="check">
              <input type="checkbox" name="shiftTypes" value={name} defaultChecked={contractTypes.includes(name)} /> {name}
            </label>
          ))}
          <FieldError error={errors.shiftTypes} />
        </fieldset>
        <WeekHoursFields
          hours={editing?.availability ?? null}
          values={refused?.values ?? null}
          error={availabilityError ? errors[availabilityError] : undefined}
          legend={t('team.availability')}
          help={t('team.availabilityHelp')}
          fromLabel={t('team.availableFrom')}
          toLabel={t('team.availableUntil')}
        />
        <div className="form-row">
          <button type="submit" disabled={navigation.state === 'submitting' && navigation.formData?.get('intent') === 'save'}>
            {editing ? t('team.save') : t('team.addButton')}
          </button>
          {editing && <Link to="/schedules/agents">{t('team.cancelEdit')}</Link>}
        </div>
      </Form>
      <p className="note">{t('team.weeklyHoursHelp')}</p>
      <p className="note">{t('team.shiftTypesHelp')}</p>
    </section>
  )
}

export default function ScheduleAgentsRoute() {
  const { agents, channels, editing } = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation()
  const canEdit = useCan('editSchedules')
  const channelName = new Map(channels.map((c) => [c.key, c.name]))
  const active = agents.filter((a) => a.active)
  return (
    <>
      <p className="back">
        <Link to="/schedules">← {t('nav.schedules')}</Link>
      </p>
      <h1>{t('team.title')}</h1>
      <p className="subtitle">{t('team.intro')}</p>
      {!canEdit ? (
        <p className="note">{t('readOnly.team')}</p>
      ) : channels.length === 0 ? (
        <p className="panel">
          {t('team.noChannels')} <Link to="/settings">{t('nav.settings')}</Link>.
        </p>
      ) : (
        <AgentForm />
      )}
      <section className="panel" aria-labelledby="agents-title">
        <h2 id="agents-title">{t('team.agents')}</h2>
        <p className="counts-title" id="counts-title">
          {t('team.activeByChannel')}
        </p>
        <dl className="counts" aria-labelledby="counts-title">
          <div>
            <dt>{t('team.activeTotal')}</dt>
            <dd>{active.length}</dd>
          </div>
          {channels.map((c) => (
            <div key={c.key}>
              <dt>{c.name}</dt>
              <dd>{active.filter((a) => a.channels.includes(c.key)).length}</dd>
            </div>
          ))}
        </dl>
        {agents.length === 0 ? (
          <p className="note">{t('team.none')}</p>
        ) : (
          <div className="scroll">
            <table className="data wrap-head" data-testid="agents">
              <thead>
                <tr>
                  <th scope="col">{t('team.name')}</th>
                  <th scope="col" className="text">
                    {t('team.channels')}
                  </th>
                  <th scope="col">{t('team.weeklyHours')}</th>
                  <th scope="col" className="text">
                    {t('team.shiftTypes')}
                  </th>
                  <th scope="col" className="text">
                    {t('team.availability')}
                  </th>
                  <th scope="col" className="text">
                    {t('team.status')}
                  </th>
                  {canEdit && (
                    <th scope="col">
                      <span className="visually-hidden">{t('team.actions')}</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {agents.map((a) => (
                  <tr key={a.id} className={a.active ? (canEdit && a.id === editing?.id ? 'is-chosen' : undefined) : 'inactive'}>
                    <td>{a.name}</td>
                    <td className="text">{a.channels.map((key) => channelName.get(key) ?? key).join(', ')}</td>
                    <td>{hoursText(a.weeklyHours, i18n.language)}</td>
                    <td className="text">{a.shiftTypes.length > 0 ? a.shiftTypes.join(', ') : t('team.everyShiftType')}</td>
                    <td className="text">
                      {a.availability === null ? t('team.anyTime') : weekHours(a.availability, { t, language: i18n.language }, 'audit.values.notAvailable')}
                    </td>
                    <td className="text">{a.active ? t('team.active') : t('team.inactive')}</td>
                    {canEdit && (
                      <td className="row-actions">
                        <Link to={`?edit=${a.id}`} aria-label={t('team.editAgent', { name: a.name })}>
                          {t('team.editLink')}
                        </Link>
                        <RowAction
                          fields={{ intent: 'active', agentId: a.id, active: String(!a.active) }}
                          label={a.active ? t('team.deactivate') : t('team.activate')}
                        />
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
