// The model check (/review/model-check): how well the channel's queueing model predicted what
// happened, the efficiency that fits its history, and its patience curve (issue 17, decision 021).
import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '../components/error-boundary.tsx'
import { CheckOverTime, CheckScatter } from '../components/model-check/charts.tsx'
import { CheckFilters } from '../components/model-check/filters.tsx'
import { CheckNotes } from '../components/model-check/notes.tsx'
import { CheckSummary } from '../components/model-check/summary.tsx'
import { modelCheckFormSchema, parseModelCheckSearch } from '../schemas/model-check.ts'
import { requireUser } from '../services/auth.server.ts'
import { todayIn } from '../services/clock.server.ts'
import { fitForQuery, getModelCheckView } from '../services/model-check-view.server.ts'
import { applyCalibration, CannotCheck } from '../services/model-check.server.ts'
import { getOperation } from '../services/operation.server.ts'
import { answerBusy } from '../utils/database-busy.server.ts'
import { done, readForm, refuse, validate } from '../utils/form.server.ts'
import { useFormResult } from '../utils/form.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request)
  const search = parseModelCheckSearch(new URL(request.url).searchParams)
  const { timeZone } = await getOperation()
  return { view: await getModelCheckView(search, timeZone, todayIn(timeZone)), periodError: search.periodError }
}

export async function action(args: ActionFunctionArgs) {
  return answerBusy(args, act)
}

async function act({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, 'editScenarios')
  const submission = await readForm(request)
  if (submission.intent !== 'apply') throw new Response('Unknown form', { status: 400 })
  const parsed = validate(submission, modelCheckFormSchema)
  if (!parsed.ok) return refuse('apply', submission, parsed.errors)
  const { timeZone } = await getOperation()
  // The fit is made again from what the page showed: the stored values never come from the browser.
  let fitted
  try {
    fitted = await fitForQuery(parsed.data, timeZone)
  } catch (error) {
    if (error instanceof CannotCheck) return refuse('apply', submission, { form: `modelCheck.problem.${error.reason}` })
    throw error
  }
  const { split, training, fit } = fitted
  if (!fit) return refuse('apply', submission, { form: 'modelCheck.problem.noEligible' })
  const context = {
    from: parsed.data.from,
    to: split?.trainingTo ?? parsed.data.to,
    intervalSec: parsed.data.interval,
    intervals: fit.intervals,
    slMae: fit.slMae,
    abandonMae: fit.abandonMae,
  }
  const saved = await applyCalibration(user, training.channel.id, fit, context)
  if (!saved.found) throw new Response('Channel not found', { status: 404 })
  return done('apply')
}

export default function ModelCheckRoute() {
  const { view, periodError } = useLoaderData<typeof loader>()
  const applied = useFormResult('apply')
  const { t } = useTranslation()
  const navigation = useNavigation()
  return (
    <>
      <h1>{t('modelCheck.title')}</h1>
      <p className="subtitle">
        {t('modelCheck.subtitle')} <Link to="/review">{t('modelCheck.backToReview')}</Link>
      </p>
      {view.channels.length > 0 && <CheckFilters view={view} periodError={periodError} />}
      {applied.refused && (
        <p className="status error" role="alert">
          {t(applied.errors.form ?? 'modelCheck.applyRefused')}
        </p>
      )}
      <div aria-busy={navigation.state === 'loading'}>
        {view.problem !== null ? (
          <p className="panel" data-testid="check-problem">
            {t(`modelCheck.problem.${view.problem}`, { name: view.channel?.name ?? view.query.channel, intervals: view.intervalsRead, ...view.having })}
          </p>
        ) : (
          <>
            <CheckSummary view={view} saved={applied.done !== null} />
            <section className="panel" aria-labelledby="check-charts-title">
              <h2 id="check-charts-title">{t('modelCheck.chartsTitle')}</h2>
              <div className="chart-grid">
                <CheckScatter points={view.points} measure="serviceLevel" testId="scatter-sl" />
                <CheckScatter points={view.points} measure="abandonRate" testId="scatter-abandon" />
                <CheckOverTime points={view.points} measure="serviceLevel" testId="over-time-sl" />
                <CheckOverTime points={view.points} measure="abandonRate" testId="over-time-abandon" />
              </div>
            </section>
          </>
        )}
        {view.problem === null && <CheckNotes view={view} />}
      </div>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
