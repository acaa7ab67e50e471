import { isRouteErrorResponse, Link, useLocation, useRouteError } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

/** The error view every route uses: expected errors (thrown responses) say what went wrong. */
export function GeneralErrorBoundary() {
  const error = useRouteError()
  const { t } = useTranslation()
  const location = useLocation()
  let title = t('errors.unexpected')
  let text = t('errors.unexpectedText')
  let busy = false
  if (isRouteErrorResponse(error)) {
    if (error.status === 404) {
      title = t('errors.notFound')
      text = t('errors.notFoundText', { path: location.pathname })
    } else if (error.status === 403) {
      title = t('errors.status', { status: error.status })
      text = t('errors.forbidden')
    } else if (error.status === 503) {
      // Another process held the database's write lock past the server's wait (app/utils/database-busy.server.ts).
      title = t('errors.busy')
      text = t('errors.busyText')
      busy = true
    } else {
      title = t('errors.status', { status: error.status })
      text = error.status === 400 ? t('errors.badRequest') : t('errors.unexpectedText')
    }
  } else if (typeof document === 'undefined') {
    console.error(error)
  }
  return (
    <section className="panel" role="alert">
      <h1>{title}</h1>
      <p>{text}</p>
      {busy && (
        <p>
          <Link to={location.pathname + location.search} reloadDocument>
            {t('errors.tryAgain')}
          </Link>
        </p>
      )}
      <Link to="/">{t('errors.goHome')}</Link>
    </section>
  )
}
