import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '../components/error-boundary.tsx'
import { CreateForm, historyWindow } from '../components/forecast/create-form.tsx'
import { ForecastJob } from '../components/forecast/forecast-job.tsx'
import { ForecastList } from '../components/forecast/forecast-list.tsx'
import { SpecialDays } from '../components/forecast/special-days.tsx'
import { createForecastSchema, holidayYearSchema, specialDaySchema } from '../schemas/forecast.ts'
import { idSchema } from '../schemas/id.ts'
import { requireUser } from '../services/auth.server.ts'
import { todayIn } from '../services/clock.server.ts'
import { channelDataRanges, dataRange, deleteForecast, ForecastInputError, listForecasts } from '../services/forecast.server.ts'
import { getForecastJob, listUnfinishedForecastJobs, startForecastJob } from '../services/forecast-jobs.server.ts'
import { getLanguage } from '../i18n/language.server.ts'
import { getOperation, listChannels } from '../services/operation.server.ts'
import { addNationalHolidays, deleteSpecialDay, listSpecialDays, saveSpecialDay } from '../services/special-days.server.ts'
import { useCan } from '../utils/user.ts'
import { answerBusy } from '../utils/database-busy.server.ts'
import { done, readForm, refuse, validate } from '../utils/form.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request)
  const jobId = idSchema.safeParse(new URL(request.url).searchParams.get('job'))
  const job = jobId.success ? await getForecastJob(jobId.data) : null
  if (job?.state === 'done') throw redirect(`/forecast/${job.forecastId}`)
  const { timeZone } = await getOperation()
  const [channels, forecasts, specialDays, unfinished] = await Promise.all([listChannels(), listForecasts(), listSpecialDays(), listUnfinishedForecastJobs()])
  const [range, ranges] = await Promise.all([dataRange(timeZone), channelDataRanges(timeZone)])
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

export default function ForecastIndexRoute() {
  const { forecasts, timeZone, job, unfinished, channels, defaults, range, specialDays, thisYear } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
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
        {canEdit ? <CreateForm channels={channels} defaults={defaults} range={range} /> : <p className="note">{t('readOnly.forecasts')}</p>}
      </section>
      <ForecastList forecasts={forecasts} timeZone={timeZone} />
      <SpecialDays specialDays={specialDays} thisYear={thisYear} />
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
