import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '../components/error-boundary.tsx'
import { HistoryGaps } from '../components/history-gaps.tsx'
import { FieldError } from '../components/field.tsx'
import { RowAction } from '../components/row-action.tsx'
import { ForecastChart } from '../components/forecast-chart.tsx'
import type { Accuracy } from '../domain/forecast/accuracy.ts'
import { overrideSchema } from '../schemas/forecast.ts'
import { idSchema, routeId } from '../schemas/id.ts'
import { requireUser } from '../services/auth.server.ts'
import { listSpecialDays } from '../services/special-days.server.ts'
import { addOverride, deleteOverride, getForecastView } from '../services/forecast.server.ts'
import { formatDay, formatDayTime, formatDecimal, formatDuration, formatInstant, formatInteger, formatPercent } from '../utils/format.ts'
import { useCan } from '../utils/user.ts'
import { answerBusy } from '../utils/database-busy.server.ts'
import { done, readForm, refuse, validate } from '../utils/form.server.ts'
import { useFormResult } from '../utils/form.ts'

const forecastId = (params: LoaderFunctionArgs['params']) => routeId(params.id, 'Forecast not found')

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request)
  const [view, specialDays] = await Promise.all([
    getForecastView(forecastId(params), new URL(request.url).searchParams.get('channel')),
    listSpecialDays(),
  ])
  if (!view) throw new Response('Forecast not found', { status: 404 })
  return { ...view, tagged: Object.fromEntries(specialDays.map((d) => [d.date, d.kind])) }
}

export async function action(args: ActionFunctionArgs) {
  return answerBusy(args, act)
}

async function act({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, 'editForecasts')
  const id = forecastId(params)
  const submission = await readForm(request)
  const { intent, values } = submission
  // The page has one override form per day and one for a range: `form` says which was sent.
  const form = typeof values.form === 'string' ? values.form : 'override'
  if (intent === 'override') {
    const parsed = validate(submission, overrideSchema)
    if (!parsed.ok) return refuse(form, submission, parsed.errors)
    const outcome = await addOverride(user, id, parsed.data)
    if (outcome === 'notFound') throw new Response('Forecast not found', { status: 404 })
    if (outcome === 'unknownChannel') return refuse(form, submission, { channelId: 'errors.overrideChannel' })
    if (outcome === 'outsideHorizon') return refuse(form, submission, { day: 'errors.overrideOutside' })
    return done(form)
  }
  if (intent === 'deleteOverride') {
    const overrideId = idSchema.safeParse(values.overrideId)
    if (!overrideId.success || !(await deleteOverride(user, id, overrideId.data))) throw new Response('Override not found', { status: 404 })
    return done('overrides')
  }
  throw new Response('Unknown form', { status: 400 })
}

/** A small form shows its first error. */
function FirstError({ errors }: { errors: Record<string, string> }) {
  return <FieldError error={Object.values(errors)[0]} />
}

function BacktestTable() {
  const { channel } = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const pct = (v: number | null) => formatPercent(v, language, 1)
  const cells = (a: Accuracy) => (
    <>
      <td>{pct(a.wape)}</td>
      <td>{a.bias === null ? '—' : `${a.bias > 0 ? '+' : ''}${pct(a.bias)}`}</td>
      <td>{pct(a.mape)}</td>
      <td>{formatDecimal(a.rmse, language, 1)}</td>
    </>
  )
  if (channel.scores.length === 0) return <p className="note">{t('forecast.noBacktest')}</p>
  const head = (
    <>
      <th scope="col">{t('forecast.wape')}</th>
      <th scope="col">{t('forecast.bias')}</th>
      <th scope="col">{t('forecast.mape')}</th>
      <th scope="col">{t('forecast.rmse')}</th>
    </>
  )
  return (
    <div className="scroll">
      <table className="data" data-testid="backtest-table">
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              {t('forecast.method')}
            </th>
            <th scope="colgroup" colSpan={4}>
              {t('forecast.oneDay')}
            </th>
            <th scope="colgroup" colSpan={4}>
              {t('forecast.oneWeek')}
            </th>
          </tr>
          <tr>
            {head}
            {head}
          </tr>
        </thead>
        <tbody>
          {channel.scores.map((s) => (
            <tr key={s.method} className={s.method === channel.method ? 'is-chosen' : undefined}>
              <th scope="row" className="text">
                {t(`forecast.methods.${s.method}`)}
                {s.method === channel.method && ` (${t('forecast.used')})`}
              </th>
              {cells(s.oneDay)}
              {cells(s.oneWeek)}
            </tr>
          ))}
          {channel.auto && (
            <tr title={t('forecast.autoRowHelp')}>
              <th scope="row" className="text">
                {t('forecast.autoRow')}
              </th>
              {cells(channel.auto.auto.oneDay)}
              {cells(channel.auto.auto.oneWeek)}
            </tr>
          )}
        </tbody>
      </table>
    </div>
  )
}

