import type { LoaderFunctionArgs } from '@remix-run/node'
import { routeId } from '../schemas/id.ts'
import { requireUser } from '../services/auth.server.ts'
import { scheduleCsv } from '../services/schedules.server.ts'

/** /schedules/:id/csv: one line per shift with its agent, local times, paid hours and breaks. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request)
  const id = routeId(params.id, 'Schedule not found')
  const result = await scheduleCsv(id)
  if (result === null) throw new Response('Schedule not found', { status: 404 })
  return new Response(result.csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="schedule-${id}.csv"`,
    },
  })
}
