// Users, roles and audit against a real database (SQLite, or PostgreSQL with TEST_DATABASE=postgres):
// every mutating route for every role (allowed or 403), sign-in redirects, CSRF, the sign-in rate
// limit, sessions and the audit rows.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { beforeAll, describe, expect, it } from 'vitest'
import { prisma } from '../../app/db.server.ts'
import { roles, type Permission, type Role } from '../../app/domain/permissions.ts'
import { action as passwordAction } from '../../app/routes/account.password.tsx'
import { loader as auditLoader } from '../../app/routes/audit.tsx'
import { action as dataAction } from '../../app/routes/data.tsx'
import { action as forecastAction } from '../../app/routes/forecast.$id.tsx'
import { action as forecastsAction } from '../../app/routes/forecast._index.tsx'
import { action as loginAction } from '../../app/routes/login.tsx'
import { action as logoutAction } from '../../app/routes/logout.ts'
import { loader as reviewLoader } from '../../app/routes/review.tsx'
import { action as scheduleAction } from '../../app/routes/schedules.$id.tsx'
import { action as schedulesAction } from '../../app/routes/schedules._index.tsx'
import { action as agentsAction } from '../../app/routes/schedules.agents.tsx'
import { action as rulesAction, loader as rulesLoader } from '../../app/routes/schedules.rules.tsx'
import { action as settingsAction } from '../../app/routes/settings.tsx'
import { action as staffingAction } from '../../app/routes/staffing.tsx'
import { action as usersAction, loader as usersLoader } from '../../app/routes/users.tsx'
import { changePassword, getUser, hashPassword, login, LOGIN_LIMIT } from '../../app/services/auth.server.ts'
import { createUser, resetPassword, updateUser } from '../../app/services/users.server.ts'
import { formPost, signedInAs, SITE } from '../support/session.ts'

type Handler = (args: ActionFunctionArgs & LoaderFunctionArgs) => unknown

/** The HTTP status a loader's or action's outcome becomes: returned or thrown Response, data(), plain data. */
async function statusOf(run: () => unknown): Promise<{ status: number; location: string | null; body: unknown }> {
  let outcome: unknown
  try {
    outcome = await run()
  } catch (thrown) {
    outcome = thrown
  }
  if (outcome instanceof Response) return { status: outcome.status, location: outcome.headers.get('Location'), body: null }
  if (outcome && typeof outcome === 'object' && 'init' in outcome && 'data' in outcome) {
    const { init, data } = outcome as { init: ResponseInit | null; data: unknown }
    return { status: init?.status ?? 200, location: null, body: data }
  }
  if (outcome instanceof Error) throw outcome
  return { status: 200, location: null, body: outcome }
}

const call = (handler: Handler, request: Request, params: Record<string, string> = {}) =>
  statusOf(() => handler({ request, params, context: { clientAddress: '10.0.0.1' } }))

const cookies = {} as Record<Role, string>

beforeAll(async () => {
  await prisma.operation.create({ data: { id: 1, name: 'SP', timeZone: 'America/Sao_Paulo' } })
  await prisma.channel.create({ data: { key: 'voz', name: 'Voz', sortOrder: 1 } })
  for (const role of roles) cookies[role] = (await signedInAs(role)).cookie
})

/**
 * Each mutating route with a form that gets past the permission check without changing anything
 * (an unknown or incomplete form): allowed roles get its 400/404/redirect, the others 403.
 */
const routes: Array<{ name: string; handler: Handler; path: string; params?: Record<string, string>; permission: Permission | null }> = [
  { name: 'import (data)', handler: dataAction as Handler, path: '/data', permission: 'importData' },
  { name: 'forecasts', handler: forecastsAction as Handler, path: '/forecast', permission: 'editForecasts' },
  {
    name: 'forecast overrides',
    handler: forecastAction as Handler,
    path: '/forecast/999',
    params: { id: '999' },
    permission: 'editForecasts',
  },
  { name: 'settings', handler: settingsAction as Handler, path: '/settings', permission: 'editSettings' },
  { name: 'staffing scenarios', handler: staffingAction as Handler, path: '/staffing', permission: 'editScenarios' },
  { name: 'schedule generation', handler: schedulesAction as Handler, path: '/schedules', permission: 'editSchedules' },
  {
    name: 'schedule edits and publication',
    handler: scheduleAction as Handler,
    path: '/schedules/999',
    params: { id: '999' },
    permission: 'editSchedules',
  },
  { name: 'the team', handler: agentsAction as Handler, path: '/schedules/agents', permission: 'editSchedules' },
  { name: 'shift rules', handler: rulesAction as Handler, path: '/schedules/rules', permission: 'editSchedules' },
  { name: 'users', handler: usersAction as Handler, path: '/users', permission: 'manageUsers' },
  { name: 'own password', handler: passwordAction as Handler, path: '/account/password', permission: null },
]

