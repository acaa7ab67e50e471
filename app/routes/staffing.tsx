import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '../components/error-boundary.tsx'
import { FieldError } from '../components/field.tsx'
import { RowAction } from '../components/row-action.tsx'
import { AhtFills, PlanGaps } from '../components/plan-gaps.tsx'
import { StaffingPlanChart } from '../components/staffing-plan-chart.tsx'
import type { ScenarioChanges } from '../domain/scenario.ts'
import { fieldErrors } from '../schemas/form-fields.ts'
import { idSchema } from '../schemas/id.ts'
import { MAX_COMPARED, MAX_PATIENCE_SEC, parseStaffingQuery, patienceFormSchema, scenarioFormSchema } from '../schemas/staffing.ts'
import { requireUser } from '../services/auth.server.ts'
import { recordAudit } from '../services/audit.server.ts'
import { listForecasts } from '../services/forecast.server.ts'
import { listChannels } from '../services/operation.server.ts'
import {
  createScenario,
  deleteScenario,
  getStaffingView,
  latestForecastId,
  listScenarios,
  setPatience,
} from '../services/staffing.server.ts'
import { formatDay, formatDayMonth, formatDayTime, formatDecimal, formatDuration, formatInteger, formatPercent, formatShortDay } from '../utils/format.ts'
import { useCan } from '../utils/user.ts'
import { answerBusy } from '../utils/database-busy.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request)
  const query = parseStaffingQuery(new URL(request.url).searchParams)
  const forecastId = query.forecast ?? (await latestForecastId())
  const forecasts = await listForecasts()
  if (forecastId === null) return { forecasts, view: null, scenarios: [], query }
  const [scenarios, view] = await Promise.all([
    listScenarios(forecastId),
    // Channels that cannot be planned are named in the view (PlanGaps), the others planned.
    getStaffingView({ ...query, channel: query.channel ?? null, scenarioIds: query.scenario, forecastId }),
  ])
  if (!view) throw new Response('Forecast not found', { status: 404 })
  return { forecasts, view, scenarios, query }
}

type ActionResult = { ok: true; form: string } | { ok: false; form: string; errors: Record<string, string>; values: Record<string, string> }

export async function action(args: ActionFunctionArgs) {
  return answerBusy(args, act)
}

async function act({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, 'editScenarios')
  const formData = await request.formData()
  const values = Object.fromEntries([...formData].map(([key, value]) => [key, String(value)]))
  const forecastId = idSchema.safeParse(values.forecastId)
  if (!forecastId.success) throw new Response('Forecast not found', { status: 404 })
  if (values.intent === 'scenario') {
    const channels = await listChannels()
    const parsed = scenarioFormSchema(channels.map((c) => c.key)).safeParse(values)
    if (!parsed.success)
      return data<ActionResult>({ ok: false, form: 'scenario', errors: fieldErrors(parsed.error), values }, { status: 400 })
    const id = await createScenario(forecastId.data, parsed.data.name, parsed.data.changes, user.name)
    if (id === null) throw new Response('Forecast not found', { status: 404 })
    await recordAudit(user, 'scenario.create', `scenario:${id}`, { forecastId: forecastId.data, name: parsed.data.name, changes: parsed.data.changes })
    return data<ActionResult>({ ok: true, form: 'scenario' })
  }
  if (values.intent === 'deleteScenario') {
    const id = idSchema.safeParse(values.scenarioId)
    if (!id.success || !(await deleteScenario(forecastId.data, id.data))) throw new Response('Scenario not found', { status: 404 })
    await recordAudit(user, 'scenario.delete', `scenario:${id.data}`, { forecastId: forecastId.data })
    return data<ActionResult>({ ok: true, form: 'scenarios' })
  }
  if (values.intent === 'patience') {
    const parsed = patienceFormSchema.safeParse(values)
    if (!parsed.success) {
      return data<ActionResult>({ ok: false, form: 'patience', errors: { patienceSec: 'errors.patienceRange' }, values }, { status: 400 })
    }
    const saved = await setPatience(parsed.data.channelId, parsed.data.patienceSec)
    if (!saved.found) throw new Response('Channel not found', { status: 404 })
    if (saved.changes) await recordAudit(user, 'settings.channel', `channel:${parsed.data.channelId}`, saved.changes)
    return data<ActionResult>({ ok: true, form: 'patience' })
  }
  throw new Response('Unknown form', { status: 400 })
}

