import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { isLanguage } from '../i18n/i18n.ts'
import { languageCookie } from '../i18n/language.server.ts'
import { requireUser } from '../services/auth.server.ts'

/**
 * The path to go back to, never another site: `returnTo` is resolved against a placeholder
 * origin and anything that lands elsewhere (`//evil`, `/\evil`, tabs…) falls back to "/".
 */
export function safeReturnPath(returnTo: unknown): string {
  if (typeof returnTo !== 'string' || !returnTo.startsWith('/')) return '/'
  const base = 'http://return.invalid'
  try {
    const url = new URL(returnTo, base)
    return url.origin === base ? `${url.pathname}${url.search}` : '/'
  } catch {
    return '/'
  }
}

/** Stores the chosen interface language in a cookie and goes back to the page. */
export async function action({ request }: ActionFunctionArgs) {
  await requireUser(request)
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
