// The one place that decides who is signed in and what they may do. Every loader calls
// requireUser; every action calls it with the permission it needs (app/domain/permissions.ts),
// which also refuses a cross-site or origin-less write (CSRF). Sessions live in the database; the
// cookie (signed, HttpOnly, SameSite=Lax, Secure over HTTPS) holds only the session's random id,
// so signing out, deactivating a user or changing a password ends sessions at once.
import { randomBytes } from 'node:crypto'
import type { RawBuilder } from 'kysely'
import { createCookieSessionStorage, redirect, type SessionStorage } from '@remix-run/node'
import { hash, verify } from '@node-rs/argon2'
import { z } from 'zod'
import { prisma } from '../db.server.ts'
import { queries, rows, sql, withWrite, type Writer } from '../db/queries.server.ts'
import { databaseUrl } from '../db/url.server.ts'
import type { LoginFailureReason } from '../domain/audit.ts'
import { can, isRole, type Permission, type Role } from '../domain/permissions.ts'
import { LOGIN_LIMIT } from '../schemas/auth.ts'
import { recordAudit, recordAuditWith } from './audit.server.ts'

export { roles, type Role } from '../domain/permissions.ts'
export { LOGIN_LIMIT } from '../schemas/auth.ts'

export interface User {
  id: number
  email: string
  name: string
  role: Role
  mustChangePassword: boolean
}

export const SESSION_DAYS = 14
const SESSION_KEY = 'sessionId'
export const PASSWORD_PAGE = '/account/password'

// --- the cookie ------------------------------------------------------------------------------

const storages = new Map<string, Promise<SessionStorage>>()

/**
 * The cookie's signing keys: SESSION_SECRET (comma-separated, newest first, to rotate) or, when it
 * is not set, a random key the app makes on first start and keeps in the database (read first:
 * written once per database, not once per start).
 */
async function sessionSecrets(): Promise<string[]> {
  const fromEnv = process.env.SESSION_SECRET?.split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  if (fromEnv?.length) return fromEnv
  const select = sql<{ value: string }>`SELECT "value" FROM "AppSecret" WHERE "name" = 'session'`
  const [kept] = await rows(select)
  if (kept) return [kept.value]
  return [
    await withWrite(async (writer) => {
      // Another process may have written it meanwhile: the first one written is everyone's.
      await writer.run(sql`INSERT INTO "AppSecret" ("name", "value") VALUES ('session', ${randomBytes(32).toString('base64url')}) ON CONFLICT ("name") DO NOTHING`)
      return (await rows(select, writer))[0]!.value
    }),
  ]
}

function sessionStorage(): Promise<SessionStorage> {
  const key = databaseUrl()
  let storage = storages.get(key)
  if (!storage) {
    storage = sessionSecrets().then((secrets) =>
      createCookieSessionStorage({ cookie: { name: '__session', httpOnly: true, sameSite: 'lax', path: '/', secrets } }),
    )
    // A failure (the database busy) is not kept: the next request tries again.
    storage.catch(() => storages.delete(key))
    storages.set(key, storage)
  }
  return storage
}

/** Secure cookies over HTTPS; behind a proxy that ends TLS, COOKIE_SECURE=true says so. */
const isHttps = (request: Request) => new URL(request.url).protocol === 'https:' || process.env.COOKIE_SECURE === 'true'

// --- who is signed in ------------------------------------------------------------------------

interface UserRow {
  id: number
  email: string
  name: string
  role: string
  /** 1 or 0 on SQLite, a boolean on PostgreSQL. */
  mustChangePassword: number | boolean
}

async function sessionId(request: Request): Promise<string | null> {
  const session = await (await sessionStorage()).getSession(request.headers.get('Cookie'))
  const id: unknown = session.get(SESSION_KEY)
  return typeof id === 'string' ? id : null
}

