import type { LoaderFunctionArgs } from '@remix-run/node'
import { GeneralErrorBoundary } from '../components/error-boundary.tsx'
import { requireUser } from '../services/auth.server.ts'

/** Anything no other route matches: a real 404 with the app's own page. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request)
  throw new Response('Not Found', { status: 404 })
}

// Never rendered (the loader always throws), but a route needs a component to get the app's
// layout and boundary instead of answering as a resource route.
export default function NotFound() {
  return null
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
