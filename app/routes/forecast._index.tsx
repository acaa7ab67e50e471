import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '../components/error-boundary.tsx'
import { FieldError } from '../components/field.tsx'
import { RowAction } from '../components/row-action.tsx'
import { methodIds } from '../domain/forecast/methods/method.ts'
import { specialDayKinds } from '../domain/forecast/special-days.ts'
import { addDays, daysBetween, spanOf } from '../domain/intervals.ts'
import { createForecastSchema, holidayYearSchema, MAX_HORIZON_DAYS, specialDaySchema } from '../schemas/forecast.ts'
import { idSchema } from '../schemas/id.ts'
import { requireUser } from '../services/auth.server.ts'
import { todayIn } from '../services/clock.server.ts'
import { channelDataRanges, dataRange, deleteForecast, ForecastInputError, listForecasts } from '../services/forecast.server.ts'
import { getForecastJob, listUnfinishedForecastJobs, startForecastJob, type ForecastJobView } from '../services/forecast-jobs.server.ts'
import { UnfinishedJob } from '../components/unfinished-job.tsx'
import { isUnderWay } from '../domain/jobs.ts'
import { usePollWhile } from '../utils/use-poll.ts'
import { getLanguage } from '../i18n/language.server.ts'
import { getOperation, listChannels } from '../services/operation.server.ts'
import { addNationalHolidays, deleteSpecialDay, listSpecialDays, saveSpecialDay } from '../services/special-days.server.ts'
import { formatDay, formatInstant, formatPercent } from '../utils/format.ts'
import { useCan } from '../utils/user.ts'
import { answerBusy } from '../utils/database-busy.server.ts'
import { done, readForm, refuse, validate } from '../utils/form.server.ts'
import { useFormResult } from '../utils/form.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request)
  const jobId = idSchema.safeParse(new URL(request.url).searchParams.get('job'))
  const job = jobId.success ? await getForecastJob(jobId.data) : null
  if (job?.state === 'done') throw redirect(`/forecast/${job.forecastId}`)
  const { timeZone } = await getOperation()
  const [channels, forecasts, specialDays, unfinished] = await Promise.all([listChannels(), listForecasts(), listSpecialDays(), listUnfinishedForecastJobs()])
  const range = dataRange(timeZone)
  const ranges = channelDataRanges(timeZone)
  return {
    timeZone,
    // Each channel's days with data: the form's history follows the channels ticked.
    channels: channels.map((c) => ({ id: c.id, name: c.name, data: ranges.get(c.id) ?? null })),
    forecasts,
    specialDays,
    job,
    unfinished: unfinished.filter((j) => j.id !== job?.id),
    range,
    defaults: range && historyWindow(range),
    thisYear: Number(todayIn(timeZone).slice(0, 4)),
  }
}

/** By default the last year of history up to the last day with data (fewer days when less exists). */
function historyWindow(range: { from: string; to: string }) {
  const historyFrom = daysBetween(range.from, range.to) > 364 ? addDays(range.to, -364) : range.from
  return { historyFrom, historyTo: range.to, firstDay: addDays(range.to, 1) }
}

export async function action(args: ActionFunctionArgs) {
  return answerBusy(args, act)
}

async function act({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, 'editForecasts')
  const submission = await readForm(request, ['channelIds'])
  const { values } = submission
  switch (submission.intent) {
    case 'create': {
      const parsed = validate(submission, createForecastSchema)
      if (!parsed.ok) return refuse('create', submission, parsed.errors)
      try {
        // Learning and backtesting run in a background job; the page follows it, then opens the forecast.
        const jobId = await startForecastJob({ ...parsed.data, by: user.name }, user)
        return redirect(`/forecast?job=${jobId}`)
      } catch (error) {
        if (error instanceof ForecastInputError) return refuse('create', submission, { [error.field]: error.key })
        throw error
      }
    }
    case 'specialDay': {
      const parsed = validate(submission, specialDaySchema)
      if (!parsed.ok) return refuse('specialDay', submission, parsed.errors)
      await saveSpecialDay(user, parsed.data)
      return done('specialDay')
    }
    case 'deleteSpecialDay': {
      if (!(await deleteSpecialDay(user, String(values.date)))) throw new Response('Special day not found', { status: 404 })
      return done('specialDay')
    }
    case 'holidays': {
      const parsed = validate(submission, holidayYearSchema)
      if (!parsed.ok) return refuse('holidays', submission, parsed.errors)
      const added = await addNationalHolidays(user, parsed.data.year, await getLanguage(request))
      return done('holidays', { added })
    }
    case 'deleteForecast': {
      const id = idSchema.safeParse(values.forecastId)
      if (!id.success || !(await deleteForecast(user, id.data))) throw new Response('Forecast not found', { status: 404 })
      return done('forecasts')
    }
  }
  throw new Response('Unknown form', { status: 400 })
}

