import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireUser } from '../services/auth.server.ts'
import { forecastCsv } from '../services/forecast.server.ts'

/** /forecast/:id/csv: the forecast as CSV (adjusted volume and TMA first, as staffing reads it). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request)
  const id = Number(params.id)
  const csv = Number.isInteger(id) ? await forecastCsv(id) : null
  if (csv === null) throw new Response('Forecast not found', { status: 404 })
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="forecast-${id}.csv"`,
    },
  })
}
