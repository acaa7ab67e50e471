import type { LoaderFunctionArgs } from '@remix-run/node'
import { idSchema } from '../schemas/id.ts'
import { requireUser } from '../services/auth.server.ts'
import { planCsv } from '../services/staffing.server.ts'

/** /staffing/csv?forecast=ID[&scenario=ID]: the plan of the whole horizon, one row per interval and channel. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request)
  const search = new URL(request.url).searchParams
  const forecast = idSchema.safeParse(search.get('forecast'))
  const scenario = search.get('scenario') === null ? null : idSchema.safeParse(search.get('scenario'))
  if (!forecast.success || (scenario !== null && !scenario.success)) throw new Response('Not found', { status: 404 })
  const csv = await planCsv(forecast.data, scenario?.data ?? null)
  if (csv === null) throw new Response('Not found', { status: 404 })
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="staffing-${forecast.data}${scenario ? `-scenario-${scenario.data}` : ''}.csv"`,
    },
  })
}