/** Auto's own score is over fewer origins: name them and the best method over the same ones. */
function AutoNote() {
  const { channel } = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation()
  const comparison = channel.auto
  if (!comparison) return null
  const best = [...comparison.methods].sort((a, b) => (a.oneWeek.wape ?? Infinity) - (b.oneWeek.wape ?? Infinity))[0]
  if (!best) return null
  return (
    <p className="note" data-testid="auto-note">
      {t('forecast.autoNote', {
        origins: comparison.origins.oneWeek,
        auto: formatPercent(comparison.auto.oneWeek.wape, i18n.language, 1),
        method: t(`forecast.methods.${best.method}`),
        wape: formatPercent(best.oneWeek.wape, i18n.language, 1),
      })}
    </p>
  )
}

function DayOverride({ day, channelId }: { day: string; channelId: number }) {
  const { t, i18n } = useTranslation()
  const form = `day-${day}`
  const { errors } = useFormResult(form)
  return (
    <Form method="post" className="inline" aria-label={`${t('forecast.adjust')} ${formatDay(day, i18n.language)}`} preventScrollReset>
      <input type="hidden" name="intent" value="override" />
      <input type="hidden" name="form" value={form} />
      <input type="hidden" name="scope" value="day" />
      <input type="hidden" name="day" value={day} />
      <input type="hidden" name="channelId" value={channelId} />
      <select name="kind" aria-label={t('forecast.kind')} defaultValue="percent">
        <option value="percent">{t('forecast.kindPercent')}</option>
        <option value="value">{t('forecast.kindValue')}</option>
      </select>
      <input name="amount" inputMode="decimal" aria-label={t('forecast.amount')} required />
      <button type="submit">{t('forecast.apply')}</button>
      <FirstError errors={errors} />
    </Form>
  )
}

