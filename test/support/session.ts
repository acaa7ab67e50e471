// Signed-in requests for route tests: a user of a role with a real session row and its signed
// cookie (as the app issues them), and requests that carry it with this site's Origin.
import { prisma } from '../../app/db.server.ts'
import type { Role } from '../../app/domain/permissions.ts'
import { startSession } from '../../app/services/auth.server.ts'

export const SITE = 'http://localhost'

/** A user of this role (created once per e-mail) and the Cookie header of a new session of theirs. */
export async function signedInAs(role: Role, email = `${role}@test.local`): Promise<{ id: number; cookie: string }> {
  const user =
    (await prisma.user.findUnique({ where: { email }, select: { id: true } })) ??
    (await prisma.user.create({
      // Never verified: these users do not sign in with a password.
      data: { email, name: `Test ${role}`, role, passwordHash: 'not-a-password', mustChangePassword: false },
      select: { id: true },
    }))
  const setCookie = await startSession(user.id, new Request(SITE))
  return { id: user.id, cookie: setCookie.split(';')[0]! }
}

/** A POST of a form as a browser on this site sends it (Origin), signed in with `cookie`. */
export function formPost(path: string, fields: Iterable<[string, string]>, cookie: string, headers: Record<string, string> = {}): Request {
  const body = new FormData()
  for (const [name, value] of fields) body.append(name, value)
  return new Request(`${SITE}${path}`, { method: 'POST', body, headers: { Origin: SITE, Cookie: cookie, ...headers } })
}