function useResult(form: string) {
  const result = useActionData<typeof action>()
  return result && result.form === form ? result : null
}

const signed = (pct: number, language: string) => `${pct > 0 ? '+' : ''}${formatDecimal(pct, language, pct % 1 === 0 ? 0 : 1)}%`

/** A short line saying what a scenario changes. */
function useDescribe() {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  return (changes: ScenarioChanges, names: Record<string, string>) => {
    const parts: string[] = []
    if (changes.volumePct) parts.push(`${t('staffing.volume')} ${signed(changes.volumePct, language)}`)
    if (changes.ahtPct) parts.push(`${t('forecast.aht')} ${signed(changes.ahtPct, language)}`)
    for (const [key, c] of Object.entries(changes.channels)) {
      const bits: string[] = []
      if (c.volumePct) bits.push(`${t('staffing.volume')} ${signed(c.volumePct, language)}`)
      if (c.ahtPct) bits.push(`${t('forecast.aht')} ${signed(c.ahtPct, language)}`)
      if (c.slGoal !== undefined) bits.push(`${t('staffing.slGoal')} ${formatPercent(c.slGoal, language, 0)}`)
      if (c.slThresholdSec !== undefined) bits.push(`${t('staffing.threshold')} ${c.slThresholdSec}`)
      if (c.shrinkage !== undefined) bits.push(`${t('staffing.shrinkage')} ${formatPercent(c.shrinkage, language, 0)}`)
      if (c.rolloutFromPct !== undefined) bits.push(`${c.rolloutFromPct}% → ${c.rolloutToPct}%`)
      parts.push(`${names[key] ?? key}: ${bits.join(', ')}`)
    }
    for (const [day, pct] of Object.entries(changes.days))
      parts.push(`${formatDayMonth(day, language)} ${signed(pct, language)}`)
    return parts.length > 0 ? parts.join('; ') : t('staffing.unchanged')
  }
}

