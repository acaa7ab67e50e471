// Retry or discard a background job that stopped before its end (the pages that follow jobs show
// the buttons), then back to the page that follows it.
import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { jobPage, jobPermission } from '../domain/jobs.ts'
import { can } from '../domain/permissions.ts'
import { idSchema } from '../schemas/id.ts'
import { requireUser } from '../services/auth.server.ts'
import { discardJob, retryJob } from '../services/job-runner.server.ts'
import { readJob } from '../services/jobs.server.ts'
import { answerBusy } from '../utils/database-busy.server.ts'
import { readForm } from '../utils/form.server.ts'

export async function action(args: ActionFunctionArgs) {
  return answerBusy(args, act)
}

async function act({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const id = idSchema.safeParse(params.id)
  const job = id.success ? await readJob(id.data) : null
  if (!job) throw new Response('Job not found', { status: 404 })
  if (!can(user.role, jobPermission[job.kind])) throw new Response('Forbidden', { status: 403 })
  const { intent } = await readForm(request)
  if (intent === 'retry') {
    if (!(await retryJob(job.id, user))) throw new Response('This job is not interrupted or failed', { status: 409 })
    return redirect(`${jobPage[job.kind]}?job=${job.id}`)
  }
  if (intent === 'discard') {
    if (!(await discardJob(job.id, user))) throw new Response('This job is not interrupted or failed', { status: 409 })
    return redirect(jobPage[job.kind])
  }
  throw new Response('Unknown intent', { status: 400 })
}