// The root loader and the page's loader both ask for the same request's user: look it up once.
const usersOfRequests = new WeakMap<Request, Promise<User | null>>()

/** The signed-in user, or null (no cookie, an expired or ended session, a deactivated user). */
export function getUser(request: Request): Promise<User | null> {
  let user = usersOfRequests.get(request)
  if (!user) usersOfRequests.set(request, (user = lookUpUser(request)))
  return user
}

async function lookUpUser(request: Request): Promise<User | null> {
  const id = await sessionId(request)
  if (id === null) return null
  // The read-only connection (a pool on PostgreSQL): one indexed lookup per request, no Prisma round trip.
  const q = queries()
  const [row] = await rows(
    sql<UserRow>`SELECT u."id", u."email", u."name", u."role", u."mustChangePassword" FROM "Session" s JOIN "User" u ON u."id" = s."userId"
       WHERE s."id" = ${id} AND s."expiresAt" > ${q.instant(Date.now())} AND u."active" = ${q.bool(true)}`,
    q,
  )
  if (!row || !isRole(row.role)) return null
  // SQLite stores booleans as 1 and 0.
  return { id: row.id, email: row.email, name: row.name, role: row.role, mustChangePassword: Boolean(row.mustChangePassword) }
}

/**
 * The signed-in user, else a redirect to the sign-in page (back here afterwards). With a
 * permission (every action passes one), a user without it gets 403. A write (any method but GET
 * and HEAD) must come from this site's own pages: see `assertSameOrigin`.
 */
export async function requireUser(request: Request, permission?: Permission): Promise<User> {
  if (!isSafeMethod(request.method)) assertSameOrigin(request)
  const user = await getUser(request)
  const url = new URL(request.url)
  if (!user) {
    throw redirect(`/login?${new URLSearchParams({ redirectTo: returnPath(url) })}`)
  }
  if (user.mustChangePassword && url.pathname !== PASSWORD_PAGE) {
    throw redirect(`${PASSWORD_PAGE}?${new URLSearchParams({ redirectTo: returnPath(url) })}`)
  }
  if (permission && !can(user.role, permission)) {
    throw new Response('Forbidden', { status: 403 })
  }
  return user
}

/** Where to come back to after signing in: the page (Remix has already taken `.data` off a data request's path), without the data request's `_routes`. */
function returnPath(url: URL): string {
  const search = new URLSearchParams(url.search)
  search.delete('_routes')
  const query = search.toString()
  return `${url.pathname}${query ? `?${query}` : ''}`
}

const isSafeMethod = (method: string) => method === 'GET' || method === 'HEAD'

/**
 * CSRF: besides the SameSite=Lax cookie, a write must name this site as its Origin (every browser
 * sends Origin on POST), or, failing that, as its Referer. A request with neither is refused: our
 * pages never send one, and scripts have no business writing without them.
 */
export function assertSameOrigin(request: Request): void {
  const host = new URL(request.url).host
  const from = request.headers.get('Origin') ?? request.headers.get('Referer')
  let sameSite = false
  if (from && from !== 'null') {
    try {
      sameSite = new URL(from).host === host
    } catch {
      sameSite = false
    }
  }
  if (!sameSite) throw new Response('Forbidden: this change did not come from this site’s pages', { status: 403 })
}

// --- signing in and out ----------------------------------------------------------------------

export type LoginResult =
  | { ok: true; user: User; setCookie: string }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'rateLimited'; retryAfterMinutes: number }

// Verifying against this when the e-mail is unknown takes as long as a real check, so timing
// does not tell which e-mails have accounts.
let decoyHash: Promise<string> | undefined

