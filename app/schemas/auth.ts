// Sign-in, password change and the users form, shared by the routes' actions and their forms.
// Messages are i18n keys.
import { z } from 'zod'
import { roles } from '../domain/permissions.ts'
import { idSchema } from './id.ts'

/** NIST SP 800-63B asks for at least 8 characters; a planner's account guards costly decisions. */
export const MIN_PASSWORD_LENGTH = 12
const MAX_PASSWORD_LENGTH = 200

/** Failed sign-ins allowed per account and address, and per address over all accounts, in the window (the page quotes them). */
export const LOGIN_LIMIT = { perAccount: 10, perAddress: 50, windowMinutes: 15 }

const email = z
  .string({ error: 'auth.errors.email' })
  .trim()
  .toLowerCase()
  .max(200, { error: 'auth.errors.email' })
  .pipe(z.email({ error: 'auth.errors.email' }))

export const loginSchema = z.object({
  email,
  password: z
    .string({ error: 'auth.errors.password' })
    .min(1, { error: 'auth.errors.password' })
    .max(MAX_PASSWORD_LENGTH, { error: 'auth.errors.password' }),
  redirectTo: z.string().optional(),
})

export const passwordChangeSchema = z
  .object({
    current: z.string({ error: 'auth.errors.password' }).min(1, { error: 'auth.errors.password' }).max(MAX_PASSWORD_LENGTH),
    next: z
      .string({ error: 'auth.errors.newPassword' })
      .min(MIN_PASSWORD_LENGTH, { error: 'auth.errors.newPassword' })
      .max(MAX_PASSWORD_LENGTH, { error: 'auth.errors.newPassword' }),
    confirm: z.string({ error: 'auth.errors.confirm' }),
    redirectTo: z.string().optional(),
  })
  .refine((v) => v.next === v.confirm, { path: ['confirm'], error: 'auth.errors.confirm' })

const name = z.string({ error: 'errors.name' }).trim().min(1, { error: 'errors.name' }).max(80, { error: 'errors.name' })
const role = z.enum(roles, { error: 'users.errors.role' })

export const createUserSchema = z.object({ email, name, role })

export const updateUserSchema = z.object({
  userId: idSchema,
  name,
  role,
  active: z.enum(['true', 'false']).transform((v) => v === 'true'),
})

export const userIdSchema = z.object({ userId: idSchema })