/** The matrix of docs/operating.md: who may change what (admin: everything). */
const allowed: Record<Permission, Role[]> = {
  importData: ['admin', 'analyst'],
  editForecasts: ['admin', 'analyst'],
  editScenarios: ['admin', 'analyst'],
  editSettings: ['admin'],
  editSchedules: ['admin', 'supervisor'],
  manageUsers: ['admin'],
}

describe('roles against every mutating route', () => {
  for (const route of routes) {
    it(`${route.name}: ${route.permission ? allowed[route.permission].join(', ') : 'every role'} allowed, the others 403`, async () => {
      for (const role of roles) {
        const { status } = await call(route.handler, formPost(route.path, [['intent', 'nothing-real']], cookies[role]), route.params)
        const expected = route.permission === null || allowed[route.permission].includes(role)
        expect({ role, forbidden: status === 403 }).toEqual({ role, forbidden: !expected })
      }
    })
  }

  it('keeps the users and audit pages to admins', async () => {
    for (const role of roles) {
      for (const [loader, path] of [
        [usersLoader, '/users'],
        [auditLoader, '/audit'],
      ] as const) {
        const { status } = await call(loader as Handler, new Request(`${SITE}${path}`, { headers: { Cookie: cookies[role] } }))
        expect({ role, path, status }).toEqual({ role, path, status: role === 'admin' ? 200 : 403 })
      }
    }
  })

  it('lets a manager read the review', async () => {
    const { status } = await call(reviewLoader as Handler, new Request(`${SITE}/review`, { headers: { Cookie: cookies.manager } }))
    expect(status).toBe(200)
  })
})