export async function login({
  email,
  password,
  address,
  request,
}: {
  email: string
  password: string
  address: string
  request: Request
}): Promise<LoginResult> {
  email = normaliseEmail(email)
  const now = Date.now()
  const since = now - LOGIN_LIMIT.windowMinutes * 60_000
  // Count and reserve this attempt in one write transaction (BEGIN IMMEDIATE) before the slow
  // password check, so that attempts sent in parallel each count the ones before them. The row
  // stays as a failure unless the password is right. Rows older than the window go.
  const reserved = await withWrite(async (writer) => {
    // Attempts of every process count the ones before them (PostgreSQL's transactions would
    // otherwise count at the same time and all pass).
    await writer.serialize('login-failures')
    await writer.run(sql`DELETE FROM "LoginFailure" WHERE "at" <= ${writer.instant(since)}`)
    const count = async (where: RawBuilder<unknown>) => {
      const [row] = await writer.arrays(sql`SELECT "n", ${writer.epochMs('first')} FROM (SELECT COUNT(*) AS "n", MIN("at") AS "first" FROM "LoginFailure" WHERE ${where}) f`)
      return { n: Number(row?.[0] ?? 0), first: (row?.[1] ?? null) as number | null }
    }
    const perAccount = await count(sql`"email" = ${email} AND "ip" = ${address}`)
    const perAddress = await count(sql`"ip" = ${address}`)
    const limited = perAccount.n >= LOGIN_LIMIT.perAccount ? perAccount : perAddress.n >= LOGIN_LIMIT.perAddress ? perAddress : null
    if (limited) {
      await auditRefusal(writer, now, email, address, limited === perAccount, limited.first!)
      return { limitedSince: limited.first! }
    }
    await writer.run(sql`INSERT INTO "LoginFailure" ("email", "ip", "at") VALUES (${email}, ${address}, ${writer.instant(now)})`)
    return { limitedSince: null }
  })
  if (reserved.limitedSince !== null) {
    const retryAfterMinutes = Math.max(1, Math.ceil((reserved.limitedSince + LOGIN_LIMIT.windowMinutes * 60_000 - now) / 60_000))
    return { ok: false, reason: 'rateLimited', retryAfterMinutes }
  }
  const found = await prisma.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, mustChangePassword: true, passwordHash: true, active: true },
  })
  const good = found?.active
    ? await verify(found.passwordHash, password)
    : await verify(await (decoyHash ??= hash(randomBytes(16).toString('hex'))), password).then(() => false)
  if (!found || !good || !isRole(found.role)) {
    const reason: LoginFailureReason = !found ? 'unknownAccount' : !found.active ? 'inactive' : !good ? 'wrongPassword' : 'unknownRole'
    await recordAudit({ id: null, email }, 'auth.loginFailed', null, { address, reason })
    return { ok: false, reason: 'invalid' }
  }
  await withWrite(async (writer) => {
    await writer.run(sql`DELETE FROM "LoginFailure" WHERE "email" = ${email} AND "ip" = ${address}`)
    await writer.run(sql`DELETE FROM "Session" WHERE "expiresAt" < ${writer.instant(now)}`)
    await writer.run(sql`UPDATE "User" SET "lastLoginAt" = ${writer.instant(now)} WHERE "id" = ${found.id}`)
  })
  const setCookie = await startSession(found.id, request)
  const user: User = { id: found.id, email: found.email, name: found.name, role: found.role, mustChangePassword: found.mustChangePassword }
  await recordAudit(user, 'auth.login', null, { address })
  return { ok: true, user, setCookie }
}

/**
 * Audits a sign-in the rate limit refused, once per run of refusals: not when one from this
 * address (for this e-mail, when the per-account limit refused it) is already recorded since the
 * oldest failure the limit counts. A new run needs `limit` new failures (the old ones must have
 * left the window), and failures are bounded by the limit itself, so a flood of attempts adds at
 * most one row per 10 failures of an account (per 50 of an address) to the failures' own rows.
 */
