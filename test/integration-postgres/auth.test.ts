// Signing in on PostgreSQL (issue 18): the session secret written once, a session looked up per
// request, the rate limit holding for attempts sent at once (an advisory lock serialises the
// reservations, as BEGIN IMMEDIATE does on SQLite), and a password change ending other sessions.
import { describe, expect, it } from 'vitest'
import { prisma } from '../../app/db.server.ts'
import { changePassword, getUser, hashPassword, login, LOGIN_LIMIT } from '../../app/services/auth.server.ts'

const SITE = 'http://localhost'
const withCookie = (setCookie: string) => new Request(SITE, { headers: { Cookie: setCookie.split(';')[0]! } })

describe('signing in on PostgreSQL', () => {
  it('starts a session the next request is recognised by, and ends the others on a password change', async () => {
    await prisma.user.create({ data: { email: 'ana@test.local', name: 'Ana', role: 'analyst', passwordHash: await hashPassword('a senha da Ana'), mustChangePassword: true } })
    const first = await login({ email: 'ana@test.local', password: 'a senha da Ana', address: '10.0.0.1', request: new Request(SITE) })
    const second = await login({ email: 'ANA@test.local ', password: 'a senha da Ana', address: '10.0.0.2', request: new Request(SITE) })
    if (!first.ok || !second.ok) throw new Error('refused')
    const user = await getUser(withCookie(first.setCookie))
    expect(user).toMatchObject({ email: 'ana@test.local', role: 'analyst', mustChangePassword: true })
    expect(await prisma.appSecret.count()).toBe(1)

    expect(await changePassword(withCookie(first.setCookie), user!, 'a senha da Ana', 'uma senha nova da Ana')).toEqual({ ok: true })
    expect(await getUser(withCookie(first.setCookie))).toMatchObject({ mustChangePassword: false })
    expect(await getUser(withCookie(second.setCookie))).toBeNull()
    const row = await prisma.user.findUniqueOrThrow({ where: { email: 'ana@test.local' }, select: { lastLoginAt: true } })
    expect(Math.abs(row.lastLoginAt!.getTime() - Date.now())).toBeLessThan(60_000)
  })

  it('counts attempts sent in parallel: a burst gets no more tries than the limit, and one audit row for the refusals', async () => {
    await prisma.user.create({ data: { email: 'caio@test.local', name: 'Caio', role: 'analyst', passwordHash: await hashPassword('a senha certa do Caio'), mustChangePassword: false } })
    const request = new Request(SITE)
    const burst = await Promise.all(
      Array.from({ length: 30 }, (_, i) => login({ email: 'caio@test.local', password: i === 29 ? 'a senha certa do Caio' : `errada ${i}`, address: '10.0.0.9', request })),
    )
    expect(burst.filter((r) => r.ok || r.reason === 'invalid').length).toBeLessThanOrEqual(LOGIN_LIMIT.perAccount)
    expect(burst.filter((r) => !r.ok && r.reason === 'rateLimited').length).toBeGreaterThanOrEqual(30 - LOGIN_LIMIT.perAccount)
    const refusals = await prisma.auditEvent.findMany({ where: { action: 'auth.loginFailed', actor: 'caio@test.local' }, select: { details: true } })
    expect(refusals.filter((r) => JSON.parse(r.details!).reason === 'rateLimited')).toHaveLength(1)
  })
})

describe('managing users on PostgreSQL', () => {
  it('keeps the last active administrator, even when two demote each other at once, and ends a deactivated user’s sessions', async () => {
    const { updateUser, resetPassword } = await import('../../app/services/users.server.ts')
    const admin = (email: string) => prisma.user.create({ data: { email, name: email, role: 'admin', passwordHash: 'x', mustChangePassword: false }, select: { id: true } })
    const [a, b] = [await admin('a@test.local'), await admin('b@test.local')]
    const actor = { id: null, email: 'test' }
    const results = await Promise.all([
      updateUser(actor, a.id, { name: 'a@test.local', role: 'analyst', active: true }),
      updateUser(actor, b.id, { name: 'b@test.local', role: 'analyst', active: true }),
    ])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok && r.error === 'lastAdmin')).toHaveLength(1)
    expect(await prisma.user.count({ where: { role: 'admin', active: true } })).toBe(1)

    const ana = await prisma.user.findUniqueOrThrow({ where: { email: 'ana@test.local' }, select: { id: true } })
    expect(await prisma.session.count({ where: { userId: ana.id } })).toBeGreaterThan(0)
    expect(await updateUser(actor, ana.id, { name: 'Ana', role: 'analyst', active: false })).toEqual({ ok: true })
    expect(await prisma.session.count({ where: { userId: ana.id } })).toBe(0)
    expect(await prisma.user.findUniqueOrThrow({ where: { id: ana.id }, select: { active: true } })).toEqual({ active: false })
    const reset = await resetPassword(actor, ana.id)
    expect(reset.ok).toBe(true)
    expect(await prisma.user.findUniqueOrThrow({ where: { id: ana.id }, select: { mustChangePassword: true } })).toEqual({ mustChangePassword: true })
  })
})
