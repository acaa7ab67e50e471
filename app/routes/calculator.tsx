import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '../components/error-boundary.tsx'
import { Field } from '../components/field.tsx'
import { StaffingCharts, type CurveRow } from '../components/staffing-charts.tsx'
import { staff, staffingCurve, type StaffingResult } from '../domain/staffing.ts'
import { calculatorDefaults, calculatorSchema, intervalMinuteChoices, toStaffingRequest } from '../schemas/calculator.ts'
import { fieldErrors } from '../schemas/form-fields.ts'
import { requireUser } from '../services/auth.server.ts'
import { listChannels } from '../services/operation.server.ts'
import { formatDecimal, formatPercent, formatSeconds } from '../utils/format.ts'

const fields = Object.keys(calculatorDefaults)

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request)
  const search = new URL(request.url).searchParams
  const asked = fields.some((field) => search.has(field))
  const values = Object.fromEntries(fields.map((field) => [field, asked ? (search.get(field) ?? '') : calculatorDefaults[field]!]))
  const channels = await listChannels()
  // A channel's targets fill the form: the calculator answers for "one interval of this channel".
  const presets = channels
    .filter((c) => c.kind === 'realtime')
    .map((c) => {
      const preset = new URLSearchParams({
        ...values,
        slGoalPct: String(Math.round(c.slGoal * 10_000) / 100),
        threshold: String(c.slThresholdSec),
        asaGoal: c.asaGoalSec === null ? '' : String(c.asaGoalSec),
        maxOccupancyPct: c.maxOccupancy === null ? '' : String(Math.round(c.maxOccupancy * 10_000) / 100),
        shrinkagePct: String(Math.round(c.shrinkage * 10_000) / 100),
        patience: c.patienceSec === null ? '' : String(c.patienceSec),
        concurrency: String(c.concurrency),
        efficiencyPct: String(Math.round(c.efficiency * 10_000) / 100),
      })
      return { key: c.key, name: c.name, query: preset.toString() }
    })

  const parsed = calculatorSchema.safeParse(values)
  if (!parsed.success) {
    return data({ values, errors: fieldErrors(parsed.error), presets, outcome: null }, { status: 400 })
  }
  const staffingRequest = toStaffingRequest(parsed.data)
  let erlangC: StaffingResult
  let erlangA: StaffingResult | null
  try {
    erlangC = staff({ ...staffingRequest, model: 'erlangC' })
    erlangA = staffingRequest.patienceSec === null ? null : staff({ ...staffingRequest, model: 'erlangA' })
  } catch (error) {
    if (!(error instanceof RangeError)) throw error
    // Inputs each within bounds can still add up to a load beyond the engine's range.
    return data({ values, errors: { form: 'errors.outOfRange' } as Record<string, string>, presets, outcome: null }, { status: 400 })
  }
  const chosen = parsed.data.model === 'erlangA' && erlangA ? erlangA : erlangC
  // The curve shows the neighbourhood of the answer: 8 agents either side.
  const from = Math.max(chosen.agents > 0 ? 1 : 0, chosen.agents - 8)
  const curve: CurveRow[] = staffingCurve(staffingRequest, from, Math.max(chosen.agents, 1) + 8).map((p) => ({
    agents: p.agents,
    slC: p.erlangC.serviceLevel,
    slA: p.erlangA?.serviceLevel ?? null,
    asaC: Number.isFinite(p.erlangC.asa) ? p.erlangC.asa : null,
    asaA: p.erlangA && Number.isFinite(p.erlangA.asa) ? p.erlangA.asa : null,
    occupancyC: p.erlangC.occupancy,
    occupancyA: p.erlangA?.occupancy ?? null,
    abandonA: p.erlangA?.abandonRate ?? null,
  }))
  return {
    values,
    errors: {} as Record<string, string>,
    presets,
    outcome: {
      chosen,
      erlangC,
      erlangA,
      curve,
      goals: {
        slGoal: staffingRequest.slGoal,
        asaGoal: staffingRequest.asaGoalSec ?? null,
        maxOccupancy: staffingRequest.maxOccupancy ?? null,
        maxAbandonRate: staffingRequest.maxAbandonRate ?? null,
        shrinkage: staffingRequest.shrinkage ?? 0,
      },
    },
  }
}