async function auditRefusal(writer: Writer, now: number, email: string, address: string, perAccount: boolean, since: number): Promise<void> {
  const [recorded] = await writer.arrays(
    sql`SELECT 1 FROM "AuditEvent" WHERE "action" = 'auth.loginFailed' AND "at" >= ${writer.instant(since)} ${perAccount ? sql`AND "actor" = ${email}` : sql``}
         AND ${writer.jsonText('details', 'reason')} = 'rateLimited' AND ${writer.jsonText('details', 'address')} = ${address} LIMIT 1`,
  )
  if (!recorded) await recordAuditWith(writer, now, { id: null, email }, 'auth.loginFailed', null, { address, reason: 'rateLimited' })
}

/** A new session for the user: the Set-Cookie header that carries it. */
export async function startSession(userId: number, request: Request): Promise<string> {
  const id = randomBytes(32).toString('base64url')
  await prisma.session.create({ data: { id, userId, expiresAt: new Date(Date.now() + SESSION_DAYS * 86_400_000) } })
  const storage = await sessionStorage()
  const session = await storage.getSession()
  session.set(SESSION_KEY, id)
  return storage.commitSession(session, { maxAge: SESSION_DAYS * 86_400, secure: isHttps(request) })
}

/** Ends this browser's session; the Set-Cookie header that clears the cookie. */
export async function logout(request: Request): Promise<string> {
  const id = await sessionId(request)
  if (id !== null) {
    const user = await getUser(request)
    await prisma.session.deleteMany({ where: { id } })
    if (user) await recordAudit(user, 'auth.logout', null, null)
  }
  const storage = await sessionStorage()
  return storage.destroySession(await storage.getSession(request.headers.get('Cookie')))
}

// --- passwords -------------------------------------------------------------------------------

export const normaliseEmail = (email: string) => email.trim().toLowerCase()

export const hashPassword = (password: string) => hash(password)

/** A one-time password: 16 characters from an alphabet without look-alikes (~90 bits). */
export function oneTimePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'
  const bytes = randomBytes(16)
  return [...bytes].map((b) => alphabet[b % alphabet.length]).join('')
}

export type PasswordChange = { ok: true } | { ok: false; field: 'current' | 'next'; error: 'wrongPassword' | 'samePassword' }

/**
 * Changes the user's password after checking the current one; ends their other sessions (a
 * stolen session dies with the old password) and clears the one-time flag.
 */
export async function changePassword(request: Request, user: User, current: string, next: string): Promise<PasswordChange> {
  const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } })
  if (!(await verify(row.passwordHash, current))) return { ok: false, field: 'current', error: 'wrongPassword' }
  if (current === next) return { ok: false, field: 'next', error: 'samePassword' }
  const keep = await sessionId(request)
  const passwordHash = await hash(next)
  await withWrite(async (writer) => {
    await writer.run(sql`UPDATE "User" SET "passwordHash" = ${passwordHash}, "mustChangePassword" = ${writer.bool(false)} WHERE "id" = ${user.id}`)
    await writer.run(sql`DELETE FROM "Session" WHERE "userId" = ${user.id} AND "id" <> ${keep ?? ''}`)
  })
  await recordAudit(user, 'auth.password', `user:${user.id}`, null)
  return { ok: true }
}

/**
 * On the first start of an empty database: an administrator with a one-time password (printed
 * once by `npm start`, changed at the first sign-in). ADMIN_EMAIL names the account.
 */
export async function ensureAdministrator(): Promise<{ email: string; password: string } | null> {
  if ((await prisma.user.count()) > 0) return null
  const email = normaliseEmail(process.env.ADMIN_EMAIL || 'admin@trafego.local')
  // The sign-in form accepts only valid e-mails: an account it cannot name would be locked out.
  if (!z.email().safeParse(email).success) throw new Error(`ADMIN_EMAIL is not a valid e-mail: ${email}`)
  const password = oneTimePassword()
  await prisma.user.create({
    data: { email, name: 'Administrador', role: 'admin', passwordHash: await hash(password), mustChangePassword: true },
  })
  return { email, password }
}