describe('signing in', () => {
  it('sends a visitor without a session to the sign-in page, back to where they were going', async () => {
    const page = await call(reviewLoader as Handler, new Request(`${SITE}/review?channel=voz`))
    expect(page).toMatchObject({ status: 302, location: '/login?redirectTo=%2Freview%3Fchannel%3Dvoz' })
    const post = await call(settingsAction as Handler, formPost('/settings', [['intent', 'operation']], ''))
    expect(post.status).toBe(302)
    expect(post.location).toMatch(/^\/login\?/)
    const forged = await call(reviewLoader as Handler, new Request(`${SITE}/review`, { headers: { Cookie: '__session=forged.value' } }))
    expect(forged.status).toBe(302)
  })

  it('refuses a write with no Origin or Referer, or from another site; accepts a same-site Referer', async () => {
    const fields: [string, string][] = [
      ['intent', 'operation'],
      ['name', 'Outra'],
      ['timeZone', 'America/Sao_Paulo'],
    ]
    const body = () => {
      const form = new FormData()
      for (const [k, v] of fields) form.append(k, v)
      return form
    }
    const bare = new Request(`${SITE}/settings`, { method: 'POST', body: body(), headers: { Cookie: cookies.admin } })
    expect((await call(settingsAction as Handler, bare)).status).toBe(403)
    const evil = formPost('/settings', fields, cookies.admin, { Origin: 'http://evil.example' })
    expect((await call(settingsAction as Handler, evil)).status).toBe(403)
    const opaque = formPost('/settings', fields, cookies.admin, { Origin: 'null' })
    expect((await call(settingsAction as Handler, opaque)).status).toBe(403)
    const referred = new Request(`${SITE}/settings`, {
      method: 'POST',
      body: body(),
      headers: { Cookie: cookies.admin, Referer: `${SITE}/settings` },
    })
    expect((await call(settingsAction as Handler, referred)).status).toBe(200)
    expect((await prisma.operation.findUniqueOrThrow({ where: { id: 1 } })).name).toBe('Outra')
    // The sign-in form too: a login from another site's page is refused.
    const login = formPost(
      '/login',
      [
        ['email', 'admin@test.local'],
        ['password', 'x'],
      ],
      '',
      { Origin: 'http://evil.example' },
    )
    expect((await call(loginAction as Handler, login)).status).toBe(403)
  })

  it(`limits failed sign-ins to ${LOGIN_LIMIT.perAccount} per ${LOGIN_LIMIT.windowMinutes} minutes per account and address, with a clear message`, async () => {
    await prisma.user.create({
      data: {
        email: 'rita@test.local',
        name: 'Rita',
        role: 'analyst',
        passwordHash: await hashPassword('a senha certa da Rita'),
        mustChangePassword: false,
      },
    })
    const attempt = (password: string, clientAddress = '10.0.0.7') =>
      statusOf(() =>
        loginAction({
          request: formPost(
            '/login',
            [
              ['email', 'Rita@test.local'],
              ['password', password],
            ],
            '',
          ),
          params: {},
          context: { clientAddress },
        }),
      )
    for (let i = 0; i < LOGIN_LIMIT.perAccount; i++) expect((await attempt('errada')).status).toBe(401)
    const limited = await attempt('a senha certa da Rita')
    expect(limited.status).toBe(429)
    expect(limited.body).toMatchObject({ errors: { form: 'auth.errors.rateLimited' } })
    expect((limited.body as { retryAfterMinutes: number }).retryAfterMinutes).toBeGreaterThan(LOGIN_LIMIT.windowMinutes - 2)
    // Another address is not locked out by this one's failures.
    const elsewhere = await attempt('a senha certa da Rita', '10.0.0.8')
    expect(elsewhere.status).toBe(302)
  })

  it('counts attempts sent in parallel: a burst gets no more tries than the limit', async () => {
    await prisma.user.create({
      data: {
        email: 'caio@test.local',
        name: 'Caio',
        role: 'analyst',
        passwordHash: await hashPassword('a senha certa do Caio'),
        mustChangePassword: false,
      },
    })
    const request = new Request(SITE)
    const burst = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        login({ email: 'caio@test.local', password: i === 29 ? 'a senha certa do Caio' : `errada ${i}`, address: '10.0.0.9', request }),
      ),
    )
    const checked = burst.filter((r) => r.ok || r.reason === 'invalid').length
    expect(checked).toBeLessThanOrEqual(LOGIN_LIMIT.perAccount)
    expect(burst.filter((r) => !r.ok && r.reason === 'rateLimited').length).toBeGreaterThanOrEqual(30 - LOGIN_LIMIT.perAccount)
  })

  it('lets through only active users with the right password; a one-time password leads to the password page', async () => {
    const request = new Request(SITE)
    const made = await createUser({ id: null, email: 'test' }, { email: 'Nina@Test.local', name: 'Nina', role: 'supervisor' })
    if (!made.ok) throw new Error('not created')
    expect((await login({ email: 'nina@test.local', password: 'wrong', address: 'a', request })).ok).toBe(false)
    const first = await login({ email: ' NINA@test.local ', password: made.password, address: 'a', request })
    if (!first.ok) throw new Error('refused')
    expect(first.user).toMatchObject({ email: 'nina@test.local', role: 'supervisor', mustChangePassword: true })
    const cookie = first.setCookie.split(';')[0]!
    expect(first.setCookie).toMatch(/HttpOnly/)
    expect(first.setCookie).toMatch(/SameSite=Lax/)
    const elsewhere = await call(reviewLoader as Handler, new Request(`${SITE}/review`, { headers: { Cookie: cookie } }))
    expect(elsewhere).toMatchObject({ status: 302, location: '/account/password?redirectTo=%2Freview' })
    const changed = await call(
      passwordAction as Handler,
      formPost(
        '/account/password',
        [
          ['current', made.password],
          ['next', 'uma senha só da Nina'],
          ['confirm', 'uma senha só da Nina'],
          ['redirectTo', '/review'],
        ],
        cookie,
      ),
    )
    expect(changed).toMatchObject({ status: 302, location: '/review' })
    expect((await call(reviewLoader as Handler, new Request(`${SITE}/review`, { headers: { Cookie: cookie } }))).status).toBe(200)
    // Deactivated: the session ends at once.
    const nina = await prisma.user.findUniqueOrThrow({ where: { email: 'nina@test.local' } })
    expect((await updateUser({ id: null, email: 'test' }, nina.id, { name: 'Nina', role: 'supervisor', active: false })).ok).toBe(true)
    expect(await getUser(new Request(SITE, { headers: { Cookie: cookie } }))).toBeNull()
    expect((await login({ email: 'nina@test.local', password: 'uma senha só da Nina', address: 'a', request })).ok).toBe(false)
  })

  it('signs out: the session row goes, and the cookie no longer signs anyone in', async () => {
    const { cookie } = await signedInAs('manager', 'leo@test.local')
    expect(await getUser(new Request(SITE, { headers: { Cookie: cookie } }))).not.toBeNull()
    const out = await call(logoutAction as Handler, formPost('/logout', [], cookie))
    expect(out).toMatchObject({ status: 302, location: '/login' })
    expect(await getUser(new Request(SITE, { headers: { Cookie: cookie } }))).toBeNull()
  })

  it('keeps the books of sign-ins and passwords: when, failures cleared, other sessions ended by a change, all by a reset', async () => {
    const request = new Request(SITE)
    const made = await createUser({ id: null, email: 'test' }, { email: 'rui@test.local', name: 'Rui', role: 'analyst' })
    if (!made.ok) throw new Error('not created')
    const failures = () => prisma.loginFailure.count({ where: { email: 'rui@test.local', ip: 'b' } })
    await login({ email: 'rui@test.local', password: 'wrong', address: 'b', request })
    expect(await failures()).toBe(1)
    const before = Date.now()
    const first = await login({ email: 'rui@test.local', password: made.password, address: 'b', request })
    const second = await login({ email: 'rui@test.local', password: made.password, address: 'c', request })
    if (!first.ok || !second.ok) throw new Error('refused')
    expect(await failures()).toBe(0)
    const rui = await prisma.user.findUniqueOrThrow({ where: { email: 'rui@test.local' } })
    expect(rui.lastLoginAt!.getTime()).toBeGreaterThanOrEqual(before)
    const cookieOf = (setCookie: string) => new Request(SITE, { headers: { Cookie: setCookie.split(';')[0]! } })
    expect(await changePassword(cookieOf(first.setCookie), first.user, made.password, 'a nova senha do Rui')).toEqual({ ok: true })
    expect(await getUser(cookieOf(first.setCookie))).toMatchObject({ email: 'rui@test.local', mustChangePassword: false })
    expect(await getUser(cookieOf(second.setCookie))).toBeNull()
    expect((await login({ email: 'rui@test.local', password: 'a nova senha do Rui', address: 'b', request })).ok).toBe(true)
    expect((await resetPassword({ id: null, email: 'test' }, rui.id)).ok).toBe(true)
    expect(await prisma.session.count({ where: { userId: rui.id } })).toBe(0)
    expect((await prisma.user.findUniqueOrThrow({ where: { id: rui.id } })).mustChangePassword).toBe(true)
  })

  it('never leaves the operation without an active administrator', async () => {
    const admins = await prisma.user.findMany({ where: { role: 'admin', active: true } })
    expect(admins).toHaveLength(1)
    const result = await updateUser({ id: null, email: 'test' }, admins[0]!.id, { name: 'x', role: 'manager', active: true })
    expect(result).toEqual({ ok: false, error: 'lastAdmin' })
  })
})

