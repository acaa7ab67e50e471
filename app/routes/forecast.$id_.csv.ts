import type { LoaderFunctionArgs } from '@remix-run/node'
import { routeId } from '../schemas/id.ts'
import { requireUser } from '../services/auth.server.ts'
import { forecastCsv } from '../services/forecast.server.ts'

/** /forecast/:id/csv: the forecast as CSV (adjusted volume and TMA first, as staffing reads it). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request)
  const id = routeId(params.id, 'Forecast not found')
  const csv = await forecastCsv(id)
  if (csv === null) throw new Response('Forecast not found', { status: 404 })
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="forecast-${id}.csv"`,
    },
  })
}
