import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '../components/error-boundary.tsx'
import { MIN_PASSWORD_LENGTH, passwordChangeSchema } from '../schemas/auth.ts'
import { changePassword, requireUser } from '../services/auth.server.ts'
import { safeReturnPath } from '../utils/return-path.ts'
import { answerBusy } from '../utils/database-busy.server.ts'
import { readForm, refuse, validate } from '../utils/form.server.ts'
import { useFormResult } from '../utils/form.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  return { mustChange: user.mustChangePassword }
}

export async function action(args: ActionFunctionArgs) {
  return answerBusy(args, act)
}

async function act({ request }: ActionFunctionArgs) {
  // Any signed-in role may change their own password.
  const user = await requireUser(request)
  const submission = await readForm(request)
  const parsed = validate(submission, passwordChangeSchema)
  if (!parsed.ok) return refuse('password', submission, parsed.errors)
  const result = await changePassword(request, user, parsed.data.current, parsed.data.next)
  if (!result.ok) return refuse('password', submission, { [result.field]: `auth.errors.${result.error}` })
  return redirect(safeReturnPath(parsed.data.redirectTo))
}

export default function PasswordRoute() {
  const { mustChange } = useLoaderData<typeof loader>()
  const { errors } = useFormResult('password')
  const [search] = useSearchParams()
  const navigation = useNavigation()
  const { t } = useTranslation()
  const input = (name: 'current' | 'next' | 'confirm', autoComplete: string) => (
    <label htmlFor={`password-${name}`}>
      <span>{t(`auth.${name}Password`)}</span>
      <input
        id={`password-${name}`}
        name={name}
        type="password"
        autoComplete={autoComplete}
        required
        minLength={name === 'current' ? undefined : MIN_PASSWORD_LENGTH}
        aria-invalid={errors[name] ? true : undefined}
      />
      {errors[name] && <span className="field-error">{t(errors[name]!, { min: MIN_PASSWORD_LENGTH })}</span>}
    </label>
  )
  return (
    <section className="panel narrow" aria-labelledby="password-title">
      <h1 id="password-title">{t('auth.changePassword')}</h1>
      <p className="subtitle">{t(mustChange ? 'auth.mustChange' : 'auth.passwordIntro', { min: MIN_PASSWORD_LENGTH })}</p>
      <Form method="post" className="stack" aria-labelledby="password-title">
        <input type="hidden" name="redirectTo" value={search.get('redirectTo') ?? '/'} />
        {input('current', 'current-password')}
        {input('next', 'new-password')}
        {input('confirm', 'new-password')}
        <div>
          <button type="submit" disabled={navigation.state !== 'idle'}>
            {t('auth.savePassword')}
          </button>
        </div>
      </Form>
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
