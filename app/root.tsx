// First: configures zod before any schema is built (see the module).
import './utils/zod-in-browser.ts'
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, Links, Meta, NavLink, Outlet, Scripts, ScrollRestoration, useLocation, useRouteLoaderData } from '@remix-run/react'
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import { I18nextProvider, useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from './components/error-boundary.tsx'
import { createI18n, defaultLanguage, resources, type Language } from './i18n/i18n.ts'
import { getLanguage } from './i18n/language.server.ts'
import { getUser } from './services/auth.server.ts'
import { can } from './domain/permissions.ts'
import { useNonce } from './utils/nonce-provider.ts'
import { useOptionalUser } from './utils/user.ts'
import styles from './styles/app.css'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: styles },
  // The same icon: SVG where browsers take it, the ICO (rendered from it) for the others.
  { rel: 'icon', href: '/favicon.ico', sizes: '16x16 32x32 48x48' },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: resources[data?.language ?? defaultLanguage].translation.app.title },
]

// Not requireUser: the sign-in page renders under this root too. Each route's loader requires
// the user; this one only says who it is, for the navigation and the controls pages show.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request)
  return {
    language: await getLanguage(request),
    user: user && { name: user.name, email: user.email, role: user.role, mustChangePassword: user.mustChangePassword },
  }
}

const areas = ['overview', 'volume', 'forecast', 'staffing', 'calculator', 'schedules', 'review', 'data', 'settings'] as const
const adminAreas = ['users', 'audit'] as const
const pathOf = (area: (typeof areas)[number] | (typeof adminAreas)[number]) => (area === 'overview' ? '/' : `/${area}`)

// On a phone the menu collapses behind a button (app.css, under 800 px and only where scripts
// run: without them the menu simply stays open). It closes on the next page and on Escape.
function Navigation() {
  const { t } = useTranslation()
  const location = useLocation()
  const user = useOptionalUser()
  const signedIn = user !== null && !user.mustChangePassword
  const [open, setOpen] = useState(false)
  const button = useRef<HTMLButtonElement>(null)
  useEffect(() => setOpen(false), [location.pathname, location.search])
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return
    setOpen(false)
    button.current?.focus()
  }
  return (
    <aside className="sidebar" onKeyDown={closeOnEscape}>
      <div className="sidebar-head">
        <a className="brand" href="/">
          {t('app.title')}
          <small>{t('app.tagline')}</small>
        </a>
        <button
          ref={button}
          type="button"
          className="menu-button secondary"
          aria-expanded={open}
          aria-controls="menu"
          onClick={() => setOpen((wasOpen) => !wasOpen)}
        >
          {t('nav.menu')}
        </button>
      </div>
      <div id="menu" className={open ? 'menu open' : 'menu'}>
        {signedIn && (
          <nav className="nav" aria-label={t('nav.label')}>
            {areas.map((area) => (
              <NavLink key={area} to={pathOf(area)} end={area === 'overview'} prefetch="intent">
                {t(`nav.${area}`)}
              </NavLink>
            ))}
            {can(user.role, 'manageUsers') &&
              adminAreas.map((area) => (
                <NavLink key={area} to={pathOf(area)} prefetch="intent">
                  {t(`nav.${area}`)}
                </NavLink>
              ))}
          </nav>
        )}
        {user && (
          <div className="account" data-testid="account">
            <span className="account-name">{user.name}</span>
            <small>
              {user.email} · {t(`roles.${user.role}`)}
            </small>
            <div className="form-row">
              <Link to="/account/password">{t('auth.changePassword')}</Link>
              <Form method="post" action="/logout">
                <button type="submit" className="link">
                  {t('auth.logout')}
                </button>
              </Form>
            </div>
          </div>
        )}
        <Form method="post" action="/language" className="language" reloadDocument>
          <input type="hidden" name="returnTo" value={location.pathname + location.search} />
          <input type="hidden" name="language" value={t('language.switchToCode')} />
          <button
            type="submit"
            className="secondary"
            lang={t('language.switchToCode')}
            aria-label={`${t('language.label')}: ${t('language.switchTo')}`}
          >
            {t('language.switchTo')}
          </button>
        </Form>
      </div>
    </aside>
  )
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>('root')
  const language: Language = data?.language ?? defaultLanguage
  const i18n = useMemo(() => createI18n(language), [language])
  const nonce = useNonce()
  // Marks the page as interactive: a form used before hydration is submitted twice (natively
  // and again by Remix when React replays the event), and browser tests wait for this.
  useEffect(() => {
    document.documentElement.dataset.hydrated = 'true'
  }, [])
  return (
    <html lang={language}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <I18nextProvider i18n={i18n}>
          <a className="skip" href="#content">
            {i18n.t('app.skipToContent')}
          </a>
          <div className="shell">
            <Navigation />
            <main id="content">{children}</main>
          </div>
        </I18nextProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

export default function App() {
  return <Outlet />
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
