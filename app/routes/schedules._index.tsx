import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '../components/error-boundary.tsx'
import { PlanGaps } from '../components/plan-gaps.tsx'
import { RowAction } from '../components/row-action.tsx'
import { scheduleRulesSchema } from '../schemas/schedule-rules.ts'
import { generateScheduleSchema } from '../schemas/schedules.ts'
import { idSchema } from '../schemas/id.ts'
import { requireUser } from '../services/auth.server.ts'
import { listAgents } from '../services/agents.server.ts'
import { listForecasts } from '../services/forecast.server.ts'
import { listChannels } from '../services/operation.server.ts'
import { getScheduleJob, listUnfinishedScheduleJobs, startScheduleJob, type ScheduleJobView } from '../services/schedule-jobs.server.ts'
import { UnfinishedJob } from '../components/unfinished-job.tsx'
import { isUnderWay } from '../domain/jobs.ts'
import { MIN_INTEGER_SEC } from '../domain/schedule/time-limit.ts'
import { usePollWhile } from '../utils/use-poll.ts'
import { getRulesFile } from '../services/schedule-rules.server.ts'
import { deleteSchedule, listSchedules } from '../services/schedules.server.ts'
import { planWeeks, type PlanGap } from '../services/staffing.server.ts'
import { formatDay, formatDayMonth, formatInstant, formatInteger } from '../utils/format.ts'
import { useCan } from '../utils/user.ts'
import { answerBusy } from '../utils/database-busy.server.ts'
import { done, readForm, refuse, validate } from '../utils/form.server.ts'
import { useFormResult } from '../utils/form.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request)
  const jobId = idSchema.safeParse(new URL(request.url).searchParams.get('job'))
  const job = jobId.success ? await getScheduleJob(jobId.data) : null
  if (job?.state === 'done') throw redirect(`/schedules/${job.scheduleId}`)
  const [unfinished, forecasts, channels, schedules, agents, rules] = await Promise.all([
    listUnfinishedScheduleJobs(),
    listForecasts(),
    listChannels(),
    listSchedules(),
    listAgents({ activeOnly: true }),
    getRulesFile(),
  ])
  return {
    forecasts: forecasts.map((f) => ({ id: f.id, name: f.name, weeks: planWeeks(f) })),
    channels: channels.map((c) => ({ key: c.key, name: c.name, agents: agents.filter((a) => a.channels.includes(c.key)).length })),
    agents: agents.length,
    schedules,
    job,
    unfinished: unfinished.filter((j) => j.id !== job?.id),
    shiftTypes: rules.file.shiftTypes.map((s) => s.name),
  }
}

export async function action(args: ActionFunctionArgs) {
  return answerBusy(args, act)
}

async function act({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, 'editSchedules')
  const submission = await readForm(request)
  if (submission.intent === 'delete') {
    const id = idSchema.safeParse(submission.values.scheduleId)
    if (!id.success || !(await deleteSchedule(user, id.data))) throw new Response('Schedule not found', { status: 404 })
    return done('delete')
  }
  const parsed = validate(submission, generateScheduleSchema)
  if (!parsed.ok) return refuse('generate', submission, { form: 'errors.badRequest' })
  const { timeLimitSeconds } = scheduleRulesSchema.parse((await getRulesFile()).file)
  const jobId = await startScheduleJob(
    { forecastId: parsed.data.forecastId, week: parsed.data.week, channelKey: parsed.data.channel, timeLimitSec: timeLimitSeconds, by: user.name },
    user,
  )
  throw redirect(`/schedules?job=${jobId}`)
}


/** What a generation was for, as its failure or interruption names it. */
function useJobWhat(job: ScheduleJobView): string {
  const { t } = useTranslation()
  const { forecasts } = useLoaderData<typeof loader>()
  const forecast = forecasts.find((f) => f.id === job.input.forecastId)?.name ?? `#${job.input.forecastId}`
  return t('schedules.jobWhat', { forecast, week: job.input.week + 1 })
}

function JobProgress({ job }: { job: ScheduleJobView }) {
  const { t, i18n } = useTranslation()
  const canEdit = useCan('editSchedules')
  const what = useJobWhat(job)
  const { channels } = useLoaderData<typeof loader>()
  const underWay = isUnderWay(job.state)
  usePollWhile(underWay, 500)
  if (job.state === 'failed' && job.failure && job.failure.reason !== 'error' && job.failure.reason !== 'stopped') {
    return (
      <div data-testid="schedule-failed">
        <p className="status error" role="alert">
          {t(`schedules.errors.${job.failure.reason}`, { message: job.failure.message })}
        </p>
        <PlanGaps gaps={(job.failure.gaps as PlanGap[] | undefined) ?? []} />
      </div>
    )
  }
  if (job.state === 'discarded') return <p className="note">{t('schedules.discarded', { what })}</p>
  if (!underWay) {
    const why = job.failure?.reason === 'stopped' ? t('jobs.stopped', { message: job.failure.message }) : (job.failure?.message ?? '')
    return <UnfinishedJob id={job.id} state={job.state} what={what} why={why} canAct={canEdit} />
  }
  // The limit covers the solve from building the model (the integer program gets what is left, at
  // least MIN_INTEGER_SEC): the share of it used is the honest progress.
  // A multi-skill schedule of several independent parts: each has the limit, one after another.
  const solving = job.phase === 'relaxation' || job.phase === 'integer'
  const { index, count } = job.part ?? { index: 0, count: 1 }
  const inPart = solving && job.limitUsedSec !== null ? Math.min(1, job.limitUsedSec / job.input.timeLimitSec) : 0
  const share = job.phase === 'roster' ? 1 : solving ? (index + inPart) / count : 0
  const names = job.part?.channels.map((key) => channels.find((c) => c.key === key)?.name ?? key)
  return (
    <div role="status" data-testid="schedule-progress">
      <p>
        {t(`schedules.phases.${job.phase}`)}
        {job.part && solving && ` · ${t('schedules.partOf', { index: index + 1, count, channels: names!.join(', ') })}`} ·{' '}
        {t(job.part ? 'schedules.elapsedParts' : 'schedules.elapsed', { seconds: Math.round(job.elapsedSec), limit: job.input.timeLimitSec, floor: MIN_INTEGER_SEC })}
        {job.lpBound !== null && ` · ${t('schedules.boundSoFar', { hours: formatInteger(job.lpBound, i18n.language) })}`}
      </p>
      <progress max={1} value={share} aria-label={t('schedules.progress')} />
    </div>
  )
}