function ResultCard({ title, result, chosen, testId }: { title: string; result: StaffingResult; chosen: boolean; testId: string }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  return (
    <section className={chosen ? 'answer-card chosen' : 'answer-card'} data-testid={testId} aria-label={title}>
      <h3>{title}</h3>
      <div className="big" data-testid={`${testId}-agents`}>
        {result.agents}
      </div>
      <div>{t('calculator.agentsOnPhone')}</div>
      <dl>
        <dt>{t('calculator.withShrinkage')}</dt>
        <dd>{result.agentsWithShrinkage}</dd>
        <dt>{t('calculator.fractional')}</dt>
        <dd>{formatDecimal(result.agentsFractional, language, 2)}</dd>
        <dt>{t('calculator.traffic')}</dt>
        <dd>{formatDecimal(result.traffic, language, 2)} Erl</dd>
        <dt>{t('calculator.serviceLevel')}</dt>
        <dd>{formatPercent(result.serviceLevel, language, 2)}</dd>
        <dt>{t('calculator.probWait')}</dt>
        <dd>{formatPercent(result.probWait, language, 2)}</dd>
        <dt>{t('calculator.asa')}</dt>
        <dd>{formatSeconds(result.asa, language)}</dd>
        <dt>{t('calculator.occupancy')}</dt>
        <dd>{formatPercent(result.occupancy, language, 1)}</dd>
        {result.model === 'erlangA' && (
          <>
            <dt>{t('calculator.abandonment')}</dt>
            <dd>{formatPercent(result.abandonRate, language, 2)}</dd>
          </>
        )}
      </dl>
    </section>
  )
}

