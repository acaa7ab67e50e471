import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '../components/error-boundary.tsx'
import { AhtFills, PlanGaps } from '../components/plan-gaps.tsx'
import { StaffingPlanChart } from '../components/staffing-plan-chart.tsx'
import { ByChannel } from '../components/staffing/by-channel.tsx'
import { Comparison } from '../components/staffing/comparison.tsx'
import { Days } from '../components/staffing/days.tsx'
import { StaffingFilters } from '../components/staffing/filters.tsx'
import { Intervals } from '../components/staffing/intervals.tsx'
import { Patience } from '../components/staffing/patience.tsx'
import { ScenarioEditor } from '../components/staffing/scenario-editor.tsx'
import { idSchema } from '../schemas/id.ts'
import { parseStaffingQuery, patienceFormSchema, scenarioFormSchema } from '../schemas/staffing.ts'
import { requireUser } from '../services/auth.server.ts'
import { listForecasts } from '../services/forecast.server.ts'
import { listChannels } from '../services/operation.server.ts'
import {
  createScenario,
  deleteScenario,
  getStaffingViewText,
  latestForecastId,
  listScenarios,
  setPatience,
} from '../services/staffing.server.ts'
import { answerBusy } from '../utils/database-busy.server.ts'
import { done, readForm, refuse, validate } from '../utils/form.server.ts'
import { useFormResult } from '../utils/form.ts'
import { useDeserialised } from '../utils/serialised.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request)
  const query = parseStaffingQuery(new URL(request.url).searchParams)
  const forecastId = query.forecast ?? (await latestForecastId())
  const forecasts = await listForecasts()
  if (forecastId === null) return { forecasts, view: null, scenarios: [], query }
  const [scenarios, view] = await Promise.all([
    listScenarios(forecastId),
    // Channels that cannot be planned are named in the view (PlanGaps), the others planned.
    getStaffingViewText({ ...query, channel: query.channel ?? null, scenarioIds: query.scenario, forecastId }),
  ])
  if (!view) throw new Response('Forecast not found', { status: 404 })
  return { forecasts, view, scenarios, query }
}

export async function action(args: ActionFunctionArgs) {
  return answerBusy(args, act)
}

async function act({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, 'editScenarios')
  const submission = await readForm(request)
  const { intent, values } = submission
  const forecastId = idSchema.safeParse(values.forecastId)
  if (!forecastId.success) throw new Response('Forecast not found', { status: 404 })
  if (intent === 'scenario') {
    const channels = await listChannels()
    const parsed = validate(submission, scenarioFormSchema(channels.map((c) => c.key)))
    if (!parsed.ok) return refuse('scenario', submission, parsed.errors)
    const id = await createScenario(user, forecastId.data, parsed.data.name, parsed.data.changes)
    if (id === null) throw new Response('Forecast not found', { status: 404 })
    return done('scenario')
  }
  if (intent === 'deleteScenario') {
    const id = idSchema.safeParse(values.scenarioId)
    if (!id.success || !(await deleteScenario(user, forecastId.data, id.data))) throw new Response('Scenario not found', { status: 404 })
    return done('scenarios')
  }
  if (intent === 'patience') {
    const parsed = validate(submission, patienceFormSchema)
    if (!parsed.ok) return refuse('patience', submission, { patienceSec: 'errors.patienceRange' })
    const saved = await setPatience(user, parsed.data.channelId, parsed.data.patienceSec)
    if (!saved.found) throw new Response('Channel not found', { status: 404 })
    return done('patience')
  }
  throw new Response('Unknown form', { status: 400 })
}

export default function StaffingRoute() {
  const loaded = useLoaderData<typeof loader>()
  const { forecasts, scenarios, query } = loaded
  const view = useDeserialised(loaded.view)
  const scenarioForm = useFormResult('scenario')
  const patienceForm = useFormResult('patience')
  const { t } = useTranslation()
  const navigation = useNavigation()
  if (!view) {
    return (
      <>
        <h1>{t('nav.staffing')}</h1>
        <p className="subtitle">{t('areas.staffing')}</p>
        <p className="panel">
          {t('staffing.noForecast')} <Link to="/forecast">{t('staffing.goToForecast')}</Link>
        </p>
      </>
    )
  }
  const channelName = view.channel ? view.channels.find((c) => c.key === view.channel)?.name ?? view.channel : t('staffing.allChannels')
  const compared = view.plans.slice(1).map((p) => ({ id: p.id, name: p.name }))
  const base = view.plans[0]!
  // Nothing planned (every channel shown lacks what it needs): the reasons and the filters, no empty figures.
  const planned = view.channel === null ? Object.keys(base.byChannel).length > 0 : view.channel in base.byChannel
  return (
    <>
      <div className="chart-head">
        <div>
          <h1>{t('nav.staffing')}</h1>
          <p className="subtitle">{t('areas.staffing')}</p>
        </div>
        {planned && (
          <a className="button secondary" href={`/staffing/csv?forecast=${view.forecast.id}`} download>
            {t('staffing.exportCsv')}
          </a>
        )}
      </div>
      <StaffingFilters forecasts={forecasts} view={view} scenarios={scenarios} query={query} />
      <PlanGaps gaps={base.gaps} />
      {view.plans.slice(1).map((p) => (
        <PlanGaps key={p.id} gaps={p.gaps.filter((g) => !base.gaps.some((b) => b.key === g.key))} scenario={p.name} />
      ))}
      <AhtFills fills={view.ahtFills} />
      {planned && (
        <div aria-busy={navigation.state === 'loading'}>
          <Comparison view={view} />
          <section className="panel" aria-labelledby="staffing-chart-title">
            <h2 id="staffing-chart-title">{t('staffing.chartTitle', { channel: channelName })}</h2>
            <StaffingPlanChart points={view.chart} scenarios={compared} />
            <p className="note">
              {t('staffing.chartNote', { timeZone: view.forecast.timeZone })}
              {view.resolutionMin !== view.forecast.intervalMin && ` ${t('staffing.hourlyPeaks')}`}
            </p>
          </section>
          <ByChannel view={view} />
          <Days view={view} />
          <Intervals view={view} />
        </div>
      )}
      <ScenarioEditor view={view} scenarios={scenarios} form={scenarioForm} />
      <Patience view={view} saved={patienceForm.done !== null} />
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