function Filters() {
  const { forecasts, view, scenarios, query } = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const [search] = useSearchParams()
  if (!view) return null
  return (
    <section className="panel" aria-labelledby="staffing-filters" key={search.toString()}>
      <h2 id="staffing-filters" className="visually-hidden">
        {t('staffing.apply')}
      </h2>
      <Form method="get" className="stack">
        <div className="form-row">
          <label>
            {t('staffing.forecast')}
            <select name="forecast" defaultValue={view.forecast.id}>
              {forecasts.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('staffing.week')}
            <select name="week" defaultValue={view.week.index}>
              {view.weeks.map((w) => (
                <option key={w.index} value={w.index}>
                  {t('staffing.weekOf', {
                    from: formatDayMonth(w.from, language),
                    to: formatDayMonth(w.to, language),
                  })}
                </option>
              ))}
              <option value={-1}>{t('staffing.wholeHorizon')}</option>
            </select>
          </label>
          <label>
            {t('staffing.channel')}
            <select name="channel" defaultValue={view.channel ?? ''}>
              <option value="">{t('staffing.allChannels')}</option>
              {view.channels.map((c) => (
                <option key={c.key} value={c.key}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <label title={t('staffing.weeklyHoursHelp')}>
            {t('staffing.weeklyHours')}
            <input name="weeklyHours" type="number" min={1} max={80} step="any" defaultValue={view.weeklyHours} size={5} />
          </label>
          <label>
            {t('staffing.workdays')}
            <input name="workdays" type="number" min={1} max={7} defaultValue={view.workdays} size={3} />
          </label>
        </div>
        {scenarios.length > 0 && (
          <fieldset className="form-row">
            <legend>{t('staffing.compare')}</legend>
            {scenarios.map((s) => (
              <label key={s.id} className="check">
                <input type="checkbox" name="scenario" value={s.id} defaultChecked={query.scenario.includes(s.id)} /> {s.name}
              </label>
            ))}
          </fieldset>
        )}
        <p className="note">{t('staffing.weeklyHoursHelp')}</p>
        <div>
          <button type="submit">{t('staffing.apply')}</button>
        </div>
      </Form>
    </section>
  )
}

function Comparison() {
  const { view } = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation()
  const language = i18n.language
  if (!view) return null
  const base = view.plans[0]!
  const delta = (value: number, reference: number) =>
    reference > 0 && value !== reference ? ` (${signed(((value - reference) / reference) * 100, language)})` : ''
  return (
    <section className="panel" aria-labelledby="comparison-title">
      <h2 id="comparison-title">
        {t('staffing.comparisonTitle', { from: formatDay(view.week.from, language), to: formatDay(view.week.to, language) })}
      </h2>
      <div className="scroll">
        <table className="data wrap-head" data-testid="staffing-comparison">
          <thead>
            <tr>
              <th scope="col">{t('staffing.plan')}</th>
              <th scope="col">{t('staffing.volume')}</th>
              <th scope="col">{t('staffing.agentHours')}</th>
              <th scope="col">{t('staffing.scheduledHours')}</th>
              <th scope="col">{t('staffing.fte')}</th>
              <th scope="col">{t('staffing.peak')}</th>
              <th scope="col">{t('staffing.sl')}</th>
              <th scope="col">{t('staffing.abandon')}</th>
              <th scope="col">{t('staffing.slAtBase')}</th>
              <th scope="col">{t('staffing.abandonAtBase')}</th>
            </tr>
          </thead>
          <tbody>
            {view.plans.map((p) => (
              <tr key={p.id} data-plan={p.id}>
                <th scope="row" className="text">
                  {p.id === 0 ? t('staffing.base') : p.name}
                </th>
                <td>{formatInteger(p.totals.offered, language)}</td>
                <td data-testid="agent-hours">
                  {formatDecimal(p.totals.agentHours, language, 1)}
                  {delta(p.totals.agentHours, base.totals.agentHours)}
                </td>
                <td data-testid="scheduled-hours">
                  {formatDecimal(p.totals.scheduledHours, language, 1)}
                  {delta(p.totals.scheduledHours, base.totals.scheduledHours)}
                </td>
                <td data-testid="fte">{formatDecimal(p.totals.fte, language, 1)}</td>
                <td data-testid="peak">{formatInteger(p.totals.peakScheduled, language)}</td>
                <td>{formatPercent(p.totals.serviceLevel, language)}</td>
                <td>{formatPercent(p.totals.abandonRate, language)}</td>
                <td data-testid="sl-at-base">{p.atBase ? formatPercent(p.atBase.serviceLevel, language) : '—'}</td>
                <td>{p.atBase ? formatPercent(p.atBase.abandonRate, language) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="note">{t('staffing.comparisonNote')}</p>
    </section>
  )
}

function ByChannel() {
  const { view } = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation()
  const language = i18n.language
  if (!view) return null
  const base = view.plans[0]!
  return (
    <section className="panel" aria-labelledby="channels-title">
      <h2 id="channels-title">{t('staffing.channelsTitle')}</h2>
      <div className="scroll">
        <table className="data wrap-head" data-testid="staffing-channels">
          <thead>
            <tr>
              <th scope="col">{t('staffing.channel')}</th>
              <th scope="col" className="text">
                {t('staffing.model')}
              </th>
              <th scope="col">{t('staffing.volume')}</th>
              <th scope="col">{t('staffing.agentHours')}</th>
              <th scope="col">{t('staffing.scheduledHours')}</th>
              <th scope="col">{t('staffing.fte')}</th>
              <th scope="col">{t('staffing.peak')}</th>
              <th scope="col">{t('staffing.sl')}</th>
              <th scope="col">{t('staffing.abandon')}</th>
            </tr>
          </thead>
          <tbody>
            {view.channels
              .filter((c) => base.byChannel[c.key])
              .map((c) => {
                const totals = base.byChannel[c.key]!
                const model =
                  c.kind === 'deferred' ? 'deferred' : c.staffingModel === 'erlangA' && c.patienceSec !== null ? 'erlangA' : 'erlangC'
                return (
                  <tr key={c.key}>
                    <td>{c.name}</td>
                    <td className="text">{t(`staffing.models.${model}`)}</td>
                    <td>{formatInteger(totals.offered, language)}</td>
                    <td>{formatDecimal(totals.agentHours, language, 1)}</td>
                    <td>{formatDecimal(totals.scheduledHours, language, 1)}</td>
                    <td>{formatDecimal(totals.fte, language, 1)}</td>
                    <td>{formatInteger(totals.peakScheduled, language)}</td>
                    <td>{formatPercent(totals.serviceLevel, language)}</td>
                    <td>{formatPercent(totals.abandonRate, language)}</td>
                  </tr>
                )
              })}
          </tbody>
        </table>
      </div>
    </section>
  )
}

function Days() {
  const { view } = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation()
  const language = i18n.language
  if (!view) return null
  const channelName = view.channel ? view.channels.find((c) => c.key === view.channel)?.name ?? view.channel : t('staffing.allChannels')
  return (
    <section className="panel" aria-labelledby="days-title">
      <h2 id="days-title">{t('staffing.daysTitle', { channel: channelName })}</h2>
      <div className="scroll">
        <table className="data" data-testid="staffing-days">
          <thead>
            <tr>
              <th scope="col">{t('staffing.day')}</th>
              {view.plans.map((p) => (
                <th key={p.id} scope="colgroup" colSpan={2}>
                  {p.id === 0 ? t('staffing.base') : p.name}
                </th>
              ))}
            </tr>
            <tr>
              <th scope="col" />
              {view.plans.map((p) => [
                <th key={`${p.id}-h`} scope="col">
                  {t('staffing.scheduledHours')}
                </th>,
                <th key={`${p.id}-f`} scope="col">
                  {t('staffing.fte')}
                </th>,
              ])}
            </tr>
          </thead>
          <tbody>
            {view.days.map((d) => (
              <tr key={d.day}>
                <td>{formatShortDay(d.day, language)}</td>
                {view.plans.map((p) => [
                  <td key={`${p.id}-h`}>{formatDecimal(d.plans[p.id]?.scheduledHours ?? 0, language, 1)}</td>,
                  <td key={`${p.id}-f`}>{formatDecimal(d.plans[p.id]?.fte ?? 0, language, 1)}</td>,
                ])}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}

function Intervals() {
  const { view } = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation()
  const language = i18n.language
  if (!view) return null
  return (
    <details className="panel">
      <summary>
        <h2 className="inline">{t('staffing.intervalsTitle', { count: view.intervals.length })}</h2>
      </summary>
      <div className="scroll short">
        <table className="data" data-testid="staffing-intervals">
          <thead>
            <tr>
              <th scope="col">{t('staffing.start')}</th>
              <th scope="col">{t('staffing.offered')}</th>
              <th scope="col">{t('staffing.agents')}</th>
              <th scope="col">{t('staffing.fractional')}</th>
              <th scope="col">{t('staffing.scheduledCol')}</th>
              <th scope="col">{t('staffing.sl')}</th>
              <th scope="col">{t('staffing.asa')}</th>
              <th scope="col">{t('staffing.occupancy')}</th>
              <th scope="col">{t('staffing.abandon')}</th>
            </tr>
          </thead>
          <tbody>
            {view.intervals.map((i) => (
              <tr key={`${i.day} ${i.minute}`}>
                <td>{formatDayTime(i.day, i.minute, language)}</td>
                <td>{formatDecimal(i.offered, language, 1)}</td>
                <td>{formatInteger(i.agents, language)}</td>
                <td>{formatDecimal(i.agentsFractional, language, 2)}</td>
                <td>{formatInteger(i.scheduled, language)}</td>
                <td>{formatPercent(i.serviceLevel, language)}</td>
                <td>{formatDuration(i.asa, language)}</td>
                <td>{formatPercent(i.occupancy, language)}</td>
                <td>{formatPercent(i.abandonRate, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  )
}

const channelFields = [
  ['volumePct', 'staffing.channelVolume'],
  ['ahtPct', 'staffing.channelAht'],
  ['slGoalPct', 'staffing.slGoal'],
  ['slThresholdSec', 'staffing.threshold'],
  ['shrinkagePct', 'staffing.shrinkage'],
  ['rolloutFromPct', 'staffing.rolloutFrom'],
  ['rolloutToPct', 'staffing.rolloutTo'],
] as const

function ScenarioEditor() {
  const { view, scenarios } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  const [search] = useSearchParams()
  const result = useResult('scenario')
  const errors = result && !result.ok ? result.errors : {}
  const values = result && !result.ok ? result.values : null
  const navigation = useNavigation()
  const describe = useDescribe()
  const canEdit = useCan('editScenarios')
  if (!view) return null
  const names = Object.fromEntries(view.channels.map((c) => [c.key, c.name]))
  const field = (name: string, label: string, size = 6) => (
    <label key={name}>
      {label}
      <input
        name={name}
        inputMode="decimal"
        size={size}
        defaultValue={values?.[name] ?? ''}
        aria-invalid={errors[name] ? true : undefined}
      />
      <FieldError error={errors[name]} />
    </label>
  )
  const compareLink = (id: number) => {
    const next = new URLSearchParams(search)
    next.set('forecast', String(view.forecast.id))
    if (!next.getAll('scenario').includes(String(id))) next.append('scenario', String(id))
    while (next.getAll('scenario').length > MAX_COMPARED) {
      const kept = next.getAll('scenario').slice(1)
      next.delete('scenario')
      kept.forEach((s) => next.append('scenario', s))
    }
    return `?${next.toString()}`
  }
  return (
    <section className="panel" aria-labelledby="scenarios-title">
      <h2 id="scenarios-title">{t('staffing.scenarios')}</h2>
      {scenarios.length === 0 ? (
        <p className="note">{t('staffing.noScenarios')}</p>
      ) : (
        <div className="scroll">
          <table className="data" data-testid="scenario-list">
            <thead>
              <tr>
                <th scope="col">{t('staffing.name')}</th>
                <th scope="col" className="text">
                  {t('staffing.changes')}
                </th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {scenarios.map((s) => (
                <tr key={s.id}>
                  <td>
                    <Link to={compareLink(s.id)}>{s.name}</Link>
                  </td>
                  <td className="text">{describe(s.changes, names)}</td>
                  <td>
                    <a href={`/staffing/csv?forecast=${view.forecast.id}&scenario=${s.id}`} download>
                      {t('staffing.csv')}
                    </a>
                    {canEdit && (
                      <>
                        {' '}
                        <RowAction
                          fields={{ intent: 'deleteScenario', forecastId: view.forecast.id, scenarioId: s.id }}
                          label={t('staffing.remove')}
                        />
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canEdit ? (
        <>
          <h3>{t('staffing.newScenario')}</h3>
          {/* "Saved" waits for the revalidated scenarios, which re-key (empty) the form below. */}
          {result && (!result.ok || navigation.state === 'idle') && (
            <p className={`status ${result.ok ? 'ok' : 'error'}`} role={result.ok ? 'status' : 'alert'}>
              {t(result.ok ? 'staffing.saved' : 'staffing.fixErrors')}
            </p>
          )}
          <Form
            method="post"
            className="stack"
            aria-label={t('staffing.newScenario')}
            key={result?.ok ? scenarios.length : 'editing'}
            preventScrollReset
          >
            <input type="hidden" name="intent" value="scenario" />
            <input type="hidden" name="forecastId" value={view.forecast.id} />
            <div className="form-row">
              {field('name', t('staffing.name'), 24)}
              {field('volumePct', t('staffing.volumeAll'))}
              {field('ahtPct', t('staffing.ahtAll'))}
            </div>
            <div className="scroll">
              <table className="data scenario-channels">
                <thead>
                  <tr>
                    <th scope="col">{t('staffing.channel')}</th>
                    <th scope="col">{t('staffing.channelVolume')}</th>
                    <th scope="col">{t('staffing.channelAht')}</th>
                    <th scope="col">{t('staffing.slGoal')}</th>
                    <th scope="col">{t('staffing.threshold')}</th>
                    <th scope="col">{t('staffing.shrinkage')}</th>
                    <th scope="col">{t('staffing.rolloutFrom')}</th>
                    <th scope="col">{t('staffing.rolloutTo')}</th>
                  </tr>
                </thead>
                <tbody>
                  {view.channels.map((c) => (
                    <tr key={c.key}>
                      <td>{c.name}</td>
                      {channelFields.map(([f, labelKey]) => {
                        const name = `${c.key}.${f}`
                        return (
                          <td key={f}>
                            <input
                              name={name}
                              inputMode="decimal"
                              size={5}
                              aria-label={`${c.name}: ${t(labelKey)}`}
                              defaultValue={values?.[name] ?? ''}
                              aria-invalid={errors[name] ? true : undefined}
                            />
                            <FieldError error={errors[name]} />
                          </td>
                        )
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="form-row">
              <span className="note">{t('staffing.dayChange')}</span>
              {['day1', 'day2'].map((d) => (
                <span key={d} className="form-row">
                  <label>
                    {t('staffing.date')}
                    <input type="date" name={d} defaultValue={values?.[d] ?? ''} min={view.forecast.firstDay} />
                    <FieldError error={errors[d]} />
                  </label>
                  {field(`${d}Pct`, '%', 5)}
                </span>
              ))}
            </div>
            <p className="note">{t('staffing.scenarioHelp')}</p>
            <div>
              <button type="submit" disabled={navigation.state !== 'idle' && navigation.formData?.get('intent') === 'scenario'}>
                {t('staffing.save')}
              </button>
            </div>
          </Form>
        </>
      ) : (
        <p className="note">{t('readOnly.scenarios')}</p>
      )}
    </section>
  )
}

function Patience() {
  const { view } = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const saved = useResult('patience')
  const canEdit = useCan('editScenarios')
  if (!view || view.patience.length === 0) return null
  const first = view.patience[0]!
  return (
    <section className="panel" aria-labelledby="patience-title">
      <h2 id="patience-title">{t('staffing.patienceTitle')}</h2>
      {saved?.ok && (
        <p className="status ok" role="status">
          {t('staffing.patienceSaved')}
        </p>
      )}
      <div className="scroll">
        <table className="data" data-testid="patience">
          <thead>
            <tr>
              <th scope="col">{t('staffing.channel')}</th>
              <th scope="col">{t('staffing.volume')}</th>
              <th scope="col">{t('staffing.abandoned')}</th>
              <th scope="col">{t('staffing.waitTotal')}</th>
              <th scope="col">{t('staffing.estimate')}</th>
              <th scope="col">{t('staffing.current')}</th>
              {canEdit && <th scope="col" />}
            </tr>
          </thead>
          <tbody>
            {view.patience.map((p) => (
              <tr key={p.key}>
                <td>{p.name}</td>
                {p.estimate.offered === 0 ? (
                  // No contact whose waits are known (a history with volume only): nothing to estimate from.
                  <td colSpan={4}>{t('staffing.noWaits')}</td>
                ) : (
                  <>
                    <td>{formatInteger(p.estimate.offered, language)}</td>
                    <td>{formatInteger(p.estimate.abandoned, language)}</td>
                    <td>{formatDuration(p.estimate.waitSec, language)}</td>
                    <td>{p.estimate.patienceSec === null ? t('staffing.noAbandon') : formatDuration(p.estimate.patienceSec, language)}</td>
                  </>
                )}
                <td>{formatDuration(p.current, language)}</td>
                {canEdit && (
                  <td>
                    {p.estimate.patienceSec !== null && p.estimate.patienceSec >= 1 && p.estimate.patienceSec <= MAX_PATIENCE_SEC && (
                      <Form method="post" preventScrollReset>
                        <input type="hidden" name="intent" value="patience" />
                        <input type="hidden" name="forecastId" value={view.forecast.id} />
                        <input type="hidden" name="channelId" value={p.channelId} />
                        <input type="hidden" name="patienceSec" value={Math.round(p.estimate.patienceSec)} />
                        <button type="submit" className="secondary">
                          {t('staffing.useEstimate')}
                        </button>
                      </Form>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="note">{t('staffing.patienceNote', { from: formatDay(first.from, language), to: formatDay(first.to, language) })}</p>
      {!canEdit && <p className="note">{t('readOnly.patience')}</p>}
    </section>
  )
}

export default function StaffingRoute() {
  const { view } = useLoaderData<typeof loader>()
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
      <Filters />
      <PlanGaps gaps={base.gaps} />
      {view.plans.slice(1).map((p) => (
        <PlanGaps key={p.id} gaps={p.gaps.filter((g) => !base.gaps.some((b) => b.key === g.key))} scenario={p.name} />
      ))}
      <AhtFills fills={view.ahtFills} />
      {planned && (
        <div aria-busy={navigation.state === 'loading'}>
          <Comparison />
          <section className="panel" aria-labelledby="staffing-chart-title">
            <h2 id="staffing-chart-title">{t('staffing.chartTitle', { channel: channelName })}</h2>
            <StaffingPlanChart points={view.chart} scenarios={compared} />
            <p className="note">
              {t('staffing.chartNote', { timeZone: view.forecast.timeZone })}
              {view.resolutionMin !== view.forecast.intervalMin && ` ${t('staffing.hourlyPeaks')}`}
            </p>
          </section>
          <ByChannel />
          <Days />
          <Intervals />
        </div>
      )}
      <ScenarioEditor />
      <Patience />
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
