import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '../components/error-boundary.tsx'
import { FieldError } from '../components/field.tsx'
import { RowAction } from '../components/row-action.tsx'
import { roles, type Role } from '../domain/permissions.ts'
import { createUserSchema, updateUserSchema, userIdSchema } from '../schemas/auth.ts'
import { requireUser } from '../services/auth.server.ts'
import { getOperation } from '../services/operation.server.ts'
import { createUser, listUsers, resetPassword, updateUser } from '../services/users.server.ts'
import { formatInstant } from '../utils/format.ts'
import { answerBusy } from '../utils/database-busy.server.ts'
import { done, readForm, refuse, validate } from '../utils/form.server.ts'
import { useFormResult } from '../utils/form.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  const me = await requireUser(request, 'manageUsers')
  const [users, { timeZone }] = await Promise.all([listUsers(), getOperation()])
  return { users, me: me.id, timeZone }
}

/** A new password, shown once to the administrator. */
type OneTime = { email: string; password: string }

export async function action(args: ActionFunctionArgs) {
  return answerBusy(args, act)
}

async function act({ request }: ActionFunctionArgs) {
  const me = await requireUser(request, 'manageUsers')
  const submission = await readForm(request)
  const { intent, values } = submission
  if (intent === 'create') {
    const parsed = validate(submission, createUserSchema)
    if (!parsed.ok) return refuse('create', submission, parsed.errors)
    const created = await createUser(me, parsed.data)
    if (!created.ok) return refuse('create', submission, { email: 'users.errors.duplicate' })
    return done<OneTime>('create', { email: parsed.data.email, password: created.password })
  }
  if (intent === 'update') {
    const parsed = updateUserSchema.safeParse({ ...values, active: values.active === 'true' ? 'true' : 'false' })
    if (!parsed.success) throw new Response('Invalid user change', { status: 400 })
    const { userId, ...change } = parsed.data
    const result = await updateUser(me, userId, change)
    if (!result.ok && result.error === 'notFound') throw new Response('User not found', { status: 404 })
    if (!result.ok) return refuse('update', submission, { form: `users.errors.${result.error}` })
    return done('update')
  }
  if (intent === 'reset') {
    const parsed = validate(submission, userIdSchema)
    if (!parsed.ok) throw new Response('User not found', { status: 404 })
    const result = await resetPassword(me, parsed.data.userId)
    if (!result.ok) throw new Response('User not found', { status: 404 })
    return done<OneTime>('reset', { email: result.email, password: result.password })
  }
  throw new Response('Unknown form', { status: 400 })
}

function RoleSelect({ id, defaultValue }: { id: string; defaultValue: string }) {
  const { t } = useTranslation()
  return (
    <select id={id} name="role" defaultValue={defaultValue}>
      {roles.map((r) => (
        <option key={r} value={r}>
          {t(`roles.${r}`)}
        </option>
      ))}
    </select>
  )
}

function OneTimePassword({ email, password }: { email: string; password: string }) {
  const { t } = useTranslation()
  return (
    <div className="status ok" role="status" data-testid="one-time-password">
      <p>{t('users.oneTime', { email })}</p>
      <p className="one-time-password">{password}</p>
      <p className="note">{t('users.oneTimeNote')}</p>
    </div>
  )
}

export default function UsersRoute() {
  const { users, me, timeZone } = useLoaderData<typeof loader>()
  const create = useFormResult<OneTime>('create')
  const reset = useFormResult<OneTime>('reset').done
  const update = useFormResult('update')
  const navigation = useNavigation()
  const { t, i18n } = useTranslation()
  const when = (ms: number | null) => (ms === null ? '—' : formatInstant(ms, i18n.language, timeZone))
  return (
    <>
      <h1>{t('users.title')}</h1>
      <p className="subtitle">{t('users.intro')}</p>
      <section className="panel" aria-labelledby="new-user-title">
        <h2 id="new-user-title">{t('users.create')}</h2>
        {create.done && <OneTimePassword email={create.done.email} password={create.done.password} />}
        <Form
          method="post"
          className="form-row"
          aria-labelledby="new-user-title"
          key={create.done ? create.done.email : 'new'}
        >
          <input type="hidden" name="intent" value="create" />
          <label htmlFor="new-user-name">
            <span>{t('users.name')}</span>
            <input id="new-user-name" name="name" defaultValue={create.value('name', '')} required />
            <FieldError error={create.errors.name} />
          </label>
          <label htmlFor="new-user-email">
            <span>{t('auth.email')}</span>
            <input id="new-user-email" name="email" type="email" defaultValue={create.value('email', '')} required />
            <FieldError error={create.errors.email} />
          </label>
          <label htmlFor="new-user-role">
            <span>{t('users.role')}</span>
            <RoleSelect id="new-user-role" defaultValue={create.value('role', 'manager')} />
          </label>
          <button type="submit" disabled={navigation.state !== 'idle'}>
            {t('users.createButton')}
          </button>
        </Form>
        <p className="note">{t('users.rolesNote')}</p>
      </section>
      <section className="panel" aria-labelledby="users-title">
        <h2 id="users-title">{t('users.list')}</h2>
        {reset && <OneTimePassword email={reset.email} password={reset.password} />}
        {update.errors.form && (
          <p className="status error" role="alert">
            {t(update.errors.form)}
          </p>
        )}
        <div className="scroll">
          <table className="data" data-testid="users">
            <thead>
              <tr>
                <th scope="col">{t('users.name')}</th>
                <th scope="col" className="text">
                  {t('auth.email')}
                </th>
                <th scope="col" className="text">
                  {t('users.role')}
                </th>
                <th scope="col" className="text">
                  {t('users.active')}
                </th>
                <th scope="col">{t('users.lastLogin')}</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {users.map((u) => {
                const formId = `user-${u.id}`
                return (
                  <tr key={u.id} className={u.active ? undefined : 'inactive'}>
                    <td>
                      <input form={formId} name="name" defaultValue={u.name} aria-label={t('users.nameOf', { email: u.email })} />
                    </td>
                    <td className="text">
                      {u.email}
                      {u.id === me && ` (${t('users.you')})`}
                      {u.mustChangePassword && <small className="note"> · {t('users.pending')}</small>}
                    </td>
                    <td className="text">
                      <select form={formId} name="role" defaultValue={u.role} aria-label={t('users.roleOf', { email: u.email })}>
                        {roles.map((r: Role) => (
                          <option key={r} value={r}>
                            {t(`roles.${r}`)}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td className="text">
                      <input
                        form={formId}
                        type="checkbox"
                        name="active"
                        value="true"
                        defaultChecked={u.active}
                        aria-label={t('users.activeOf', { email: u.email })}
                      />
                    </td>
                    <td>{when(u.lastLoginAt)}</td>
                    <td className="form-row">
                      <Form method="post" id={formId} key={`${u.name}|${u.role}|${u.active}`}>
                        <input type="hidden" name="intent" value="update" />
                        <input type="hidden" name="userId" value={u.id} />
                        <button type="submit" className="secondary" aria-label={t('users.saveOf', { email: u.email })}>
                          {t('users.save')}
                        </button>
                      </Form>
                      <RowAction
                        fields={{ intent: 'reset', userId: u.id }}
                        label={t('users.reset')}
                        ariaLabel={t('users.resetOf', { email: u.email })}
                      />
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      </section>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