describe('the audit log', () => {
  it('records who changed what: settings, users, sign-ins, passwords', async () => {
    await prisma.auditEvent.deleteMany()
    const fields: [string, string][] = [
      ['intent', 'operation'],
      ['name', 'Central SP'],
      ['timeZone', 'America/Sao_Paulo'],
    ]
    expect((await call(settingsAction as Handler, formPost('/settings', fields, cookies.admin))).status).toBe(200)
    const created = await call(
      usersAction as Handler,
      formPost(
        '/users',
        [
          ['intent', 'create'],
          ['name', 'Bia'],
          ['email', 'bia@test.local'],
          ['role', 'analyst'],
        ],
        cookies.admin,
      ),
    )
    expect(created.status).toBe(200)
    // A refused change (403) records nothing.
    expect((await call(settingsAction as Handler, formPost('/settings', fields, cookies.manager))).status).toBe(403)
    const events = await prisma.auditEvent.findMany({ orderBy: { id: 'asc' } })
    expect(events.map((e) => [e.actor, e.action, e.target])).toEqual([
      ['admin@test.local', 'settings.operation', 'operation'],
      ['admin@test.local', 'user.create', `user:${(await prisma.user.findUniqueOrThrow({ where: { email: 'bia@test.local' } })).id}`],
    ])
    // Only what changed (an earlier test named the operation "Outra"; the time zone stays).
    expect(JSON.parse(events[0]!.details!)).toEqual({ before: { name: 'Outra' }, after: { name: 'Central SP' } })
    expect(events[1]!.details).not.toMatch(/password/i)
    const page = await call(auditLoader as Handler, new Request(`${SITE}/audit?action=user.create`, { headers: { Cookie: cookies.admin } }))
    expect((page.body as { rows: Array<{ action: string }> }).rows.map((r) => r.action)).toEqual(['user.create'])
  })

  /** Saves a form as the admin and expects the page's success answer. */
  const save = async (handler: Handler, path: string, fields: [string, string][]) => {
    const { status } = await call(handler, formPost(path, fields, cookies.admin))
    expect({ path, status }).toEqual({ path, status: 200 })
  }
  const auditRows = async (action: string) => {
    const rows = await prisma.auditEvent.findMany({ where: { action }, orderBy: { id: 'asc' } })
    return rows.map((r) => JSON.parse(r.details!) as unknown)
  }

  it('records a save that changes nothing as no change: settings and shift rules', async () => {
    await prisma.auditEvent.deleteMany()
    const operation: [string, string][] = [
      ['intent', 'operation'],
      ['name', 'Central SP'],
      ['timeZone', 'America/Sao_Paulo'],
    ]
    await save(settingsAction as Handler, '/settings', operation)
    expect(await auditRows('settings.operation')).toEqual([])

    const voz = await prisma.channel.findUniqueOrThrow({ where: { key: 'voz' } })
    // As the page fills its fields (app/routes/settings.tsx).
    const percent = (share: number) => String(Math.round(share * 10_000) / 100)
    const channel = (changes: Record<string, string> = {}): [string, string][] =>
      Object.entries({
        intent: 'channel',
        channelId: String(voz.id),
        name: voz.name,
        kind: voz.kind,
        concurrency: String(voz.concurrency),
        slGoalPct: percent(voz.slGoal),
        slThresholdSec: String(voz.slThresholdSec),
        asaGoalSec: voz.asaGoalSec === null ? '' : String(voz.asaGoalSec),
        maxOccupancyPct: voz.maxOccupancy === null ? '' : percent(voz.maxOccupancy),
        shrinkagePct: percent(voz.shrinkage),
        patienceSec: voz.patienceSec === null ? '' : String(voz.patienceSec),
        responseGoalHours: '',
        staffingModel: voz.staffingModel,
        ...Object.fromEntries([0, 1, 2, 3, 4, 5, 6].flatMap((d) => [[`open${d}`, '00:00'], [`close${d}`, '24:00']])),
        ...changes,
      })
    await save(settingsAction as Handler, '/settings', channel())
    expect(await auditRows('settings.channel')).toEqual([])
    await save(settingsAction as Handler, '/settings', channel({ slGoalPct: '85', open0: '', close0: '' }))
    await save(settingsAction as Handler, '/settings', channel({ slGoalPct: '85', open0: '', close0: '' }))
    const [change, ...more] = await auditRows('settings.channel')
    expect(more).toEqual([])
    expect(change).toEqual({
      before: { slGoal: voz.slGoal, openingHours: null },
      after: { slGoal: 0.85, openingHours: [null, ...Array.from({ length: 6 }, () => ({ open: 0, close: 1440 }))] },
    })

    // Shift rules: the stored defaults as the page shows them, saved unchanged; then one change.
    const page = await call(rulesLoader as Handler, new Request(`${SITE}/schedules/rules`, { headers: { Cookie: cookies.admin } }))
    const rules = Object.entries((page.body as { values: Record<string, string> }).values)
    await save(rulesAction as Handler, '/schedules/rules', rules)
    expect(await prisma.scheduleRuleSet.count()).toBe(0) // nothing written: "last changed by" stays
    await save(rulesAction as Handler, '/schedules/rules', [...rules.filter(([k]) => k !== 'daysOffPerWeek'), ['daysOffPerWeek', '2']])
    await save(rulesAction as Handler, '/schedules/rules', [...rules.filter(([k]) => k !== 'daysOffPerWeek'), ['daysOffPerWeek', '2']])
    expect(await auditRows('schedule.rules')).toEqual([{ before: { daysOffPerWeek: 1 }, after: { daysOffPerWeek: 2 } }])
  })

  it('records a save that changes nothing as no change: the team, users and patience', async () => {
    await prisma.auditEvent.deleteMany()
    const agent: [string, string][] = [
      ['intent', 'save'],
      ['name', 'Duda'],
      ['channels', 'voz'],
      ['weeklyHours', '36'],
    ]
    await save(agentsAction as Handler, '/schedules/agents', agent)
    const { id } = await prisma.agent.findUniqueOrThrow({ where: { name: 'Duda' } })
    const edit: [string, string][] = [...agent, ['agentId', String(id)]]
    await save(agentsAction as Handler, '/schedules/agents', edit)
    await save(agentsAction as Handler, '/schedules/agents', [...edit.filter(([k]) => k !== 'weeklyHours'), ['weeklyHours', '44']])
    const active = (value: string): [string, string][] => [
      ['intent', 'active'],
      ['agentId', String(id)],
      ['active', value],
    ]
    await save(agentsAction as Handler, '/schedules/agents', active('true'))
    await save(agentsAction as Handler, '/schedules/agents', active('false'))
    expect(await auditRows('agent.save')).toEqual([
      { name: 'Duda', channels: ['voz'], weeklyHours: 36, shiftTypes: [], availability: null },
      { before: { weeklyHours: 36 }, after: { weeklyHours: 44 } },
      { before: { active: true }, after: { active: false } },
    ])

    const bia = await prisma.user.findUniqueOrThrow({ where: { email: 'bia@test.local' } })
    const user = (role: string): [string, string][] => [
      ['intent', 'update'],
      ['userId', String(bia.id)],
      ['name', bia.name],
      ['role', role],
      ['active', 'true'],
    ]
    await save(usersAction as Handler, '/users', user(bia.role))
    await save(usersAction as Handler, '/users', user('supervisor'))
    expect(await auditRows('user.update')).toEqual([{ before: { role: 'analyst' }, after: { role: 'supervisor' } }])

    const voz = await prisma.channel.findUniqueOrThrow({ where: { key: 'voz' } })
    const forecast = await prisma.forecast.create({
      data: { name: 'F', method: 'auto', intervalMin: 15, timeZone: 'America/Sao_Paulo', historyFrom: '2026-01-01', historyTo: '2026-01-31', firstDay: '2026-02-01', horizonDays: 7, createdBy: 'test' },
    })
    const patience = (sec: number): [string, string][] => [
      ['intent', 'patience'],
      ['forecastId', String(forecast.id)],
      ['channelId', String(voz.id)],
      ['patienceSec', String(sec)],
    ]
    await save(staffingAction as Handler, '/staffing', patience(150))
    await save(staffingAction as Handler, '/staffing', patience(150))
    expect(await auditRows('settings.channel')).toEqual([{ before: { patienceSec: voz.patienceSec }, after: { patienceSec: 150 } }])
  })

  describe('refused sign-ins', () => {
    const attempt = (email: string, password: string, clientAddress: string) =>
      statusOf(() =>
        loginAction({
          request: formPost(
            '/login',
            [
              ['email', email],
              ['password', password],
            ],
            '',
          ),
          params: {},
          context: { clientAddress },
        }),
      )
    const refusals = async (address: string) =>
      (await prisma.auditEvent.findMany({ where: { action: 'auth.loginFailed' }, orderBy: { id: 'asc' } }))
        .map((e) => ({ actor: e.actor, userId: e.userId, ...(JSON.parse(e.details!) as { address: string; reason: string }) }))
        .filter((e) => e.address === address)

    beforeAll(async () => {
      for (const [email, active] of [
        ['dora@test.local', true],
        ['eva@test.local', false],
      ] as const) {
        await prisma.user.create({
          data: { email, name: email, role: 'analyst', active, passwordHash: await hashPassword('a senha certa'), mustChangePassword: false },
        })
      }
    })

    it('records who tried (the e-mail typed), from which address and why, never the password', async () => {
      expect((await attempt('Dora@test.local', 'senha errada 1', '10.0.1.1')).status).toBe(401)
      expect((await attempt('ghost@test.local', 'senha errada 2', '10.0.1.1')).status).toBe(401)
      expect((await attempt('eva@test.local', 'a senha certa', '10.0.1.1')).status).toBe(401)
      expect((await attempt('dora@test.local', 'a senha certa', '10.0.1.1')).status).toBe(302)
      expect(await refusals('10.0.1.1')).toEqual([
        { actor: 'dora@test.local', userId: null, address: '10.0.1.1', reason: 'wrongPassword' },
        { actor: 'ghost@test.local', userId: null, address: '10.0.1.1', reason: 'unknownAccount' },
        { actor: 'eva@test.local', userId: null, address: '10.0.1.1', reason: 'inactive' },
      ])
      const stored = await prisma.auditEvent.findMany({ select: { details: true } })
      expect(stored.map((e) => e.details ?? '').join()).not.toMatch(/senha/)
      const page = await call(auditLoader as Handler, new Request(`${SITE}/audit?action=auth.loginFailed`, { headers: { Cookie: cookies.admin } }))
      expect((page.body as { rows: Array<{ actor: string }> }).rows.map((r) => r.actor)).toContain('ghost@test.local')
    })

    it('records a flood the rate limit refuses as one row per run of refusals, not one per attempt', async () => {
      const address = '10.0.2.2'
      for (let i = 0; i < LOGIN_LIMIT.perAccount; i++) expect((await attempt('dora@test.local', `errada ${i}`, address)).status).toBe(401)
      for (let i = 0; i < 30; i++) expect((await attempt('dora@test.local', `errada ${i}`, address)).status).toBe(429)
      const reasons = async () => (await refusals(address)).map((r) => r.reason)
      expect(await reasons()).toEqual([...Array(LOGIN_LIMIT.perAccount).fill('wrongPassword'), 'rateLimited'])
      // The window passes (everything moved 16 minutes back): a new run is a new row.
      const back = (LOGIN_LIMIT.windowMinutes + 1) * 60_000
      for (const { id, at } of await prisma.loginFailure.findMany({ where: { ip: address } })) {
        await prisma.loginFailure.update({ where: { id }, data: { at: new Date(at.getTime() - back) } })
      }
      for (const { id, at } of await prisma.auditEvent.findMany({ where: { action: 'auth.loginFailed' } })) {
        await prisma.auditEvent.update({ where: { id }, data: { at: new Date(at.getTime() - back) } })
      }
      for (let i = 0; i < LOGIN_LIMIT.perAccount; i++) expect((await attempt('dora@test.local', `errada ${i}`, address)).status).toBe(401)
      for (let i = 0; i < 30; i++) expect((await attempt('dora@test.local', `errada ${i}`, address)).status).toBe(429)
      expect(await reasons()).toEqual([...Array(2).fill([...Array(LOGIN_LIMIT.perAccount).fill('wrongPassword'), 'rateLimited'])].flat())

      // Limited per address, new e-mails each time add no rows either.
      const crowded = '10.0.3.3'
      const now = Date.now()
      for (let i = 0; i < LOGIN_LIMIT.perAddress; i++) {
        await prisma.loginFailure.create({ data: { email: `x${i}@test.local`, ip: crowded, at: new Date(now) } })
      }
      for (let i = 0; i < 30; i++) expect((await attempt(`y${i}@test.local`, 'x', crowded)).status).toBe(429)
      expect(await refusals(crowded)).toEqual([{ actor: 'y0@test.local', userId: null, address: crowded, reason: 'rateLimited' }])
    })
  })
})
