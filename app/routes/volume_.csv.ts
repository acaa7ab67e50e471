import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireUser } from '../services/auth.server.ts'
import { resolveVolumeQuery, volumeCsv } from '../services/volume.server.ts'

/** /volume/csv with the Volume page's query: every bucket and channel of the period. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request)
  const query = await resolveVolumeQuery(new URL(request.url).searchParams)
  if ('error' in query) throw new Response('Invalid period', { status: 400 })
  const { period, size, sizeText, channel, timeZone, channels } = query
  const csv = await volumeCsv({ ...period, size, channel, timeZone, allChannels: channels })
  const name = ['volume', period.from, period.to, sizeText, channel].filter((part) => part !== null).join('_')
  return new Response(csv, {
    headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}.csv"` },
  })
}
