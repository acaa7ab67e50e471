import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '../components/error-boundary.tsx'
import { PeriodInputs } from '../components/period-inputs.tsx'
import { Heatmap, VolumeChart } from '../components/volume-charts.tsx'
import type { BucketSize } from '../domain/buckets.ts'
import { daysBetween } from '../domain/intervals.ts'
import { parsePeriod } from '../schemas/period.ts'
import { requireUser } from '../services/auth.server.ts'
import { todayIn } from '../services/clock.server.ts'
import { getOperation, listChannels } from '../services/operation.server.ts'
import { getVolume } from '../services/volume.server.ts'
import { formatInteger, formatShortDay } from '../utils/format.ts'

const sizes = ['15', '30', '60', 'day', 'week'] as const

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request)
  const search = new URL(request.url).searchParams
  const { timeZone } = await getOperation()
  const channels = await listChannels()
  const parsed = parsePeriod(search, todayIn(timeZone))
  const channel = channels.some((c) => c.key === search.get('channel')) ? search.get('channel') : null
  if ('error' in parsed) {
    return data({ period: parsed.requested, periodError: parsed.error, size: '60' as string, channel, channels, view: null }, { status: 400 })
  }
  const span = daysBetween(parsed.period.from, parsed.period.to) + 1
  const asked = search.get('size')
  // Readable by default: hourly up to two weeks, daily beyond.
  const sizeText = (sizes as readonly string[]).includes(asked ?? '') ? asked! : span <= 14 ? '60' : 'day'
  const size: BucketSize = sizeText === 'day' || sizeText === 'week' ? sizeText : (Number(sizeText) as 15 | 30 | 60)
  const view = await getVolume({ ...parsed.period, size, channel, timeZone, allChannels: channels })
  return { period: parsed.period, periodError: null, size: sizeText, channel, channels, view }
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
            <VolumeChart buckets={view.buckets} channels={view.channels} showTime={size !== 'day' && size !== 'week'} />
            <p className="note">{t('volume.zone', { timeZone: view.timeZone })}</p>
          </section>
          <section className="panel" aria-labelledby="volume-heatmap-title">
            <h2 id="volume-heatmap-title">{t('volume.heatmap')}</h2>
            <Heatmap heatmap={view.heatmap} />
            <p className="note">{t('volume.heatmapNote')}</p>
          </section>
          <details className="panel">
            <summary>
              <h2 id="volume-table-title" className="inline">
                {t('volume.table', { count: view.buckets.length })}
              </h2>
            </summary>
            <div className="scroll">
              <table className="data" data-testid="volume-table">
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
                  {view.buckets.map((b) => (
                    <tr key={`${b.day} ${b.time}`}>
                      <td>
                        {formatShortDay(b.day, language)} {size !== 'day' && size !== 'week' ? b.time : ''}
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
        </>
      )}
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
