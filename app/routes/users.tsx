import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '../components/error-boundary.tsx'
import { FieldError } from '../components/field.tsx'
import { RowAction } from '../components/row-action.tsx'
import { roles, type Role } from '../domain/permissions.ts'
import { createUserSchema, updateUserSchema, userIdSchema } from '../schemas/auth.ts'
import { fieldErrors } from '../schemas/form-fields.ts'
import { requireUser } from '../services/auth.server.ts'
import { getOperation } from '../services/operation.server.ts'
import { createUser, listUsers, resetPassword, updateUser } from '../services/users.server.ts'
import { formatInstant } from '../utils/format.ts'
import { answerBusy } from '../utils/database-busy.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  const me = await requireUser(request, 'manageUsers')
  const [users, { timeZone }] = await Promise.all([listUsers(), getOperation()])
  return { users, me: me.id, timeZone }
}

type ActionResult =
  | { intent: 'create'; ok: true; email: string; password: string }
  | { intent: 'create'; ok: false; errors: Record<string, string>; values: Record<string, string> }
  | { intent: 'update'; ok: boolean; userId: number; error?: string }
  | { intent: 'reset'; ok: true; userId: number; email: string; password: string }

export async function action(args: ActionFunctionArgs) {
  return answerBusy(args, act)
}

async function act({ request }: ActionFunctionArgs) {
  const me = await requireUser(request, 'manageUsers')
  const values = Object.fromEntries([...(await request.formData())].map(([key, value]) => [key, String(value)]))
  if (values.intent === 'create') {
    const parsed = createUserSchema.safeParse(values)
    if (!parsed.success)
      return data<ActionResult>({ intent: 'create', ok: false, errors: fieldErrors(parsed.error), values }, { status: 400 })
    const created = await createUser(me, parsed.data)
    if (!created.ok)
      return data<ActionResult>({ intent: 'create', ok: false, errors: { email: 'users.errors.duplicate' }, values }, { status: 400 })
    return data<ActionResult>({ intent: 'create', ok: true, email: parsed.data.email, password: created.password })
  }
  if (values.intent === 'update') {
    const parsed = updateUserSchema.safeParse({ ...values, active: values.active === 'true' ? 'true' : 'false' })
    if (!parsed.success) throw new Response('Invalid user change', { status: 400 })
    const { userId, ...change } = parsed.data
    const result = await updateUser(me, userId, change)
    if (!result.ok && result.error === 'notFound') throw new Response('User not found', { status: 404 })
    return data<ActionResult>(
      { intent: 'update', ok: result.ok, userId, error: result.ok ? undefined : `users.errors.${result.error}` },
      { status: result.ok ? 200 : 400 },
    )
  }
  if (values.intent === 'reset') {
    const parsed = userIdSchema.safeParse(values)
    if (!parsed.success) throw new Response('User not found', { status: 404 })
    const result = await resetPassword(me, parsed.data.userId)
    if (!result.ok) throw new Response('User not found', { status: 404 })
    return data<ActionResult>({ intent: 'reset', ok: true, userId: parsed.data.userId, email: result.email, password: result.password })
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
  const result = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t, i18n } = useTranslation()
  const when = (ms: number | null) => (ms === null ? '—' : formatInstant(ms, i18n.language, timeZone))
  const refused = result?.intent === 'create' && !result.ok ? result : null
  return (
    <>
      <h1>{t('users.title')}</h1>
      <p className="subtitle">{t('users.intro')}</p>
      <section className="panel" aria-labelledby="new-user-title">
        <h2 id="new-user-title">{t('users.create')}</h2>
        {result?.intent === 'create' && result.ok && <OneTimePassword email={result.email} password={result.password} />}
        <Form
          method="post"
          className="form-row"
          aria-labelledby="new-user-title"
          key={result?.intent === 'create' && result.ok ? result.email : 'new'}
        >
          <input type="hidden" name="intent" value="create" />
          <label htmlFor="new-user-name">
            <span>{t('users.name')}</span>
            <input id="new-user-name" name="name" defaultValue={refused?.values.name ?? ''} required />
            <FieldError error={refused?.errors.name} />
          </label>
          <label htmlFor="new-user-email">
            <span>{t('auth.email')}</span>
            <input id="new-user-email" name="email" type="email" defaultValue={refused?.values.email ?? ''} required />
            <FieldError error={refused?.errors.email} />
          </label>
          <label htmlFor="new-user-role">
            <span>{t('users.role')}</span>
            <RoleSelect id="new-user-role" defaultValue={refused?.values.role ?? 'manager'} />
          </label>
          <button type="submit" disabled={navigation.state !== 'idle'}>
            {t('users.createButton')}
          </button>
        </Form>
        <p className="note">{t('users.rolesNote')}</p>
      </section>
      <section className="panel" aria-labelledby="users-title">
        <h2 id="users-title">{t('users.list')}</h2>
        {result?.intent === 'reset' && <OneTimePassword email={result.email} password={result.password} />}
        {result?.intent === 'update' && !result.ok && result.error && (
          <p className="status error" role="alert">
            {t(result.error)}
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
