import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useNavigation, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '../components/error-boundary.tsx'
import { FieldError } from '../components/field.tsx'
import { fieldErrors } from '../schemas/form-fields.ts'
import { LOGIN_LIMIT, loginSchema } from '../schemas/auth.ts'
import { assertSameOrigin, getUser, login, PASSWORD_PAGE } from '../services/auth.server.ts'
import { safeReturnPath } from '../utils/return-path.ts'
import { answerBusy } from '../utils/database-busy.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request)
  if (user) throw redirect(safeReturnPath(new URL(request.url).searchParams.get('redirectTo')))
  return null
}

type ActionResult = { errors: Record<string, string>; email: string; retryAfterMinutes?: number }

export async function action(args: ActionFunctionArgs) {
  return answerBusy(args, act)
}

async function act({ request, context }: ActionFunctionArgs) {
  assertSameOrigin(request)
  const values = Object.fromEntries([...(await request.formData())].map(([key, value]) => [key, String(value)]))
  const parsed = loginSchema.safeParse(values)
  const email = values.email ?? ''
  if (!parsed.success) return data<ActionResult>({ errors: fieldErrors(parsed.error), email }, { status: 400 })
  const result = await login({ ...parsed.data, address: context.clientAddress ?? 'unknown', request })
  if (!result.ok && result.reason === 'rateLimited') {
    return data<ActionResult>(
      { errors: { form: 'auth.errors.rateLimited' }, email, retryAfterMinutes: result.retryAfterMinutes },
      { status: 429, headers: { 'Retry-After': String(result.retryAfterMinutes * 60) } },
    )
  }
  if (!result.ok) return data<ActionResult>({ errors: { form: 'auth.errors.invalid' }, email }, { status: 401 })
  const back = safeReturnPath(parsed.data.redirectTo)
  const next = result.user.mustChangePassword ? `${PASSWORD_PAGE}?${new URLSearchParams({ redirectTo: back })}` : back
  return redirect(next, { headers: { 'Set-Cookie': result.setCookie } })
}

export default function LoginRoute() {
  const result = useActionData<typeof action>()
  const [search] = useSearchParams()
  const navigation = useNavigation()
  const { t } = useTranslation()
  const errors = result?.errors ?? {}
  return (
    <section className="panel narrow" aria-labelledby="login-title">
      <h1 id="login-title">{t('auth.title')}</h1>
      <p className="subtitle">{t('auth.intro')}</p>
      <Form method="post" className="stack" aria-labelledby="login-title">
        {errors.form && (
          <p className="status error" role="alert">
            {t(errors.form, { minutes: result?.retryAfterMinutes, tries: LOGIN_LIMIT.perAccount, window: LOGIN_LIMIT.windowMinutes })}
          </p>
        )}
        <input type="hidden" name="redirectTo" value={search.get('redirectTo') ?? '/'} />
        <label htmlFor="login-email">
          <span>{t('auth.email')}</span>
          <input
            id="login-email"
            name="email"
            type="email"
            autoComplete="username"
            required
            defaultValue={result?.email ?? ''}
            aria-invalid={errors.email ? true : undefined}
            autoFocus
          />
          <FieldError error={errors.email} />
        </label>
        <label htmlFor="login-password">
          <span>{t('auth.password')}</span>
          <input
            id="login-password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            aria-invalid={errors.password ? true : undefined}
          />
          <FieldError error={errors.password} />
        </label>
        <div>
          <button type="submit" disabled={navigation.state !== 'idle'}>
            {t('auth.submit')}
          </button>
        </div>
      </Form>
      <p className="note">{t('auth.firstAdmin')}</p>
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
