import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { assertSameOrigin, logout } from '../services/auth.server.ts'
import { answerBusy } from '../utils/database-busy.server.ts'

/** Ends this browser's session (POST only: a link or an image must not sign anyone out). */
export async function action(args: ActionFunctionArgs) {
  return answerBusy(args, act)
}

async function act({ request }: ActionFunctionArgs) {
  assertSameOrigin(request)
  return redirect('/login', { headers: { 'Set-Cookie': await logout(request) } })
}

export async function loader() {
  return redirect('/')
}