function CreateForm() {
  const { channels, defaults, range } = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation()
  const { refused, errors, value, list } = useFormResult('create')
  const navigation = useNavigation()
  const busy = navigation.state !== 'idle' && navigation.formData?.get('intent') === 'create'
  const [checked, setChecked] = useState<string[]>(() => [...list('channelIds', channels.map((c) => String(c.id)))])
  // The history follows the channels ticked (a channel imported from another year has its own
  // days), until the analyst types dates of their own.
  const [typed, setTyped] = useState(Boolean(refused))
  const span = spanOf(channels.filter((c) => checked.includes(String(c.id)) && c.data !== null).map((c) => c.data!))
  const suggested = span ? historyWindow(span) : defaults
  const [dates, setDates] = useState({ historyFrom: value('historyFrom', suggested?.historyFrom ?? ''), historyTo: value('historyTo', suggested?.historyTo ?? '') })
  const shown = typed || !suggested ? dates : { historyFrom: suggested.historyFrom, historyTo: suggested.historyTo }
  if (!defaults || !range) return <p className="note">{t('forecast.noData')}</p>
  const typeDate = (name: 'historyFrom' | 'historyTo') => (event: React.ChangeEvent<HTMLInputElement>) => {
    setTyped(true)
    setDates({ ...shown, [name]: event.target.value })
  }
  return (
    <Form method="post" className="stack" aria-label={t('forecast.create')}>
      <input type="hidden" name="intent" value="create" />
      <div className="form-row">
        <label>
          {t('forecast.name')}
          <input
            name="name"
            defaultValue={value('name', t('forecast.defaultName', { day: formatDay(addDays(shown.historyTo || defaults.historyTo, 1), i18n.language) }))}
            size={28}
          />
          <FieldError error={errors.name} />
        </label>
        <label>
          {t('forecast.historyFrom')}
          <input type="date" name="historyFrom" value={shown.historyFrom} onChange={typeDate('historyFrom')} />
          <FieldError error={errors.historyFrom} />
        </label>
        <label>
          {t('forecast.historyTo')}
          <input type="date" name="historyTo" value={shown.historyTo} onChange={typeDate('historyTo')} />
          <FieldError error={errors.historyTo} />
        </label>
        <label>
          {t('forecast.horizonDays')}
          <input type="number" name="horizonDays" min={1} max={MAX_HORIZON_DAYS} defaultValue={value('horizonDays', '7')} />
          <FieldError error={errors.horizonDays} />
        </label>
        <label>
          {t('forecast.interval')}
          <select name="intervalMin" defaultValue={value('intervalMin', '30')}>
            {[15, 30, 60].map((m) => (
              <option key={m} value={m}>
                {t('forecast.intervalMinutes', { count: m })}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('forecast.method')}
          <select name="method" defaultValue={value('method', 'auto')}>
            {(['auto', ...methodIds] as const).map((m) => (
              <option key={m} value={m}>
                {t(`forecast.methods.${m}`)}
              </option>
            ))}
          </select>
          <FieldError error={errors.method} />
        </label>
      </div>
      <fieldset className="form-row">
        <legend>{t('forecast.channels')}</legend>
        {channels.map((c) => (
          <label key={c.id} className="check">
            <input
              type="checkbox"
              name="channelIds"
              value={c.id}
              checked={checked.includes(String(c.id))}
              onChange={(event) =>
                setChecked(event.target.checked ? [...checked, String(c.id)] : checked.filter((id) => id !== String(c.id)))
              }
            />{' '}
            {c.name}
            {c.data && (
              <span className="note">
                {' '}
                ({formatDay(c.data.from, i18n.language, { month: '2-digit', year: 'numeric' })}–
                {formatDay(c.data.to, i18n.language, { month: '2-digit', year: 'numeric' })})
              </span>
            )}
          </label>
        ))}
        <FieldError error={errors.channelIds} />
      </fieldset>
      <p className="note">
        {t('forecast.historyHelp', { from: formatDay(range.from, i18n.language), to: formatDay(range.to, i18n.language) })}
      </p>
      <div>
        <button type="submit" disabled={busy}>
          {busy ? t('forecast.generating') : t('forecast.generate')}
        </button>
      </div>
    </Form>
  )
}

function SpecialDays() {
  const { specialDays, thisYear } = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const { errors } = useFormResult('specialDay')
  const holidays = useFormResult<{ added: number }>('holidays')
  const added = holidays.done?.added
  const holidayErrors = holidays.errors
  const canEdit = useCan('editForecasts')
  return (
    <section className="panel" aria-labelledby="special-days-title">
      <h2 id="special-days-title">{t('forecast.specialDays')}</h2>
      <p className="note">{t('forecast.specialNote')}</p>
      {canEdit ? (
        <div className="stack spaced">
          <Form method="post" className="form-row">
            <input type="hidden" name="intent" value="holidays" />
            <label>
              {t('forecast.holidaysPreset')}
              <input type="number" name="year" defaultValue={thisYear + 1} min={2000} max={2100} />
              <FieldError error={holidayErrors.year} />
            </label>
            <button type="submit" className="secondary">
              {t('forecast.add')}
            </button>
            {added !== undefined && (
              <p className="status ok" role="status">
                {t('forecast.holidaysAdded', { count: added })}
              </p>
            )}
          </Form>
          <Form method="post" className="form-row" aria-label={t('forecast.specialDays')}>
            <input type="hidden" name="intent" value="specialDay" />
            <label>
              {t('forecast.date')}
              <input type="date" name="date" required />
              <FieldError error={errors.date} />
            </label>
            <label>
              {t('forecast.kind')}
              <select name="kind" defaultValue="holiday">
                {specialDayKinds.map((k) => (
                  <option key={k} value={k}>
                    {t(`forecast.kinds.${k}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('forecast.name')}
              <input name="name" required maxLength={80} />
              <FieldError error={errors.name} />
            </label>
            <label>
              {t('forecast.adjustPct')}
              <input name="adjustPct" inputMode="decimal" size={6} />
              <FieldError error={errors.adjustPct} />
            </label>
            <button type="submit">{t('forecast.add')}</button>
          </Form>
        </div>
      ) : (
        <p className="note">{t('readOnly.specialDays')}</p>
      )}
      {specialDays.length === 0 ? (
        <p className="note">{t('forecast.noSpecialDays')}</p>
      ) : (
        <div className="scroll short">
          <table className="data" data-testid="special-days">
            <thead>
              <tr>
                <th scope="col">{t('forecast.date')}</th>
                <th scope="col" className="text">
                  {t('forecast.name')}
                </th>
                <th scope="col" className="text">
                  {t('forecast.kind')}
                </th>
                <th scope="col">{t('forecast.adjustPct')}</th>
                {canEdit && <th scope="col" />}
              </tr>
            </thead>
            <tbody>
              {specialDays.map((d) => (
                <tr key={d.date}>
                  <td>{formatDay(d.date, language, { weekday: 'short', day: '2-digit', month: '2-digit', year: 'numeric' })}</td>
                  <td className="text">{d.name}</td>
                  <td className="text">{t(`forecast.kinds.${d.kind}`)}</td>
                  <td>
                    {d.kind === 'closed'
                      ? '−100%'
                      : d.adjustPct === null
                      ? t('forecast.asSunday')
                      : formatPercent(d.adjustPct / 100, language, 0)}
                  </td>
                  {canEdit && (
                    <td>
                      <RowAction fields={{ intent: 'deleteSpecialDay', date: d.date }} label={t('forecast.removeOverride')} />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

/** A forecast being created (learning and backtesting), or one whose creation stopped before its end. */
function ForecastJob({ job }: { job: ForecastJobView }) {
  const { t } = useTranslation()
  const canEdit = useCan('editForecasts')
  const underWay = isUnderWay(job.state)
  usePollWhile(underWay, 500)
  if (underWay) {
    return (
      <div role="status" data-testid="forecast-progress">
        <p>{job.state === 'queued' ? t('jobs.queued') : t('forecast.learning', { name: job.name, seconds: Math.round(job.elapsedSec) })}</p>
        <progress aria-label={t('forecast.learningLabel')} />
      </div>
    )
  }
  const failure = job.failure
  if (job.state === 'failed' && failure?.reason === 'input') {
    const params = (failure.params ?? {}) as Record<string, string | number>
    return (
      <p className="status error" role="alert" data-testid="forecast-failed">
        {t('forecast.notCreated', { name: job.name })} {t(String(failure.key), { ...params, method: t(`forecast.methods.${params.method}`) })}
      </p>
    )
  }
  if (job.state === 'discarded') return <p className="note">{t('forecast.discarded', { name: job.name })}</p>
  const why = failure?.reason === 'stopped' ? t('jobs.stopped', { message: failure.message }) : (failure?.message ?? '')
  return <UnfinishedJob id={job.id} state={job.state} what={t('forecast.jobWhat', { name: job.name })} why={why} canAct={canEdit} />
}

export default function ForecastIndexRoute() {
  const { forecasts, timeZone, job, unfinished } = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const canEdit = useCan('editForecasts')
  return (
    <>
      <h1>{t('nav.forecast')}</h1>
      <p className="subtitle">{t('areas.forecast')}</p>
      <section className="panel" aria-labelledby="create-title">
        <h2 id="create-title">{t('forecast.create')}</h2>
        {job && <ForecastJob job={job} />}
        {unfinished.map((other) => (
          <ForecastJob key={other.id} job={other} />
        ))}
        {canEdit ? <CreateForm /> : <p className="note">{t('readOnly.forecasts')}</p>}
      </section>
      <section className="panel" aria-labelledby="saved-title">
        <h2 id="saved-title">{t('forecast.saved')}</h2>
        {forecasts.length === 0 ? (
          <p className="note">{t('forecast.none')}</p>
        ) : (
          <div className="scroll">
            <table className="data" data-testid="forecast-list">
              <thead>
                <tr>
                  <th scope="col">{t('forecast.name')}</th>
                  <th scope="col" className="text">
                    {t('forecast.channels')}
                  </th>
                  <th scope="col">{t('forecast.firstDay')}</th>
                  <th scope="col">{t('forecast.horizonDays')}</th>
                  <th scope="col" className="text">
                    {t('forecast.method')}
                  </th>
                  <th scope="col">{t('forecast.created')}</th>
                  {canEdit && <th scope="col" />}
                </tr>
              </thead>
              <tbody>
                {forecasts.map((f) => (
                  <tr key={f.id}>
                    <td className="text">
                      <Link to={`/forecast/${f.id}`}>{f.name}</Link>
                    </td>
                    <td className="text">{f.channels.join(', ')}</td>
                    <td>{formatDay(f.firstDay, language)}</td>
                    <td>{f.horizonDays}</td>
                    <td className="text">{t(`forecast.methods.${f.method}`, { defaultValue: f.method })}</td>
                    <td>
                      {formatInstant(f.createdAt, language, timeZone)}{' '}
                      · {f.createdBy}
                    </td>
                    {canEdit && (
                      <td>
                        <RowAction
                          fields={{ intent: 'deleteForecast', forecastId: f.id }}
                          label={t('forecast.remove')}
                          confirm={t('forecast.confirmRemove')}
                        />
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <SpecialDays />
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
