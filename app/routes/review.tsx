import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData, useNavigate, useNavigation, useSearchParams } from '@remix-run/react'
import { useMemo, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '../components/error-boundary.tsx'
import { PeriodInputs } from '../components/period-inputs.tsx'
import { PlanGaps } from '../components/plan-gaps.tsx'
import { ReviewChart, VarianceHeatmap } from '../components/review-charts.tsx'
import type { Accuracy } from '../domain/forecast/accuracy.ts'
import { addDays } from '../domain/intervals.ts'
import { formatClock } from '../domain/opening-hours.ts'
import { SIGNALS, type Attainment, type PeriodSummary } from '../domain/review.ts'
import { forecastDays, NO_FORECAST, parseReviewSearch } from '../schemas/review.ts'
import { requireUser } from '../services/auth.server.ts'
import { todayIn } from '../services/clock.server.ts'
import { getOperation } from '../services/operation.server.ts'
import { getReviewPayload, resolveReviewQuery, type IntervalRow, type ReviewSlot, type ReviewView } from '../services/review.server.ts'
import { useDeserialised } from '../utils/serialised.ts'
import { formatDay, formatDayMonth, formatDayTime, formatDecimal, formatDuration, formatInteger, formatPercent, formatShortDay, formatWeekday } from '../utils/format.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request)
  const search = parseReviewSearch(new URL(request.url).searchParams)
  const { timeZone } = await getOperation()
  const today = todayIn(timeZone)
  const { forecasts: forecastList, channels: channelList, resolved } = await resolveReviewQuery(search, timeZone, today)
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

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>
type View = ReviewView & { slot: ReviewSlot | null }

const DAY_ANCHOR = 'review-day'
const SLOT_ANCHOR = 'review-slot'

/** Links to the current address with some parameters set (or, with null, removed), the others kept. */
function useSearchLink() {
  const [search] = useSearchParams()
  return (changes: Record<string, string | null>, anchor?: string) => {
    const next = new URLSearchParams(search)
    // `shown` is the form's (a forecast chosen there opens its own period); links set what they mean.
    next.delete('shown')
    for (const [name, value] of Object.entries(changes)) {
      if (value === null) next.delete(name)
      else next.set(name, value)
    }
    return `?${next.toString()}${anchor ? `#${anchor}` : ''}`
  }
}

/** The current address with `day` set (or removed). */
function useDayLink() {
  const link = useSearchLink()
  return (day: string | null) => link({ day }, day === null ? undefined : DAY_ANCHOR)
}

/** The current address with the heatmap cell `slot` set (or removed). */
function useSlotLink() {
  const link = useSearchLink()
  return (slot: { weekday: number; hour: number } | null) =>
    link({ slot: slot && `${slot.weekday}-${slot.hour}` }, slot === null ? undefined : SLOT_ANCHOR)
}

/**
 * The review of part of the period (a week or month of the trend): the same forecast and channel,
 * and only the days of it inside the period, so its figures are the row's.
 */
function usePeriodLink(view: View) {
  const link = useSearchLink()
  return (from: string, to: string) =>
    link({
      day: null,
      slot: null,
      forecast: view.forecast ? String(view.forecast.id) : NO_FORECAST,
      from: from > view.from ? from : view.from,
      to: to < view.to ? to : view.to,
    })
}

function useFormats() {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const percent = (value: number | null, digits = 1) => formatPercent(value, language, digits)
  const metOf = (a: Attainment, unit?: 'intervals' | 'days' | 'weeks') =>
    t(unit ? `review.attained.${unit}` : 'review.metOf', {
      met: formatInteger(a.met, language),
      measured: formatInteger(a.measured, language),
    })
  return {
    t,
    language,
    percent,
    signed: (value: number | null) => (value === null ? '—' : `${value > 0 ? '+' : ''}${percent(value)}`),
    integer: (value: number | null) => (value === null ? '—' : formatInteger(value, language)),
    duration: (value: number | null) => formatDuration(value, language),
    nps: (value: number | null) => formatDecimal(value, language, 1),
    share: (a: Attainment) => (a.share === null ? '—' : `${percent(a.share, 0)} (${metOf(a)})`),
    metOf,
    shortDay: (day: string) => formatDayMonth(day, language),
  }
}

/** A service level coloured against its goal (uncoloured when several goals apply). */
function Sl({ value, goal }: { value: number | null; goal: number | null }) {
  const { t, percent } = useFormats()
  if (value === null || goal === null) return <>{percent(value)}</>
  const met = value >= goal - 1e-12
  return (
    <span className={met ? 'good' : 'bad'} title={t(met ? 'review.metGoal' : 'review.missedGoal')}>
      {percent(value)}
    </span>
  )
}

function Filters({ forecasts, channels, query, periodError }: Pick<LoaderData, 'forecasts' | 'channels' | 'query' | 'periodError'>) {
  const { t, shortDay } = useFormats()
  const [search] = useSearchParams()
  const forecast = forecasts.find((f) => f.id === query.forecastId)
  const forecastPeriod = new URLSearchParams({ forecast: String(forecast?.id ?? ''), ...(query.channel ? { channel: query.channel } : {}) })
  return (
    <section className="panel" aria-labelledby="review-filters" key={search.toString()}>
      <h2 id="review-filters" className="visually-hidden">
        {t('review.filters')}
      </h2>
      <Form method="get" className="form-row">
        <input type="hidden" name="shown" value={query.forecastId ?? NO_FORECAST} />
        <label>
          {t('review.forecast')}
          <select name="forecast" defaultValue={query.forecastId ?? NO_FORECAST}>
            {forecasts.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
            <option value={NO_FORECAST}>{t('review.noForecast')}</option>
          </select>
        </label>
        <PeriodInputs period={query} error={periodError} />
        <label>
          {t('review.channel')}
          <select name="channel" defaultValue={query.channel ?? ''}>
            <option value="">{t('review.allChannels')}</option>
            {channels.map((c) => (
              <option key={c.key} value={c.key}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t('review.apply')}</button>
      </Form>
      {forecast && (
        <p className="note">
          {t('review.forecastDays', { from: shortDay(forecast.from), to: shortDay(forecast.to) })}{' '}
          {(forecast.from !== query.from || forecast.to !== query.to) && (
            <Link to={`?${forecastPeriod.toString()}`}>{t('review.useForecastPeriod')}</Link>
          )}
        </p>
      )}
    </section>
  )
}

function Card({ id, label, value, detail, tone }: { id: string; label: string; value: string; detail?: ReactNode; tone?: 'good' | 'bad' }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd data-testid={`review-${id}`} className={tone}>
        {value}
      </dd>
      {detail && <dd className="detail">{detail}</dd>}
    </div>
  )
}

function Headline({ view, channels, channelName }: { view: View; channels: LoaderData['channels']; channelName: string }) {
  const { t, percent, signed, integer, duration, nps, metOf, language } = useFormats()
  const one = view.channel === null ? null : view.byChannel.find((c) => c.key === view.channel) ?? null
  const volume = view.accuracy.volume
  const aht = view.accuracy.aht
  // Abandonment the plan predicted covers the Erlang A channels: set it beside their actual rate.
  const erlangA = new Set(view.channels.filter((c) => c.erlangA).map((c) => c.key))
  const predictedFor = view.byChannel.filter((c) => erlangA.has(c.key))
  // Over the intervals the plan predicted, so the two rates compare like with like.
  const actualThere = view.actualAbandonWherePredicted
  // All channels: service level and wait of the real-time channels (e-mail waits hours).
  const asa = one ? one.asaSec : view.realtime.asaSec
  const share = (a: Attainment, unit: 'intervals' | 'days' | 'weeks') => (a.share === null ? undefined : metOf(a, unit))
  return (
    <section className="panel" aria-labelledby="review-summary">
      <h2 id="review-summary">{t('review.summaryTitle', { from: formatDay(view.from, language), to: formatDay(view.to, language) })}</h2>
      <p className="note summary-of">
        {t('review.summaryOf', { channel: channelName, forecast: view.forecast?.name ?? t('review.noForecast') })}
      </p>
      <h3 className="counts-title">{t('review.accuracyTitle')}</h3>
      <dl className="counts review-cards">
        <Card id="volume-wape" label={t('review.volumeWape')} value={percent(volume.wape)} />
        <Card id="volume-bias" label={t('review.volumeBias')} value={signed(volume.bias)} detail={t('review.biasSign')} />
        <Card id="volume-mape" label={t('review.volumeMape')} value={percent(volume.mape)} detail={t('review.mapeNote')} />
        <Card id="aht-wape" label={t('review.ahtWape')} value={percent(aht.wape)} />
        <Card id="aht-bias" label={t('review.ahtBias')} value={signed(aht.bias)} detail={t('review.biasSign')} />
      </dl>
      <h3 className="counts-title">{t('review.serviceTitle')}</h3>
      <dl className="counts review-cards">
        <Card
          id="attainment-intervals"
          label={t('review.intervalsMet')}
          value={percent(view.attainment.intervals.share, 0)}
          detail={share(view.attainment.intervals, 'intervals')}
        />
        <Card
          id="attainment-days"
          label={t('review.daysMet')}
          value={percent(view.attainment.days.share, 0)}
          detail={share(view.attainment.days, 'days')}
        />
        <Card
          id="attainment-weeks"
          label={t('review.weeksMet')}
          value={percent(view.attainment.weeks.share, 0)}
          detail={share(view.attainment.weeks, 'weeks')}
        />
        <Card
          id="service-level"
          label={t('review.slActual')}
          value={percent(one ? view.total.serviceLevel : view.realtime.serviceLevel)}
          tone={one && one.serviceLevel !== null ? (one.serviceLevel >= one.slGoal - 1e-12 ? 'good' : 'bad') : undefined}
          detail={one ? t('review.goalOf', { goal: percent(one.slGoal, 0) }) : t('review.allChannelsPooled')}
        />
        <Card
          id="abandon"
          label={t('review.abandon')}
          value={percent(view.total.abandonRate)}
          detail={
            view.predictedAbandonRate === null
              ? t('review.noPrediction')
              : predictedFor.length === view.byChannel.length
              ? t('review.predictedAbandon', { rate: percent(view.predictedAbandonRate) })
              : t('review.predictedAbandonOf', {
                  rate: percent(view.predictedAbandonRate),
                  channels: predictedFor.map((c) => c.name).join(', '),
                  actual: percent(actualThere),
                })
          }
        />
        <Card id="asa" label={t('review.asa')} value={duration(asa)} detail={one ? undefined : t('review.realtimeOnly')} />
      </dl>
      <h3 className="counts-title">{t('review.qualityTitle')}</h3>
      <dl className="counts review-cards">
        <Card id="fcr" label={t('review.fcr')} value={percent(view.total.fcrRate)} />
        <Card
          id="nps"
          label={t('review.nps')}
          value={nps(view.total.nps)}
          detail={
            view.total.npsResponses > 0
              ? t('review.responses', { count: view.total.npsResponses, n: integer(view.total.npsResponses) })
              : undefined
          }
        />
      </dl>
      {view.forecast === null ? (
        <p className="note">{t('review.noForecastNote')}</p>
      ) : (
        volume.intervals === 0 && <p className="note">{t('review.notCovered', { name: view.forecast.name })}</p>
      )}
      <p className="note">{t('review.accuracyNote')}</p>
      <p className="note">{t('review.slDefinition')}</p>
    </section>
  )
}

/** A period without actuals (a forecast not yet lived, days not imported): where the data is, and a way there. */
function NoActuals({ view }: { view: View }) {
  const { t, language } = useFormats()
  const link = useSearchLink()
  const data = view.dataPeriod
  const day = (d: string) => formatDay(d, language)
  return (
    <p className="panel" data-testid="review-no-data">
      {t('review.noData')}{' '}
      {data ? (
        <>
          {t('review.dataSpan', { from: day(data.from), to: day(data.to) })}{' '}
          <Link to={link({ forecast: NO_FORECAST, day: null, slot: null, from: addDays(data.to, -27) > data.from ? addDays(data.to, -27) : data.from, to: data.to })}>
            {t('review.lastDaysWithData')}
          </Link>
        </>
      ) : (
        <>
          {t('review.noHistory')} <Link to="/data">{t('nav.data')}</Link>
        </>
      )}
    </p>
  )
}

/** What the data lacks, named: blanks on the page are explained, never read as zeros. */
function Missing({ view }: { view: View }) {
  const { t, language } = useFormats()
  const { missing } = view
  const list = (names: string[]) => new Intl.ListFormat(language, { type: 'conjunction' }).format(names)
  const notes = (['actualAht', 'forecastAht', 'serviceLevel', 'abandonment'] as const)
    .filter((key) => missing[key].length > 0)
    .map((key) => t(`review.missing.${key}`, { channels: list(missing[key]) }))
  if (missing.agents) notes.push(t('review.missing.agents'))
  for (const { channel, days } of missing.days) {
    const shown = days.slice(0, 10).map((d) => formatDay(d, language, { day: '2-digit', month: '2-digit' }))
    notes.push(t('review.missing.days', { channel, count: days.length, days: list(days.length > 10 ? [...shown, '…'] : shown) }))
  }
  if (notes.length === 0 && missing.planGaps.length === 0) return null
  return (
    <section className="panel" aria-labelledby="review-missing" data-testid="review-missing">
      <h2 id="review-missing">{t('review.missing.title')}</h2>
      {notes.length > 0 && (
        <ul className="note">
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      <PlanGaps gaps={missing.planGaps} title={t('review.missing.planGaps')} />
    </section>
  )
}

function DailyChart({ view }: { view: View }) {
  const { t, language } = useFormats()
  const navigate = useNavigate()
  const dayLink = useDayLink()
  const goal = view.channel === null ? null : view.channels.find((c) => c.key === view.channel)?.slGoal ?? null
  return (
    <section className="panel" aria-labelledby="review-chart-title">
      <h2 id="review-chart-title">{t('review.chartTitle')}</h2>
      <ReviewChart
        testId="review-chart"
        points={view.days.map((d) => ({ key: d.key, offered: d.offered, forecast: d.forecastOffered, serviceLevel: d.serviceLevel }))}
        slGoal={goal}
        formatKey={(day) => formatShortDay(day, language)}
        onSelect={(day) => navigate(dayLink(day))}
      />
      <p className="note">{t('review.chartNote')}</p>
    </section>
  )
}

function IntervalCells({ row, multi }: { row: IntervalRow; multi: boolean }) {
  const { percent, signed, integer, duration, language } = useFormats()
  return (
    <>
      <td>{integer(row.offered)}</td>
      <td>{row.forecastOffered === null ? '—' : formatDecimal(row.forecastOffered, language, 1)}</td>
      <td>{signed(row.variance)}</td>
      <td>{duration(row.ahtSec)}</td>
      <td>{duration(row.forecastAhtSec)}</td>
      <td>
        <Sl value={row.serviceLevel} goal={row.slGoal} />
      </td>
      {!multi && <td>{percent(row.slGoal, 0)}</td>}
      <td>{duration(row.asaSec)}</td>
      <td>{percent(row.abandonRate)}</td>
      {!multi && <td>{percent(row.predictedAbandonRate)}</td>}
      <td>{row.agentsStaffed === null ? '—' : formatDecimal(row.agentsStaffed, language, 1)}</td>
      <td>{integer(row.plannedAgents)}</td>
    </>
  )
}

function IntervalHead({ multi }: { multi: boolean }) {
  const { t } = useFormats()
  return (
    <>
      <th scope="col">{t('review.offered')}</th>
      <th scope="col">{t('review.forecastOffered')}</th>
      <th scope="col">{t('review.variance')}</th>
      <th scope="col">{t('review.aht')}</th>
      <th scope="col">{t('review.forecastAht')}</th>
      <th scope="col">{t('review.sl')}</th>
      {!multi && <th scope="col">{t('review.goal')}</th>}
      <th scope="col">{t('review.asa')}</th>
      <th scope="col">{t('review.abandon')}</th>
      {!multi && <th scope="col">{t('review.predictedAbandonShort')}</th>}
      <th scope="col">{t('review.agentsStaffed')}</th>
      <th scope="col">{t('review.plannedAgents')}</th>
    </>
  )
}

function DayDrillDown({ view }: { view: View }) {
  const { t, language } = useFormats()
  const dayLink = useDayLink()
  if (!view.day) return null
  const goal = view.channel === null ? null : view.channels.find((c) => c.key === view.channel)?.slGoal ?? null
  const multi = view.channel === null
  // Closed hours at either end of the day (nothing offered, forecast or planned) are left out.
  const active = (r: IntervalRow) => r.offered > 0 || (r.forecastOffered ?? 0) >= 0.05 || (r.plannedAgents ?? 0) > 0
  const first = view.day.intervals.findIndex(active)
  const last = view.day.intervals.findLastIndex(active)
  const rows = first < 0 ? [] : view.day.intervals.slice(first, last + 1)
  return (
    <section className="panel" id={DAY_ANCHOR} aria-labelledby="review-day-title">
      <div className="chart-head">
        <h2 id="review-day-title">{t('review.dayTitle', { day: formatDay(view.day.date, language, { dateStyle: 'full' }) })}</h2>
        <Link to={dayLink(null)} preventScrollReset className="button secondary">
          {t('review.closeDay')}
        </Link>
      </div>
      <ReviewChart
        testId="review-day-chart"
        points={rows.map((r) => ({
          key: formatClock(r.minute),
          offered: r.offered,
          forecast: r.forecastOffered,
          serviceLevel: r.serviceLevel,
        }))}
        slGoal={goal}
        formatKey={(key) => key}
      />
      <div className="scroll rows">
        <table className="data wrap-head" data-testid="review-intervals">
          <thead>
            <tr>
              <th scope="col">{t('review.time')}</th>
              <IntervalHead multi={multi} />
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.start}>
                <td>{formatClock(r.minute)}</td>
                <IntervalCells row={r} multi={multi} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length === 0 && <p className="note">{t('review.noData')}</p>}
      <p className="note">{t(multi ? 'review.intervalsNoteAll' : 'review.intervalsNote', { timeZone: view.timeZone })}</p>
    </section>
  )
}

function Heatmap({ view }: { view: View }) {
  const { t } = useFormats()
  const slotLink = useSlotLink()
  const empty = view.heatmap.every((row) => row.every((v) => v === null))
  return (
    <section className="panel" aria-labelledby="review-heatmap-title">
      <h2 id="review-heatmap-title">{t('review.heatmapTitle')}</h2>
      {empty ? (
        <p className="note">{t('review.heatmapEmpty')}</p>
      ) : (
        <VarianceHeatmap heatmap={view.heatmap} cellLink={(weekday, hour) => slotLink({ weekday, hour })} chosen={view.slot} />
      )}
      <p className="note">{t('review.heatmapNote', { timeZone: view.timeZone })}</p>
      <SlotDrillDown view={view} />
    </section>
  )
}

const capitalised = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1)

/** A heatmap cell's intervals: that weekday's hour in every week of the period. */
function SlotDrillDown({ view }: { view: View }) {
  const { t, language } = useFormats()
  const slotLink = useSlotLink()
  if (!view.slot) return null
  const { weekday, hour, intervals } = view.slot
  const goal = view.channel === null ? null : view.channels.find((c) => c.key === view.channel)?.slGoal ?? null
  const multi = view.channel === null
  const pad = (h: number) => String(h).padStart(2, '0')
  return (
    <div id={SLOT_ANCHOR} className="stack">
      <div className="chart-head">
        <h3 id="review-slot-title">
          {t('review.slotTitle', {
            weekday: capitalised(formatWeekday(weekday, language, 'long')),
            hour: pad(hour),
            next: pad((hour + 1) % 24),
          })}
        </h3>
        <Link to={slotLink(null)} preventScrollReset className="button secondary">
          {t('review.closeSlot')}
        </Link>
      </div>
      <ReviewChart
        testId="review-slot-chart"
        points={intervals.map((r) => ({ key: formatDayTime(r.day, r.minute, language), offered: r.offered, forecast: r.forecastOffered, serviceLevel: r.serviceLevel }))}
        slGoal={goal}
        formatKey={(key) => key}
      />
      <div className="scroll rows">
        <table className="data wrap-head" data-testid="review-slot-intervals" aria-labelledby="review-slot-title">
          <thead>
            <tr>
              <th scope="col">{t('review.interval')}</th>
              <IntervalHead multi={multi} />
            </tr>
          </thead>
          <tbody>
            {intervals.map((r) => (
              <tr key={`${r.start}-${r.channel ?? ''}`}>
                <td>{formatDayTime(r.day, r.minute, language)}</td>
                <IntervalCells row={r} multi={multi} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {intervals.length === 0 && <p className="note">{t('review.noData')}</p>}
      <p className="note">{t('review.slotNote', { timeZone: view.timeZone })}</p>
    </div>
  )
}

/** Volume, forecast, SL, abandonment, TMA, FCR and NPS of a period's summary. */
function SummaryCells({ s, goal }: { s: PeriodSummary; goal: number | null }) {
  const { percent, signed, integer, duration, nps, share } = useFormats()
  return (
    <>
      <td>{integer(s.offered)}</td>
      <td>{s.forecastOffered === null ? '—' : integer(Math.round(s.forecastOffered))}</td>
      <td>{signed(s.volumeVariance)}</td>
      <td>
        <Sl value={s.serviceLevel} goal={goal} />
      </td>
      <td>{share(s.intervalAttainment)}</td>
      <td>{percent(s.abandonRate)}</td>
      <td>{duration(s.ahtSec)}</td>
      <td>{duration(s.asaSec)}</td>
      <td>{percent(s.fcrRate)}</td>
      <td>{nps(s.nps)}</td>
      <td>{integer(s.npsResponses)}</td>
    </>
  )
}

function SummaryHead({ first, attainment }: { first: string; attainment?: string }) {
  const { t } = useFormats()
  return (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        <th scope="col">{t('review.offered')}</th>
        <th scope="col">{t('review.forecastOffered')}</th>
        <th scope="col">{t('review.variance')}</th>
        <th scope="col">{t('review.sl')}</th>
        <th scope="col">{t('review.intervalsMet')}</th>
        <th scope="col">{t('review.abandon')}</th>
        <th scope="col">{t('review.aht')}</th>
        <th scope="col">{t('review.asa')}</th>
        <th scope="col">{t('review.fcr')}</th>
        <th scope="col">{t('review.nps')}</th>
        <th scope="col">{t('review.npsResponses')}</th>
        {attainment && <th scope="col">{attainment}</th>}
      </tr>
    </thead>
  )
}

/** "YYYY-MM" → its last day. */
const lastDayOfMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number)
  return addDays(`${m === 12 ? y! + 1 : y}-${String(m === 12 ? 1 : m! + 1).padStart(2, '0')}-01`, -1)
}

function Trend({ view }: { view: View }) {
  const { t, shortDay, language, metOf } = useFormats()
  const periodLink = usePeriodLink(view)
  const goal = view.channel === null ? null : view.channels.find((c) => c.key === view.channel)?.slGoal ?? null
  const met = (a: Attainment) => (a.share === null ? '—' : metOf(a))
  return (
    <section className="panel" aria-labelledby="review-trend-title">
      <h2 id="review-trend-title">{t('review.trendTitle')}</h2>
      <h3>{t('review.byWeek')}</h3>
      <div className="scroll">
        <table className="data wrap-head" data-testid="review-weeks">
          <SummaryHead first={t('review.week')} attainment={t(view.channel === null ? 'review.channelsMet' : 'review.weekMet')} />
          <tbody>
            {view.weeks.map((w) => (
              <tr key={w.key}>
                <td>
                  <Link to={periodLink(w.key, addDays(w.key, 6))}>{t('review.weekOf', { day: shortDay(w.key) })}</Link>
                </td>
                <SummaryCells s={w} goal={goal} />
                <td>{met(w.attainment)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{t('review.byMonth')}</h3>
      <div className="scroll">
        <table className="data wrap-head" data-testid="review-months">
          <SummaryHead first={t('review.month')} />
          <tbody>
            {view.months.map((m) => (
              <tr key={m.key}>
                <td>
                  <Link to={periodLink(`${m.key}-01`, lastDayOfMonth(m.key))}>
                    {formatDay(`${m.key}-01`, language, { month: 'long', year: 'numeric' })}
                  </Link>
                </td>
                <SummaryCells s={m} goal={goal} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="note">{t('review.trendNote')}</p>
      {view.channel === null && <p className="note">{t('review.pooledNote')}</p>}
    </section>
  )
}

function Worst({ view }: { view: View }) {
  const { t, percent, signed, integer, duration, language } = useFormats()
  const names = Object.fromEntries(view.channels.map((c) => [c.key, c.name]))
  const dayLink = useDayLink()
  const decimal = (value: number | null) => formatDecimal(value, language, 1)
  return (
    <section className="panel" aria-labelledby="review-worst-title">
      <h2 id="review-worst-title">{t('review.worstTitle')}</h2>
      {view.worst.length === 0 ? (
        <p className="note">{t('review.noMisses')}</p>
      ) : (
        <div className="scroll">
          <table className="data wrap-head" data-testid="review-worst">
            <thead>
              <tr>
                <th scope="col">{t('review.interval')}</th>
                <th scope="col" className="text">
                  {t('review.channel')}
                </th>
                <th scope="col">{t('review.slVsGoal')}</th>
                <th scope="col">{t('review.shortfall')}</th>
                <th scope="col">{t('review.offeredVsForecast')}</th>
                <th scope="col">{t('review.variance')}</th>
                <th scope="col">{t('review.ahtVsForecast')}</th>
                <th scope="col">{t('review.agentsVsPlan')}</th>
                <th scope="col">{t('review.abandonVsPredicted')}</th>
                <th scope="col" className="text">
                  {t('review.signalsTitle')}
                </th>
              </tr>
            </thead>
            <tbody>
              {view.worst.map((w) => (
                <tr key={`${w.channel}-${w.start}`}>
                  <td>
                    <Link to={dayLink(w.day)} preventScrollReset>
                      {formatDayTime(w.day, w.minute, language)}
                    </Link>
                  </td>
                  <td className="text">{w.channel ? names[w.channel] ?? w.channel : ''}</td>
                  <td>
                    <Sl value={w.serviceLevel} goal={w.slGoal} /> / {percent(w.slGoal, 0)}
                  </td>
                  <td>{decimal(w.shortfall)}</td>
                  <td>
                    {integer(w.offered)} / {w.forecastOffered === null ? '—' : decimal(w.forecastOffered)}
                  </td>
                  <td>{signed(w.variance)}</td>
                  <td>
                    {duration(w.ahtSec)} / {duration(w.forecastAhtSec)}
                  </td>
                  <td>
                    {w.agentsStaffed === null ? '—' : decimal(w.agentsStaffed)} / {integer(w.plannedAgents)}
                  </td>
                  <td>
                    {percent(w.abandonRate)} / {percent(w.predictedAbandonRate)}
                  </td>
                  <td className="text signals-cell">
                    {w.signals.length === 0 ? (
                      <span className="note">{t('review.noSignal')}</span>
                    ) : (
                      <span className="signals">
                        {w.signals.map((s) => (
                          <span key={s} className={`badge signal ${s}`} data-signal={s}>
                            {t(`review.signals.${s}`)}
                          </span>
                        ))}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="note">{t('review.worstNote')}</p>
      <p className="note">
        {t('review.signalsNote', {
          above: formatPercent(SIGNALS.above, language, 0),
          contacts: SIGNALS.minContacts,
          staffed: formatPercent(SIGNALS.staffed, language, 0),
          factor: SIGNALS.abandonFactor,
          points: formatDecimal(SIGNALS.abandonPoints * 100, language, 0),
        })}
      </p>
    </section>
  )
}

function AccuracyCells({ a }: { a: Accuracy }) {
  const { percent, signed } = useFormats()
  return (
    <>
      <td>{percent(a.wape)}</td>
      <td>{signed(a.bias)}</td>
    </>
  )
}

function ByChannel({ view }: { view: View }) {
  const { t, percent, integer, duration, nps, share } = useFormats()
  return (
    <section className="panel" aria-labelledby="review-channels-title">
      <h2 id="review-channels-title">{t('review.channelsTitle')}</h2>
      <div className="scroll">
        <table className="data wrap-head" data-testid="review-channels">
          <thead>
            <tr>
              <th scope="col">{t('review.channel')}</th>
              <th scope="col">{t('review.offered')}</th>
              <th scope="col">{t('review.forecastOffered')}</th>
              <th scope="col">{t('review.volumeWape')}</th>
              <th scope="col">{t('review.volumeBias')}</th>
              <th scope="col">{t('review.ahtWape')}</th>
              <th scope="col">{t('review.ahtBias')}</th>
              <th scope="col">{t('review.sl')}</th>
              <th scope="col">{t('review.goal')}</th>
              <th scope="col">{t('review.intervalsMet')}</th>
              <th scope="col">{t('review.abandon')}</th>
              <th scope="col">{t('review.asa')}</th>
              <th scope="col">{t('review.fcr')}</th>
              <th scope="col">{t('review.nps')}</th>
            </tr>
          </thead>
          <tbody>
            {view.byChannel.map((c) => (
              <tr key={c.key}>
                <td>{c.name}</td>
                <td>{integer(c.offered)}</td>
                <td>{c.forecastOffered === null ? '—' : integer(Math.round(c.forecastOffered))}</td>
                <AccuracyCells a={c.volume} />
                <AccuracyCells a={c.aht} />
                <td>
                  <Sl value={c.serviceLevel} goal={c.slGoal} />
                </td>
                <td>{percent(c.slGoal, 0)}</td>
                <td>{share(c.attainment)}</td>
                <td>{percent(c.abandonRate)}</td>
                <td>{duration(c.asaSec)}</td>
                <td>{percent(c.fcrRate)}</td>
                <td>{nps(c.nps)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}

function Days({ view }: { view: View }) {
  const { t, language, metOf } = useFormats()
  const dayLink = useDayLink()
  const goal = view.channel === null ? null : view.channels.find((c) => c.key === view.channel)?.slGoal ?? null
  const met = (a: Attainment) => (a.share === null ? '—' : metOf(a))
  return (
    <section className="panel" aria-labelledby="review-days-title">
      <h2 id="review-days-title">{t('review.daysTitle')}</h2>
      <div className="scroll rows">
        <table className="data wrap-head" data-testid="review-days">
          <SummaryHead first={t('review.day')} attainment={t(view.channel === null ? 'review.channelsMet' : 'review.dayMet')} />
          <tbody>
            {view.days.map((d) => (
              <tr key={d.key} className={view.day?.date === d.key ? 'is-chosen' : undefined}>
                <td>
                  <Link to={dayLink(d.key)} preventScrollReset aria-label={t('review.openDay', { day: formatDay(d.key, language) })}>
                    {formatShortDay(d.key, language)}
                  </Link>
                </td>
                <SummaryCells s={d} goal={goal} />
                <td>{met(d.attainment)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {view.channel === null && <p className="note">{t('review.pooledNote')}</p>}
    </section>
  )
}

export default function ReviewRoute() {
  const loaded = useLoaderData<typeof loader>()
  const { forecasts, channels, query, periodError } = loaded
  const period = useDeserialised(loaded.view)
  const day = useDeserialised(loaded.day)
  const slot = useDeserialised(loaded.slot)
  const view = useMemo(() => (period === null ? null : { ...period, day, slot }), [period, day, slot])
  const { t } = useFormats()
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
          <p className="subtitle">{t('areas.review')}</p>
        </div>
        {view && (
          <a className="button secondary" href={`/review/csv?${csv.toString()}`} download>
            {t('review.exportCsv')}
          </a>
        )}
      </div>
      <Filters forecasts={forecasts} channels={channels} query={query} periodError={periodError} />
      {view && (
        <div aria-busy={navigation.state === 'loading'}>
          {view.total.offered === 0 ? (
            <NoActuals view={view} />
          ) : (
            <>
              <Headline view={view} channels={channels} channelName={channelName} />
              <Missing view={view} />
              <DailyChart view={view} />
              <DayDrillDown view={view} />
              <Heatmap view={view} />
              <ByChannel view={view} />
              <Trend view={view} />
              <Worst view={view} />
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
