import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useNavigation, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '../components/error-boundary.tsx'
import { FieldError } from '../components/field.tsx'
import { LOGIN_LIMIT, loginSchema } from '../schemas/auth.ts'
import { assertSameOrigin, getUser, login, PASSWORD_PAGE } from '../services/auth.server.ts'
import { safeReturnPath } from '../utils/return-path.ts'
import { answerBusy } from '../utils/database-busy.server.ts'
import { readForm, refuse, validate } from '../utils/form.server.ts'
import { useFormResult } from '../utils/form.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request)
  if (user) throw redirect(safeReturnPath(new URL(request.url).searchParams.get('redirectTo')))
  return null
}

/** A refused sign-in says, when there were too many, how long until the next try. */
type Wait = { retryAfterMinutes?: number }

export async function action(args: ActionFunctionArgs) {
  return answerBusy(args, act)
}

async function act({ request, context }: ActionFunctionArgs) {
  assertSameOrigin(request)
  const submission = await readForm(request)
  const parsed = validate(submission, loginSchema)
  if (!parsed.ok) return refuse('login', submission, parsed.errors)
  const result = await login({ ...parsed.data, address: context.clientAddress ?? 'unknown', request })
  if (!result.ok && result.reason === 'rateLimited') {
    return refuse<Wait>('login', submission, { form: 'auth.errors.rateLimited' }, {
      init: { status: 429, headers: { 'Retry-After': String(result.retryAfterMinutes * 60) } },
      extra: { retryAfterMinutes: result.retryAfterMinutes },
    })
  }
  if (!result.ok) return refuse('login', submission, { form: 'auth.errors.invalid' }, { init: { status: 401 } })
  const back = safeReturnPath(parsed.data.redirectTo)
  const next = result.user.mustChangePassword ? `${PASSWORD_PAGE}?${new URLSearchParams({ redirectTo: back })}` : back
  return redirect(next, { headers: { 'Set-Cookie': result.setCookie } })
}

export default function LoginRoute() {
  const { refused, errors, value } = useFormResult<Record<never, never>, Wait>('login')
  const [search] = useSearchParams()
  const navigation = useNavigation()
  const { t } = useTranslation()
  return (
    <section className="panel narrow" aria-labelledby="login-title">
      <h1 id="login-title">{t('auth.title')}</h1>
      <p className="subtitle">{t('auth.intro')}</p>
      <Form method="post" className="stack" aria-labelledby="login-title">
        {errors.form && (
          <p className="status error" role="alert">
            {t(errors.form, { minutes: refused?.retryAfterMinutes, tries: LOGIN_LIMIT.perAccount, window: LOGIN_LIMIT.windowMinutes })}
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
            defaultValue={value('email', '')}
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
