// Where to send the browser back to after a form (language, sign-in): never another site.

/**
 * The path to go back to, never another site: `returnTo` is resolved against a placeholder
 * origin and anything that lands elsewhere (`//evil`, `/\evil`, tabs…) falls back to "/".
 */
export function safeReturnPath(returnTo: unknown): string {
  if (typeof returnTo !== 'string' || !returnTo.startsWith('/')) return '/'
  const base = 'http://return.invalid'
  try {
    const url = new URL(returnTo, base)
    // Dot segments can leave a path that starts with "//" (`/.//evil` → `//evil`): another site.
    if (url.origin !== base || url.pathname.startsWith('//')) return '/'
    return `${url.pathname}${url.search}`
  } catch {
    return '/'
  }
}
