import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '../components/error-boundary.tsx'
import { HistoryGaps } from '../components/history-gaps.tsx'
import { ForecastChart } from '../components/forecast-chart.tsx'
import { AutoNote } from '../components/forecast/auto-note.tsx'
import { BacktestTable } from '../components/forecast/backtest-table.tsx'
import { DaysTable } from '../components/forecast/days-table.tsx'
import { Overrides } from '../components/forecast/overrides.tsx'
import { overrideSchema } from '../schemas/forecast.ts'
import { idSchema, routeId } from '../schemas/id.ts'
import { requireUser } from '../services/auth.server.ts'
import { listSpecialDays } from '../services/special-days.server.ts'
import { addOverride, deleteOverride, getForecastViewText } from '../services/forecast.server.ts'
import { useDeserialised } from '../utils/serialised.ts'
import { formatDay, formatDecimal, formatPercent } from '../utils/format.ts'
import { answerBusy } from '../utils/database-busy.server.ts'
import { done, readForm, refuse, validate } from '../utils/form.server.ts'

const forecastId = (params: LoaderFunctionArgs['params']) => routeId(params.id, 'Forecast not found')

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request)
  const [view, specialDays] = await Promise.all([
    getForecastViewText(forecastId(params), new URL(request.url).searchParams.get('channel')),
    listSpecialDays(),
  ])
  if (!view) throw new Response('Forecast not found', { status: 404 })
  return { view, tagged: Object.fromEntries(specialDays.map((d) => [d.date, d.kind])) }
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

export default function ForecastRoute() {
  const loaded = useLoaderData<typeof loader>()
  const view = useDeserialised(loaded.view)
  const { forecast, channels, channel, chart, days, overrides } = view
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const navigation = useNavigation()
  const changed = overrides.length > 0
  const choice = channel.choice
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
        <BacktestTable channel={channel} />
        <p className="note">{t('forecast.backtestNote', { origins: channel.origins })}</p>
        <AutoNote channel={channel} />
        {channel.gaps.length > 0 && (
          <div className="stack spaced" data-testid="forecast-gaps">
            <p className="note">{t('gaps.forecastIntro')}</p>
            <HistoryGaps gaps={channel.gaps} tagged={loaded.tagged} />
          </div>
        )}
      </section>
      <DaysTable channel={channel} days={days} withoutAht={view.withoutAht} />
      <Overrides channels={channels} channel={channel} days={days} overrides={overrides} timeZone={forecast.timeZone} />
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
