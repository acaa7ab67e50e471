// Security headers on every response (helmet), with a Content-Security-Policy that lets in only
// this site's scripts and the inline ones of this very response: each response gets a random
// nonce (res.locals.nonce) that app/entry.server.tsx writes on the inline scripts Remix and React
// render. See decision 017.
import { randomBytes } from 'node:crypto'
import helmet from 'helmet'

/** `https`: the app is reached over HTTPS only (COOKIE_SECURE), so browsers may be told to insist on it. */
export function securityHeaders({ https }) {
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'", (_req, res) => `'nonce-${res.locals.nonce}'`],
        'script-src-attr': ["'none'"],
        // Style sheets from this site only, but style attributes allowed: the rendered HTML has
        // them (charts' containers, the schedule timeline's bars). Browsers without CSP 3's
        // style-src-elem allow inline <style> too.
        'style-src': ["'self'", "'unsafe-inline'"],
        'style-src-elem': ["'self'"],
        'img-src': ["'self'"],
        'font-src': ["'self'"],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        ...(https ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    // The same for browsers without frame-ancestors.
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    // Only where the app is known to be served over HTTPS: over plain HTTP it would lock browsers out.
    strictTransportSecurity: https ? { maxAge: 365 * 24 * 3600, includeSubDomains: false } : false,
  })
  return (req, res, next) => {
    res.locals.nonce = randomBytes(16).toString('base64')
    headers(req, res, next)
  }
}
