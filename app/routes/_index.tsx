import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '../components/error-boundary.tsx'
import { PeriodInputs } from '../components/period-inputs.tsx'
import { SlCell } from '../components/sl-cell.tsx'
import { colorFor, VolumeServiceLevelChart, type ChartSeries } from '../components/volume-sl-chart.tsx'
import type { TrafficMeasures } from '../domain/metrics.ts'
import { lastDays, parsePeriod } from '../schemas/period.ts'
import { requireUser } from '../services/auth.server.ts'
import { todayIn } from '../services/clock.server.ts'
import { getOperation } from '../services/operation.server.ts'
import { getOverview, type Overview } from '../services/overview.server.ts'
import { formatDay, formatDuration, formatInteger, formatPercent, formatThreshold } from '../utils/format.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request)
  const { timeZone } = await getOperation()
  const today = todayIn(timeZone)
  const quick = [7, 28, 91].map((days) => ({ days, ...lastDays(today, days) }))
  const parsed = parsePeriod(new URL(request.url).searchParams, today)
  if ('error' in parsed) {
    // Expected bad input: the page says why, next to the form that fixes it.
    return data({ overview: null, periodError: parsed.error, period: parsed.requested, quick }, { status: 400 })
  }
  const overview = await getOverview(parsed.period)
  return { overview, periodError: null, period: parsed.period, quick }
}

function MeasureCells({ measures, goal }: { measures: TrafficMeasures; goal: number | null }) {
  const { i18n } = useTranslation()
  const language = i18n.language
  return (
    <>
      <td>{formatInteger(measures.offered, language)}</td>
      <td>
        <SlCell value={measures.serviceLevel} goal={goal} />
      </td>
      <td>{goal === null ? '' : formatPercent(goal, language, 0)}</td>
      <td>{formatPercent(measures.abandonRate, language)}</td>
      <td>{formatDuration(measures.ahtSec, language)}</td>
      <td>{formatDuration(measures.asaSec, language)}</td>
    </>
  )
}

function PeriodForm({ period, error, quick }: { period: { from: string; to: string }; error: string | null; quick: Array<{ days: number; from: string; to: string }> }) {
  const { t } = useTranslation()
  return (
    <section className="panel" aria-labelledby="period-heading">
      <h2 id="period-heading">{t('overview.period')}</h2>
      <Form method="get" className="form-row">
        <PeriodInputs period={period} error={error} />
        <button type="submit">{t('overview.apply')}</button>
        <div className="quick">
          {quick.map((q) => (
            <Link key={q.days} className="button secondary" to={`?from=${q.from}&to=${q.to}`}>
              {t(`overview.last${q.days}`)}
            </Link>
          ))}
        </div>
      </Form>
    </section>
  )
}

export default function OverviewRoute() {
  const { overview, periodError, period, quick } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  if (overview === null) {
    return (
      <>
        <h1>{t('overview.title')}</h1>
        <PeriodForm period={period} error={periodError} quick={quick} />
      </>
    )
  }
  return <OverviewReport overview={overview} period={period} quick={quick} />
}

function OverviewReport({
  overview,
  period,
  quick,
}: {
  overview: Overview
  period: { from: string; to: string }
  quick: Array<{ days: number; from: string; to: string }>
}) {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const [shown, setShown] = useState<string>('all')

  const series: ChartSeries[] = overview.channels.map((c, index) => ({ key: c.key, name: c.name, color: colorFor(index) }))
  const selected = overview.channels.find((c) => c.key === shown)
  const chartSeries = selected ? series.filter((s) => s.key === selected.key) : series
  const chartDays = overview.days.map((d) => ({
    day: d.day,
    volumes: Object.fromEntries(chartSeries.map((s) => [s.key, d.byChannel[s.key]?.offered ?? 0])),
    serviceLevel: (selected ? d.byChannel[selected.key] : d.realtime)?.serviceLevel ?? null,
  }))
  const realtimeGoals = new Set(overview.channels.filter((c) => c.kind === 'realtime').map((c) => c.slGoal))
  const chartGoal = selected ? selected.slGoal : realtimeGoals.size === 1 ? [...realtimeGoals][0]! : null

  return (
    <>
      <h1>{t('overview.title')}</h1>
      <p className="subtitle">
        {overview.operationName || t('app.title')} · {t('overview.timeZone', { timeZone: overview.timeZone })}
      </p>

      <PeriodForm period={period} error={null} quick={quick} />

      {overview.channels.length === 0 ? (
        <p className="panel">{t('overview.noChannels')}</p>
      ) : (
        <>
          <section className="panel" aria-labelledby="kpi-heading">
            <div className="chart-head">
              <h2 id="kpi-heading">
                {t('overview.results', { from: formatDay(overview.from, language), to: formatDay(overview.to, language) })}
              </h2>
              <Link to={`/review?from=${overview.from}&to=${overview.to}`}>{t('review.fromOverview')}</Link>
            </div>
            <div className="scroll">
              <table className="data" data-testid="overview-table">
                <thead>
                  <tr>
                    <th scope="col">{t('overview.channel')}</th>
                    <th scope="col">{t('overview.volume')}</th>
                    <th scope="col">{t('overview.serviceLevel')}</th>
                    <th scope="col">{t('overview.goal')}</th>
                    <th scope="col">{t('overview.abandonRate')}</th>
                    <th scope="col">{t('overview.aht')}</th>
                    <th scope="col">{t('overview.asa')}</th>
                  </tr>
                </thead>
                <tbody>
                  {overview.channels.map((c) => (
                    <tr key={c.key}>
                      <td>
                        {c.name}{' '}
                        <span className="note">{t('overview.threshold', { threshold: formatThreshold(c.thresholdSec, language) })}</span>
                      </td>
                      <MeasureCells measures={c.measures} goal={c.slGoal} />
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <td>{t('overview.total')}</td>
                    <MeasureCells measures={{ ...overview.realtime, offered: overview.total.offered }} goal={null} />
                  </tr>
                </tfoot>
              </table>
            </div>
            {overview.total.offered === 0 && <p className="note">{t('overview.noData')}</p>}
            <p className="note">{t('overview.slDefinition')}</p>
            <p className="note">{t('overview.totalNote')}</p>
          </section>

          <section className="panel" aria-labelledby="chart-heading">
            <div className="chart-head">
              <h2 id="chart-heading">{t('overview.chartTitle')}</h2>
              <label>
                {t('overview.chartChannel')}
                <select value={shown} onChange={(event) => setShown(event.target.value)} data-testid="chart-channel">
                  <option value="all">{t('overview.allChannels')}</option>
                  {overview.channels.map((c) => (
                    <option key={c.key} value={c.key}>
                      {c.name}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            <VolumeServiceLevelChart days={chartDays} series={chartSeries} slGoal={chartGoal} />
          </section>
        </>
      )}
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