export default function CalculatorRoute() {
  const { values, errors, presets, outcome } = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const navigation = useNavigation()
  const formId = 'calculator'
  return (
    <>
      <h1>{t('calculator.title')}</h1>
      <p className="subtitle">{t('calculator.subtitle')}</p>

      <section className="panel" aria-labelledby="calculator-inputs">
        <h2 id="calculator-inputs">{t('calculator.inputs')}</h2>
        {presets.length > 0 && (
          <div className="presets">
            <span className="note">{t('calculator.presets')}</span>
            {presets.map((p) => (
              <Link key={p.key} className="button secondary" to={`?${p.query}`}>
                {p.name}
              </Link>
            ))}
          </div>
        )}
        <Form method="get" className="form-grid" id={formId} key={JSON.stringify(values)}>
          <Field formId={formId} name="calls" label={t('calculator.calls')} inputMode="decimal" defaultValue={values.calls} error={errors.calls} />
          <label htmlFor={`${formId}-intervalMin`}>
            {t('calculator.interval')}
            <select id={`${formId}-intervalMin`} name="intervalMin" defaultValue={values.intervalMin}>
              {intervalMinuteChoices.map((m) => (
                <option key={m} value={m}>
                  {t('calculator.minutes', { count: m })}
                </option>
              ))}
            </select>
            {errors.intervalMin && <span className="field-error">{t(errors.intervalMin)}</span>}
          </label>
          <Field formId={formId} name="aht" label={t('calculator.aht')} inputMode="decimal" defaultValue={values.aht} error={errors.aht} />
          <Field formId={formId} name="slGoalPct" label={t('settings.slGoal')} inputMode="decimal" defaultValue={values.slGoalPct} error={errors.slGoalPct} />
          <Field formId={formId} name="threshold" label={t('settings.slThreshold')} inputMode="numeric" defaultValue={values.threshold} error={errors.threshold} />
          <Field formId={formId} name="asaGoal" label={t('settings.asaGoal')} optional inputMode="decimal" defaultValue={values.asaGoal} error={errors.asaGoal} />
          <Field formId={formId} name="maxOccupancyPct" label={t('settings.maxOccupancy')} optional inputMode="decimal" defaultValue={values.maxOccupancyPct} error={errors.maxOccupancyPct} />
          <Field formId={formId} name="maxAbandonPct" label={t('calculator.maxAbandon')} optional inputMode="decimal" defaultValue={values.maxAbandonPct} error={errors.maxAbandonPct} />
          <Field formId={formId} name="shrinkagePct" label={t('settings.shrinkage')} optional inputMode="decimal" defaultValue={values.shrinkagePct} error={errors.shrinkagePct} />
          <Field formId={formId} name="patience" label={t('settings.patience')} optional inputMode="numeric" defaultValue={values.patience} error={errors.patience} />
          <Field formId={formId} name="concurrency" label={t('settings.concurrency')} optional inputMode="numeric" defaultValue={values.concurrency} error={errors.concurrency} />
          <Field
            formId={formId}
            name="efficiencyPct"
            label={t('settings.efficiency')}
            optional
            inputMode="decimal"
            defaultValue={values.efficiencyPct}
            error={errors.efficiencyPct}
            help={t('settings.efficiencyHelp')}
          />
          <label htmlFor={`${formId}-model`}>
            {t('calculator.model')}
            <select id={`${formId}-model`} name="model" defaultValue={values.model}>
              <option value="erlangC">{t('calculator.modelC')}</option>
              <option value="erlangA">{t('calculator.modelA')}</option>
            </select>
            {errors.model && <span className="field-error">{t(errors.model)}</span>}
          </label>
          <div>
            <button type="submit" disabled={navigation.state === 'loading'}>
              {t('calculator.calculate')}
            </button>
          </div>
        </Form>
        {Object.keys(errors).length > 0 && (
          <p className="status error" role="alert">
            {errors.form ? t(errors.form) : t('settings.fixErrors')}
          </p>
        )}
      </section>

      {outcome && (
        <>
          <section className="panel" aria-labelledby="calculator-answer">
            <h2 id="calculator-answer">{t('calculator.answer')}</h2>
            <div className="answer">
              <ResultCard title={t('calculator.modelC')} result={outcome.erlangC} chosen={outcome.chosen.model === 'erlangC'} testId="result-erlangC" />
              {outcome.erlangA ? (
                <ResultCard title={t('calculator.modelA')} result={outcome.erlangA} chosen={outcome.chosen.model === 'erlangA'} testId="result-erlangA" />
              ) : (
                <p className="note">{t('calculator.noPatience')}</p>
              )}
            </div>
            {outcome.erlangA && outcome.goals.maxAbandonRate === null && outcome.erlangA.abandonRate > 0.1 && (
              <p className="status error" role="alert" data-testid="abandon-warning">
                {t('calculator.abandonWarning', { rate: formatPercent(outcome.erlangA.abandonRate, language, 0) })}
              </p>
            )}
            <p className="note">{t('calculator.modelNote')}</p>
            <p className="note">{t('overview.slDefinition')}</p>
          </section>

          <section className="panel" aria-labelledby="calculator-curve">
            <h2 id="calculator-curve">{t('calculator.curve')}</h2>
            <StaffingCharts
              rows={outcome.curve}
              answer={outcome.chosen.agents}
              slGoal={outcome.goals.slGoal}
              asaGoal={outcome.goals.asaGoal}
              maxOccupancy={outcome.goals.maxOccupancy}
              withErlangA={outcome.erlangA !== null}
            />
            <div className="scroll">
              <table className="data" data-testid="curve-table">
                <thead>
                  <tr>
                    <th scope="col">{t('calculator.agentsAxis')}</th>
                    <th scope="col">{t('calculator.serviceLevel')} C</th>
                    {outcome.erlangA && <th scope="col">{t('calculator.serviceLevel')} A</th>}
                    <th scope="col">{t('calculator.asa')} C</th>
                    {outcome.erlangA && <th scope="col">{t('calculator.asa')} A</th>}
                    <th scope="col">{t('calculator.occupancy')} C</th>
                    {outcome.erlangA && <th scope="col">{t('calculator.occupancy')} A</th>}
                    {outcome.erlangA && <th scope="col">{t('calculator.abandonment')} A</th>}
                  </tr>
                </thead>
                <tbody>
                  {outcome.curve.map((row) => (
                    <tr key={row.agents} className={row.agents === outcome.chosen.agents ? 'is-answer' : undefined}>
                      <td>{row.agents}</td>
                      <td>{formatPercent(row.slC, language, 1)}</td>
                      {outcome.erlangA && <td>{formatPercent(row.slA, language, 1)}</td>}
                      <td>{formatSeconds(row.asaC ?? Infinity, language)}</td>
                      {outcome.erlangA && <td>{formatSeconds(row.asaA ?? Infinity, language)}</td>}
                      <td>{formatPercent(row.occupancyC, language, 1)}</td>
                      {outcome.erlangA && <td>{formatPercent(row.occupancyA, language, 1)}</td>}
                      {outcome.erlangA && <td>{formatPercent(row.abandonA, language, 1)}</td>}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
