import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '../components/error-boundary.tsx'
import { localDays } from '../domain/intervals.ts'
import { parseAuditSearch } from '../schemas/audit.ts'
import { auditActions } from '../domain/audit.ts'
import { listAudit } from '../services/audit.server.ts'
import { requireUser } from '../services/auth.server.ts'
import { getOperation } from '../services/operation.server.ts'
import { describeDetails, describeTarget, type AuditContext } from '../utils/audit-details.ts'
import { formatInstant } from '../utils/format.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, 'manageUsers')
  const search = parseAuditSearch(new URL(request.url).searchParams)
  const { timeZone } = await getOperation()
  // Local days of the operation: from its first midnight to the midnight after `to`.
  const from = search.from ? localDays(search.from, search.from, timeZone)[0]!.start : undefined
  const to = search.to ? localDays(search.to, search.to, timeZone)[0]!.end : undefined
  const page = search.page ?? 0
  const { rows, more, actors, names } = await listAudit({ actor: search.actor, action: search.action, from, to, page })
  return { rows, more, actors, names, page, timeZone, search }
}

export default function AuditRoute() {
  const { rows, more, actors, names, page, timeZone, search } = useLoaderData<typeof loader>()
  const [params] = useSearchParams()
  const { t, i18n } = useTranslation()
  const context: AuditContext = { t, language: i18n.language, timeZone, names }
  const pageLink = (n: number) => {
    const next = new URLSearchParams(params)
    next.set('page', String(n))
    return `?${next.toString()}`
  }
  return (
    <>
      <h1>{t('audit.title')}</h1>
      <p className="subtitle">{t('audit.intro')}</p>
      <section className="panel" aria-labelledby="audit-filters">
        <h2 id="audit-filters" className="visually-hidden">
          {t('audit.filters')}
        </h2>
        <Form method="get" className="form-row" key={params.toString()}>
          <label>
            <span>{t('audit.actor')}</span>
            <select name="actor" defaultValue={search.actor ?? ''}>
              <option value="">{t('audit.anyone')}</option>
              {actors.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('audit.action')}</span>
            <select name="action" defaultValue={search.action ?? ''}>
              <option value="">{t('audit.anything')}</option>
              {auditActions.map((a) => (
                <option key={a} value={a}>
                  {t(`audit.actions.${a}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('audit.from')}</span>
            <input type="date" name="from" defaultValue={search.from ?? ''} />
          </label>
          <label>
            <span>{t('audit.to')}</span>
            <input type="date" name="to" defaultValue={search.to ?? ''} />
          </label>
          <button type="submit">{t('audit.apply')}</button>
        </Form>
      </section>
      <section className="panel" aria-labelledby="audit-title">
        <h2 id="audit-title">{t('audit.events')}</h2>
        {rows.length === 0 ? (
          <p className="note">{t('audit.none')}</p>
        ) : (
          <div className="scroll">
            <table className="data wrap" data-testid="audit">
              <thead>
                <tr>
                  <th scope="col">{t('audit.when')}</th>
                  <th scope="col" className="text">
                    {t('audit.actor')}
                  </th>
                  <th scope="col" className="text">
                    {t('audit.action')}
                  </th>
                  <th scope="col" className="text">
                    {t('audit.target')}
                  </th>
                  <th scope="col" className="text">
                    {t('audit.details')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => {
                  const details = describeDetails(r.details, context)
                  return (
                    <tr key={r.id}>
                      <td>{formatInstant(r.at, i18n.language, timeZone, 'medium')}</td>
                      <td className="text">{r.actor}</td>
                      <td className="text">{t(`audit.actions.${r.action}`, { defaultValue: r.action })}</td>
                      <td className="text">{describeTarget(r.target, context)}</td>
                      <td className="text">
                        {details.length > 0 && (
                          <ul className="audit-details">
                            {details.map((line, i) => (
                              <li key={i}>
                                {line.label && <span className="audit-label">{line.label}: </span>}
                                {line.text}
                              </li>
                            ))}
                          </ul>
                        )}
                      </td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          </div>
        )}
        <p className="form-row">
          {page > 0 && <Link to={pageLink(page - 1)}>← {t('audit.newer')}</Link>}
          {more && <Link to={pageLink(page + 1)}>{t('audit.older')} →</Link>}
        </p>
        <p className="note">{t('audit.note', { timeZone })}</p>
      </section>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
