import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { isLanguage } from '../i18n/i18n.ts'
import { languageCookie } from '../i18n/language.server.ts'
import { requireUser } from '../services/auth.server.ts'

/** Stores the chosen interface language in a cookie and goes back to the page. */
export async function action({ request }: ActionFunctionArgs) {
  await requireUser(request)
  const form = await request.formData()
  const language = form.get('language')
  if (!isLanguage(language)) throw new Response('Unsupported language', { status: 400 })
  const returnTo = String(form.get('returnTo') ?? '/')
  // Only local paths: never redirect to another site.
  const target = returnTo.startsWith('/') && !returnTo.startsWith('//') ? returnTo : '/'
  return redirect(target, { headers: { 'Set-Cookie': await languageCookie.serialize(language) } })
}

export async function loader() {
  throw new Response('Not Found', { status: 404 })
}
