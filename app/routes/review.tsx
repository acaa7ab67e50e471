import type { LoaderFunctionArgs } from '@remix-run/node'
import { AreaIntro } from '../components/area-intro.tsx'
import { GeneralErrorBoundary } from '../components/error-boundary.tsx'
import { requireUser } from '../services/auth.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request)
  return null
}

export default function ReviewRoute() {
  return <AreaIntro area="review" />
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