function RangeOverride() {
  const { channels, channel, days } = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation()
  const { errors } = useFormResult('range')
  return (
    <Form method="post" className="form-row" aria-label={t('forecast.rangeTitle')} preventScrollReset>
      <input type="hidden" name="intent" value="override" />
      <input type="hidden" name="form" value="range" />
      <input type="hidden" name="scope" value="range" />
      <label>
        {t('forecast.day')}
        <select name="day">
          {days.map((d) => (
            <option key={d.day} value={d.day}>
              {formatDay(d.day, i18n.language, { weekday: 'short', day: '2-digit', month: '2-digit' })}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('forecast.from')}
        <input type="time" name="fromTime" step={900} required defaultValue="08:00" />
      </label>
      <label>
        {t('forecast.to')}
        <input type="time" name="toTime" step={900} required defaultValue="12:00" />
      </label>
      <label>
        {t('forecast.channel')}
        <select name="channelId" defaultValue={channel.id}>
          {channels.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
          <option value="">{t('forecast.allChannels')}</option>
        </select>
      </label>
      <label>
        {t('forecast.kind')}
        <select name="kind" defaultValue="percent">
          <option value="percent">{t('forecast.percentLong')}</option>
          <option value="value">{t('forecast.valueLong')}</option>
        </select>
      </label>
      <label>
        {t('forecast.amount')}
        <input name="amount" inputMode="decimal" size={8} required />
      </label>
      <label>
        {t('forecast.note')}
        <input name="note" maxLength={200} size={24} />
      </label>
      <button type="submit">{t('forecast.apply')}</button>
      <FirstError errors={errors} />
    </Form>
  )
}

export default function ForecastRoute() {
  const view = useLoaderData<typeof loader>()
  const { forecast, channels, channel, chart, days, overrides } = view
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const navigation = useNavigation()
  const canEdit = useCan('editForecasts')
  const changed = overrides.length > 0
  const choice = channel.choice
  const totals = days.reduce((sum, d) => ({ model: sum.model + d.model, adjusted: sum.adjusted + d.adjusted }), { model: 0, adjusted: 0 })
  return (
    <>
      <p>
        <Link to="/forecast">← {t('forecast.back')}</Link>
      </p>
      <h1>{forecast.name}</h1>
      <p className="subtitle">
        {t('forecast.summary', {
          channels: forecast.channels.join(', '),
          days: forecast.horizonDays,
          first: formatDay(forecast.firstDay, language),
          minutes: forecast.intervalMin,
          from: formatDay(forecast.historyFrom, language),
          to: formatDay(forecast.historyTo, language),
          by: forecast.createdBy,
        })}
      </p>
      <div className="chart-head">
        <nav className="quick" aria-label={t('forecast.channels')}>
          {channels.map((c) => (
            <Link
              key={c.key}
              to={`?channel=${c.key}`}
              className={`button${c.key === channel.key ? '' : ' secondary'}`}
              aria-current={c.key === channel.key ? 'page' : undefined}
            >
              {c.name}
            </Link>
          ))}
        </nav>
        <a className="button secondary" href={`/forecast/${forecast.id}/csv`} download>
          {t('forecast.exportCsv')}
        </a>
      </div>
      <section className="panel" aria-labelledby="chart-title" aria-busy={navigation.state === 'loading'}>
        <h2 id="chart-title">{t('forecast.chartTitle', { channel: channel.name })}</h2>
        <ForecastChart points={chart} showAdjusted={changed} />
        <p className="note">
          {t('forecast.bandNote', { dispersion: formatDecimal(channel.dispersion, language, 2), minutes: view.chartMinutes })}{' '}
          {t('forecast.zone', { timeZone: forecast.timeZone })}
        </p>
      </section>
      <section className="panel" aria-labelledby="backtest-title">
        <h2 id="backtest-title">{t('forecast.backtestTitle', { channel: channel.name })}</h2>
        <p data-testid="method-reason">
          {choice
            ? t('forecast.autoReason', {
                method: t(`forecast.methods.${choice.method}`),
                horizon: t(choice.horizon === 7 ? 'forecast.oneWeek' : 'forecast.oneDay').toLowerCase(),
                wape: formatPercent(choice.wape, language, 1),
                runnerUp: choice.runnerUp ? t(`forecast.methods.${choice.runnerUp.method}`) : '—',
                runnerUpWape: formatPercent(choice.runnerUp?.wape ?? null, language, 1),
              })
            : t('forecast.requested', { method: t(`forecast.methods.${channel.method}`) })}
        </p>
        <BacktestTable />
        <p className="note">{t('forecast.backtestNote', { origins: channel.origins })}</p>
        <AutoNote />
        {channel.gaps.length > 0 && (
          <div className="stack spaced" data-testid="forecast-gaps">
            <p className="note">{t('gaps.forecastIntro')}</p>
            <HistoryGaps gaps={channel.gaps} tagged={view.tagged} />
          </div>
        )}
      </section>
      <section className="panel" aria-labelledby="days-title">
        <h2 id="days-title">{t('forecast.daysTitle', { channel: channel.name })}</h2>
        {view.withoutAht && (
          <p className="status" data-testid="forecast-without-aht">
            {view.withoutAht.planned
              ? t('forecast.plannedAhtUsed', {
                  channel: channel.name,
                  aht: view.withoutAht.planned.ahtSec === null ? '—' : formatDuration(view.withoutAht.planned.ahtSec, language),
                })
              : t('forecast.noAhtNoPlan', { channel: channel.name })}{' '}
            <Link to={`/settings#channel-${channel.id}`}>{t('plan.ahtFill.settings')}</Link>
          </p>
        )}
        <div className="scroll">
          <table className="data" data-testid="forecast-days">
            <thead>
              <tr>
                <th scope="col">{t('forecast.day')}</th>
                <th scope="col">{t('forecast.modelTotal')}</th>
                <th scope="col">{t('forecast.adjustedTotal')}</th>
                <th scope="col">{t('forecast.aht')}</th>
                {canEdit && <th scope="col">{t('forecast.adjust')}</th>}
              </tr>
            </thead>
            <tbody>
              {days.map((d) => (
                <tr key={d.day} data-day={d.day}>
                  <td>{formatDay(d.day, language, { weekday: 'short', day: '2-digit', month: '2-digit' })}</td>
                  <td>{formatInteger(d.model, language)}</td>
                  <td className={Math.abs(d.adjusted - d.model) > 1e-6 ? 'adjusted' : undefined} data-testid="adjusted">
                    {formatInteger(d.adjusted, language)}
                  </td>
                  <td>{formatDuration(d.aht, language)}</td>
                  {canEdit && (
                    <td>
                      <DayOverride day={d.day} channelId={channel.id} />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <td>{t('overview.total')}</td>
                <td>{formatInteger(totals.model, language)}</td>
                <td>{formatInteger(totals.adjusted, language)}</td>
                <td />
                {canEdit && <td />}
              </tr>
            </tfoot>
          </table>
        </div>
      </section>
      <section className="panel" aria-labelledby="overrides-title">
        <h2 id="overrides-title">{t('forecast.overrides')}</h2>
        {canEdit ? (
          <>
            <h3>{t('forecast.rangeTitle')}</h3>
            <RangeOverride />
          </>
        ) : (
          <p className="note">{t('readOnly.forecasts')}</p>
        )}
        <p className="note">{t('forecast.overrideNote')}</p>
        {overrides.length === 0 ? (
          <p className="note">{t('forecast.noOverrides')}</p>
        ) : (
          <div className="scroll">
            <table className="data" data-testid="overrides">
              <thead>
                <tr>
                  <th scope="col">{t('forecast.period')}</th>
                  <th scope="col">{t('forecast.channel')}</th>
                  <th scope="col">{t('forecast.kind')}</th>
                  <th scope="col">{t('forecast.amount')}</th>
                  <th scope="col">{t('forecast.note')}</th>
                  <th scope="col">{t('forecast.who')}</th>
                  <th scope="col">{t('forecast.when')}</th>
                  {canEdit && <th scope="col" />}
                </tr>
              </thead>
              <tbody>
                {overrides.map((o) => (
                  <tr key={o.id}>
                    <td>
                      {formatDayTime(o.from.day, o.from.minute, language)} – {formatDayTime(o.to.day, o.to.minute, language)}
                    </td>
                    <td className="text">{o.channel ?? t('forecast.allChannels')}</td>
                    <td className="text">{t(o.kind === 'percent' ? 'forecast.percentLong' : 'forecast.valueLong')}</td>
                    <td>
                      {o.kind === 'percent'
                        ? `${o.amount > 0 ? '+' : ''}${formatDecimal(o.amount, language, 1)}%`
                        : formatInteger(o.amount, language)}
                    </td>
                    <td className="text">{o.note ?? ''}</td>
                    <td className="text">{o.createdBy}</td>
                    <td>
                      {formatInstant(o.createdAt, language, forecast.timeZone)}
                    </td>
                    {canEdit && (
                      <td>
                        <RowAction fields={{ intent: 'deleteOverride', overrideId: o.id }} label={t('forecast.removeOverride')} />
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
