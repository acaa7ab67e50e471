import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { isLanguage } from '../i18n/i18n.ts'
import { languageCookie } from '../i18n/language.server.ts'
import { assertSameOrigin } from '../services/auth.server.ts'
import { safeReturnPath } from '../utils/return-path.ts'

/** Stores the chosen interface language in a cookie and goes back to the page (signed in or not). */
export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request)
  const form = await request.formData()
  const language = form.get('language')
  if (!isLanguage(language)) throw new Response('Unsupported language', { status: 400 })
  return redirect(safeReturnPath(form.get('returnTo')), {
    headers: { 'Set-Cookie': await languageCookie.serialize(language) },
  })
}

export async function loader() {
  throw new Response('Not Found', { status: 404 })
}
