import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '../components/error-boundary.tsx'
import { DayPager, usePagedDays } from '../components/paged-days.tsx'
import { PeriodInputs } from '../components/period-inputs.tsx'
import { Heatmap, VolumeChart } from '../components/volume-charts.tsx'
import { requireUser } from '../services/auth.server.ts'
import { volumeSizes as sizes } from '../schemas/volume.ts'
import { getVolume, resolveVolumeQuery } from '../services/volume.server.ts'
import { formatInteger, formatShortDay } from '../utils/format.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request)
  const query = await resolveVolumeQuery(new URL(request.url).searchParams)
  const { channel, channels, timeZone } = query
  if ('error' in query) {
    return data({ period: query.requested, periodError: query.error, size: '60' as string, channel, channels, view: null }, { status: 400 })
  }
  const view = await getVolume({ ...query.period, size: query.size, channel, timeZone, allChannels: channels })
  return { period: query.period, periodError: null, size: query.sizeText, channel, channels, view }
}

export default function VolumeRoute() {
  const { period, periodError, size, channel, channels, view } = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation()
  const language = i18n.language
  return (
    <>
      <h1>{t('nav.volume')}</h1>
      <p className="subtitle">{t('areas.volume')}</p>
      <section className="panel" aria-labelledby="volume-filters">
        <h2 id="volume-filters">{t('overview.period')}</h2>
        <Form method="get" className="form-row">
          <PeriodInputs period={period} error={periodError} />
          <label>
            {t('volume.interval')}
            <select name="size" defaultValue={size}>
              {sizes.map((s) => (
                <option key={s} value={s}>
                  {t(`volume.size.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('overview.channel')}
            <select name="channel" defaultValue={channel ?? ''}>
              <option value="">{t('overview.allChannels')}</option>
              {channels.map((c) => (
                <option key={c.key} value={c.key}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit">{t('overview.apply')}</button>
        </Form>
      </section>
      {view && (
        <>
          <section className="panel" aria-labelledby="volume-chart-title">
            <h2 id="volume-chart-title">
              {t('volume.chartTitle', { total: formatInteger(view.total, language) })}
            </h2>
            {view.total === 0 && <p className="note">{t('overview.noData')}</p>}
            <VolumeChart buckets={view.buckets} channels={view.channels} size={size === 'day' || size === 'week' ? size : (Number(size) as 15 | 30 | 60)} />
            <p className="note">{t('volume.zone', { timeZone: view.timeZone })}</p>
          </section>
          <section className="panel" aria-labelledby="volume-heatmap-title">
            <h2 id="volume-heatmap-title">{t('volume.heatmap')}</h2>
            <Heatmap heatmap={view.heatmap} />
            <p className="note">{t('volume.heatmapNote')}</p>
          </section>
          <VolumeTable view={view} size={size} />
        </>
      )}
    </>
  )
}

/**
 * Every bucket of the period, a month of days or a day of intervals at a time when long (a year
 * of 15-minute buckets is 35,000 rows); the CSV has them all.
 */
function VolumeTable({ view, size }: { view: NonNullable<ReturnType<typeof useLoaderData<typeof loader>>['view']>; size: string }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const [search] = useSearchParams()
  const daily = size === 'day' || size === 'week'
  const pages = usePagedDays(view.buckets, (b) => b.day, daily ? { by: 'month', maxRows: 62 } : { by: 'day', maxRows: 400 })
  return (
    <details className="panel">
      <summary>
        <h2 id="volume-table-title" className="inline">
          {t('volume.table', { count: view.buckets.length })}
        </h2>
      </summary>
      <p>
        <a className="button secondary" href={`/volume/csv?${search.toString()}`} download>
          {t('review.exportCsv')}
        </a>
      </p>
      <DayPager {...pages} shownCount={pages.shown.length} totalCount={view.buckets.length} unit={daily ? 'days' : 'rows'} controls="volume-table" />
      <div className="scroll">
        <table className="data" id="volume-table" data-testid="volume-table">
          <thead>
            <tr>
              <th scope="col">{t('volume.start')}</th>
              {view.channels.map((c) => (
                <th key={c.key} scope="col">
                  {c.name}
                </th>
              ))}
              <th scope="col">{t('overview.total')}</th>
            </tr>
          </thead>
          <tbody>
            {pages.shown.map((b) => (
              <tr key={`${b.day} ${b.time}`}>
                <td>
                  {formatShortDay(b.day, language)} {daily ? '' : b.time}
                </td>
                {view.channels.map((c) => (
                  <td key={c.key}>{formatInteger(b.offered[c.key] ?? 0, language)}</td>
                ))}
                <td>{formatInteger(b.total, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
