import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Links, Meta, NavLink, Outlet, Scripts, ScrollRestoration, useLocation, useRouteLoaderData } from '@remix-run/react'
import { useEffect, useMemo, type ReactNode } from 'react'
import { I18nextProvider, useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from './components/error-boundary.tsx'
import { createI18n, defaultLanguage, resources, type Language } from './i18n/i18n.ts'
import { getLanguage } from './i18n/language.server.ts'
import { requireUser } from './services/auth.server.ts'
import styles from './styles/app.css'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: styles },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: resources[data?.language ?? defaultLanguage].translation.app.title },
]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request)
  return { language: await getLanguage(request) }
}

const areas = ['overview', 'volume', 'forecast', 'staffing', 'calculator', 'schedules', 'review', 'data', 'settings'] as const
const pathOf = (area: (typeof areas)[number]) => (area === 'overview' ? '/' : `/${area}`)

function Navigation() {
  const { t } = useTranslation()
  const location = useLocation()
  return (
    <aside className="sidebar">
      <a className="brand" href="/">
        {t('app.title')}
        <small>{t('app.tagline')}</small>
      </a>
      <nav className="nav" aria-label={t('nav.label')}>
        {areas.map((area) => (
          <NavLink key={area} to={pathOf(area)} end={area === 'overview'} prefetch="intent">
            {t(`nav.${area}`)}
          </NavLink>
        ))}
      </nav>
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
    </aside>
  )
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>('root')
  const language: Language = data?.language ?? defaultLanguage
  const i18n = useMemo(() => createI18n(language), [language])
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
        <ScrollRestoration />
        <Scripts />
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