export default function SchedulesRoute() {
  const { forecasts, channels, agents, schedules, job, unfinished, shiftTypes } = useLoaderData<typeof loader>()
  const generate = useFormResult('generate')
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const navigation = useNavigation()
  const canEdit = useCan('editSchedules')
  const [forecastId, setForecastId] = useState(forecasts[0]?.id ?? 0)
  const weeks = forecasts.find((f) => f.id === forecastId)?.weeks ?? []
  return (
    <>
      <div className="chart-head">
        <h1>{t('nav.schedules')}</h1>
        <nav className="quick" aria-label={t('schedules.settingsNav')}>
          <Link className="button secondary" to="/schedules/agents">
            {t('schedules.team', { count: agents })}
          </Link>
          <Link className="button secondary" to="/schedules/rules">
            {t('schedules.rules')}
          </Link>
        </nav>
      </div>
      <p className="note">{t('schedules.intro', { types: shiftTypes.join(', ') })}</p>

      <section className="panel" aria-labelledby="generate-title">
        <h2 id="generate-title">{t('schedules.generate')}</h2>
        {!canEdit ? (
          <p className="note">{t('readOnly.schedules')}</p>
        ) : forecasts.length === 0 ? (
          <p>
            {t('schedules.noForecast')} <Link to="/forecast">{t('nav.forecast')}</Link>
          </p>
        ) : (
          <Form method="post" className="form-row" aria-label={t('schedules.generate')}>
            <label>
              {t('schedules.forecast')}
              <select name="forecastId" value={forecastId} onChange={(e) => setForecastId(Number(e.target.value))}>
                {forecasts.map((f) => (
                  <option key={f.id} value={f.id}>
                    {f.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('schedules.week')}
              <select name="week" defaultValue={0} key={forecastId}>
                {weeks.map((w) => (
                  <option key={w.index} value={w.index}>
                    {formatDayMonth(w.from, language)} –{' '}
                    {formatDayMonth(w.to, language)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('schedules.channel')}
              <select name="channel" defaultValue="">
                <option value="">{t('schedules.allChannels', { count: agents })}</option>
                {channels.map((c) => (
                  <option key={c.key} value={c.key}>
                    {t('schedules.channelWithAgents', { name: c.name, count: c.agents })}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" disabled={navigation.state !== 'idle' || (job !== null && isUnderWay(job.state))}>
              {t('schedules.generateButton')}
            </button>
          </Form>
        )}
        {generate.refused && (
          <p className="status error" role="alert">
            {t(generate.errors.form!)}
          </p>
        )}
        {job && <JobProgress job={job} />}
        {unfinished.map((other) => (
          <JobProgress key={other.id} job={other} />
        ))}
        <p className="note">{t('schedules.generateHelp')}</p>
      </section>

      <section className="panel" aria-labelledby="list-title">
        <h2 id="list-title">{t('schedules.saved')}</h2>
        {schedules.length === 0 ? (
          <p>{t('schedules.none')}</p>
        ) : (
          <div className="scroll">
            <table className="data" data-testid="schedule-list">
              <thead>
                <tr>
                  <th scope="col" className="text">
                    {t('schedules.name')}
                  </th>
                  <th scope="col" className="text">
                    {t('schedules.week')}
                  </th>
                  <th scope="col">{t('schedules.shifts')}</th>
                  <th scope="col" className="text">
                    {t('schedules.status')}
                  </th>
                  <th scope="col" className="text">
                    {t('schedules.createdBy')}
                  </th>
                  {canEdit && (
                    <th scope="col">
                      <span className="visually-hidden">{t('schedules.actions')}</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {schedules.map((s) => (
                  <tr key={s.id}>
                    <td className="text">
                      <Link to={`/schedules/${s.id}`}>{s.channelName ?? t('schedules.allChannelsTitle')}</Link>
                    </td>
                    <td className="text">{formatDay(s.firstDay, language)}</td>
                    <td>{formatInteger(s.shifts, language)}</td>
                    <td className="text">{t(`schedules.statuses.${s.status}`)}</td>
                    <td className="text">
                      {s.createdBy}, {formatInstant(s.createdAt, language, s.timeZone)}
                    </td>
                    {canEdit && (
                      <td>
                        <RowAction
                          fields={{ intent: 'delete', scheduleId: s.id }}
                          label={t('schedules.delete')}
                          confirm={t('schedules.deleteConfirm')}
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
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
