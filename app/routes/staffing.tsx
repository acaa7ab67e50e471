import type { LoaderFunctionArgs } from '@remix-run/node'
import { AreaIntro } from '../components/area-intro.tsx'
import { GeneralErrorBoundary } from '../components/error-boundary.tsx'
import { requireUser } from '../services/auth.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request)
  return null
}

export default function StaffingRoute() {
  return <AreaIntro area="staffing" />
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
