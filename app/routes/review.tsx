import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react'
import { useMemo } from 'react'
import { GeneralErrorBoundary } from '../components/error-boundary.tsx'
import { ByChannel } from '../components/review/by-channel.tsx'
import { DailyChart } from '../components/review/daily-chart.tsx'
import { DayDrillDown } from '../components/review/day-drill-down.tsx'
import { Days } from '../components/review/days.tsx'
import { ReviewFilters } from '../components/review/filters.tsx'
import { useReviewFormats } from '../components/review/formats.ts'
import { Headline } from '../components/review/headline.tsx'
import { Heatmap } from '../components/review/heatmap.tsx'
import { MissingData } from '../components/review/missing-data.tsx'
import { NoActuals } from '../components/review/no-actuals.tsx'
import { Trend } from '../components/review/trend.tsx'
import { WorstIntervals } from '../components/review/worst-intervals.tsx'
import { parseReviewSearch } from '../schemas/review.ts'
import { requireUser } from '../services/auth.server.ts'
import { forecastDays, getReviewPayload, resolveReviewQuery } from '../services/review.server.ts'
import { useDeserialised } from '../utils/serialised.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request)
  const search = parseReviewSearch(new URL(request.url).searchParams)
  const { timeZone, forecasts: forecastList, channels: channelList, resolved } = await resolveReviewQuery(search)
  const forecasts = forecastList.map((f) => ({ id: f.id, name: f.name, ...forecastDays(f) }))
  const channels = channelList.map((c) => ({ key: c.key, name: c.name, realtime: c.kind === 'realtime' }))
  if ('error' in resolved) {
    // Expected bad input: the page says why, next to the form that fixes it.
    const { forecastId, channel, requested } = resolved
    return data(
      { forecasts, channels, query: { forecastId, channel, ...requested }, periodError: resolved.error, view: null, day: null, slot: null },
      { status: 400 },
    )
  }
  const { view, day, slot } = await getReviewPayload(resolved.query, timeZone)
  return { forecasts, channels, query: resolved.query, periodError: null, view, day, slot }
}

export default function ReviewRoute() {
  const loaded = useLoaderData<typeof loader>()
  const { forecasts, channels, query, periodError } = loaded
  const period = useDeserialised(loaded.view)
  const day = useDeserialised(loaded.day)
  const slot = useDeserialised(loaded.slot)
  const view = useMemo(() => (period === null ? null : { ...period, day, slot }), [period, day, slot])
  const { t } = useReviewFormats()
  const navigation = useNavigation()
  const [search] = useSearchParams()
  const csv = new URLSearchParams(search)
  csv.delete('day')
  if (view) {
    csv.set('from', view.from)
    csv.set('to', view.to)
  }
  const channelName = view?.channel ? channels.find((c) => c.key === view.channel)?.name ?? view.channel : t('review.allChannels')
  return (
    <>
      <div className="chart-head">
        <div>
          <h1>{t('nav.review')}</h1>
          <p className="subtitle">
            {t('areas.review')} <Link to="/review/model-check">{t('modelCheck.link')}</Link>
          </p>
        </div>
        {view && (
          <a className="button secondary" href={`/review/csv?${csv.toString()}`} download>
            {t('review.exportCsv')}
          </a>
        )}
      </div>
      <ReviewFilters forecasts={forecasts} channels={channels} query={query} periodError={periodError} />
      {view && (
        <div aria-busy={navigation.state === 'loading'}>
          {view.total.offered === 0 ? (
            <NoActuals view={view} />
          ) : (
            <>
              <Headline view={view} channelName={channelName} />
              <MissingData view={view} />
              <DailyChart view={view} />
              <DayDrillDown view={view} />
              <Heatmap view={view} />
              <ByChannel view={view} />
              <Trend view={view} />
              <WorstIntervals view={view} />
              <Days view={view} />
            </>
          )}
        </div>
      )}
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
