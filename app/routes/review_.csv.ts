import type { LoaderFunctionArgs } from '@remix-run/node'
import { parseReviewSearch } from '../schemas/review.ts'
import { requireUser } from '../services/auth.server.ts'
import { resolveReviewQuery, reviewCsv } from '../services/review.server.ts'

/** /review/csv with the review page's query: every interval and channel of the period, forecast vs actual. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request)
  const search = parseReviewSearch(new URL(request.url).searchParams)
  const { timeZone, resolved } = await resolveReviewQuery(search)
  if ('error' in resolved) throw new Response('Invalid period', { status: 400 })
  const { query } = resolved
  const csv = await reviewCsv({ ...query, day: null }, timeZone)
  const name = ['review', query.from, query.to, query.channel, query.forecastId === null ? null : `forecast-${query.forecastId}`]
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name.filter((part) => part !== null).join('_')}.csv"`,
    },
  })
}
