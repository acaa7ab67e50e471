import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CoverageChart } from '../components/coverage-chart.tsx'
import { GeneralErrorBoundary } from '../components/error-boundary.tsx'
import { DayTabs } from '../components/schedule/day-tabs.tsx'
import { RosterGrid } from '../components/schedule/roster-grid.tsx'
import { Timeline } from '../components/schedule/timeline.tsx'
import { Totals } from '../components/schedule/totals.tsx'
import type { Broken } from '../components/schedule/violations.tsx'
import { routeId } from '../schemas/id.ts'
import { editShiftSchema, scheduleDaySchema } from '../schemas/schedules.ts'
import { requireUser } from '../services/auth.server.ts'
import { editShift, getScheduleView, publishSchedule } from '../services/schedules.server.ts'
import { formatDay, formatDayMonth, formatInstant } from '../utils/format.ts'
import { useCan } from '../utils/user.ts'
import { answerBusy } from '../utils/database-busy.server.ts'
import { done, readForm, refuse, validate } from '../utils/form.server.ts'
import { useFormResult } from '../utils/form.ts'

const scheduleId = (params: LoaderFunctionArgs['params']) => routeId(params.id, 'Schedule not found')

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request)
  const search = new URL(request.url).searchParams
  const view = await getScheduleView(scheduleId(params), scheduleDaySchema.parse(search.get('day') ?? undefined) ?? null)
  if (!view) throw new Response('Schedule not found', { status: 404 })
  return view
}

export async function action(args: ActionFunctionArgs) {
  return answerBusy(args, act)
}

async function act({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, 'editSchedules')
  const id = scheduleId(params)
  const submission = await readForm(request)
  if (submission.intent === 'publish') {
    if (!(await publishSchedule(user, id))) throw new Response('Schedule not found', { status: 404 })
    return done('publish')
  }
  if (submission.intent === 'edit') {
    // One edit form per shift; its answer names the shift through the values sent back (shiftId).
    const parsed = validate(submission, editShiftSchema)
    if (!parsed.ok) return refuse<Broken>('edit', submission, { form: 'schedules.editErrors.invalid' }, { extra: { violations: [] } })
    const result = await editShift(user, id, parsed.data.shiftId, parsed.data)
    if (result.outcome === 'notFound') throw new Response('Shift not found', { status: 404 })
    if (result.outcome === 'refused')
      return refuse<Broken>('edit', submission, { form: 'schedules.editRefused' }, { extra: { violations: result.violations } })
    if (result.outcome !== 'saved')
      return refuse<Broken>('edit', submission, { form: `schedules.editErrors.${result.outcome}` }, { extra: { violations: [] } })
    return done<Broken>('edit', { violations: result.violations })
  }
  throw new Response('Unknown form', { status: 400 })
}


export default function ScheduleRoute() {
  const view = useLoaderData<typeof loader>()
  const published = useFormResult('publish').done
  const edited = useFormResult<Broken>('edit').done
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const navigation = useNavigation()
  const canEdit = useCan('editSchedules')
  const { schedule } = view
  const lastDay = view.days[view.days.length - 1]!.date
  return (
    <>
      <div className="chart-head">
        <div>
          <p className="back">
            <Link to="/schedules">{t('nav.schedules')}</Link>
          </p>
          <h1>
            {schedule.channelName ?? t('schedules.allChannelsTitle')} ·{' '}
            {formatDayMonth(schedule.firstDay, language)}
          </h1>
          <p className="note" data-testid="schedule-meta">
            {t('schedules.meta', {
              from: formatDay(schedule.firstDay, language),
              to: formatDay(lastDay, language),
              channel: schedule.channelName ?? t('schedules.allChannelsShort'),
              by: schedule.createdBy,
            })}{' '}
            <span className={`badge ${schedule.status}`} data-testid="schedule-status">
              {t(`schedules.statuses.${schedule.status}`)}
            </span>
            {schedule.publishedAt &&
              ` ${t('schedules.publishedBy', { by: schedule.publishedBy, at: formatInstant(schedule.publishedAt, language, schedule.timeZone) })}`}
          </p>
        </div>
        <div className="quick">
          {canEdit && schedule.status === 'draft' && (
            <Form method="post">
              <input type="hidden" name="intent" value="publish" />
              <button type="submit" disabled={navigation.state !== 'idle'}>
                {t('schedules.publish')}
              </button>
            </Form>
          )}
          <a className="button secondary" href={`/schedules/${schedule.id}/csv`} download>
            {t('schedules.exportCsv')}
          </a>
        </div>
      </div>
      {!canEdit && <p className="note">{t('readOnly.schedules')}</p>}
      {published && (
        <p className="status" role="status">
          {t('schedules.published')}
        </p>
      )}
      {edited && (
        <p className={`status${edited.violations.length > 0 ? ' error' : ''}`} role="status">
          {t(edited.violations.length > 0 ? 'schedules.shiftSavedAnyway' : 'schedules.shiftSaved')}
        </p>
      )}

      <section className="panel" aria-labelledby="totals-title">
        <h2 id="totals-title">{t('schedules.totals')}</h2>
        <Totals view={view} />
      </section>

      <section className="panel" aria-labelledby="coverage-title">
        <h2 id="coverage-title">{t('schedules.coverageTitle')}</h2>
        <DayTabs view={view} />
        <CoverageChart points={view.chart} withDay={view.day === null} />
        <p className="note">{t('schedules.coverageNote', { timeZone: schedule.timeZone })}</p>
      </section>

      <section className="panel" aria-labelledby="people-title">
        <h2 id="people-title">{view.day === null ? t('schedules.rosterTitle') : t('schedules.timelineTitle')}</h2>
        {view.day === null ? (
          <>
            <p className="note">{t('schedules.rosterHelp')}</p>
            <RosterGrid view={view} />
          </>
        ) : (
          <>
            <p className="note">{t(canEdit ? 'schedules.timelineHelp' : 'readOnly.timelineHelp')}</p>
            <Timeline view={view} />
          </>
        )}
      </section>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
