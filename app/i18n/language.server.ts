import { createCookie } from '@remix-run/node'
import { defaultLanguage, isLanguage, languageCookieName, type Language } from './i18n.ts'

export const languageCookie = createCookie(languageCookieName, {
  path: '/',
  sameSite: 'lax',
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
})

/** The language chosen in the cookie, else the first supported one the browser asks for. */
export async function getLanguage(request: Request): Promise<Language> {
  const chosen: unknown = await languageCookie.parse(request.headers.get('Cookie'))
  if (isLanguage(chosen)) return chosen
  const accepted = (request.headers.get('Accept-Language') ?? '')
    .split(',')
    .map((part) => part.split(';')[0]!.trim().toLowerCase())
  for (const tag of accepted) {
    if (tag === 'pt' || tag.startsWith('pt-')) return 'pt-BR'
    if (tag === 'en' || tag.startsWith('en-')) return 'en'
  }
  return defaultLanguage
}
