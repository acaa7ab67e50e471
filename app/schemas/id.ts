// A database row's id as it arrives in a URL or a form field. Every id the app hands out is a
// SQLite rowid written back as plain decimal digits, so anything else names no row: `Number()`
// would read "0x2" as 2, "1e3" as 1000 and "99999999999999999999" as a float past SQLite's
// integers (which then failed inside the query with a 500).
import { z } from 'zod'

/** The largest id accepted: the 32-bit signed range, far beyond any table here. */
export const MAX_ID = 2 ** 31 - 1

/** Decimal digits, no sign, no leading zero, no spaces: the one spelling of an id the app writes. */
const idText = /^[1-9][0-9]{0,9}$/

/** An id sent as text: "1" … "2147483647", anything else refused. */
export const idSchema = z
  .string()
  .regex(idText)
  .refine((text) => Number(text) <= MAX_ID)
  .transform(Number)

/** A route's `:id` param, or a 404 saying what was not found (a bad id names nothing, like a missing row). */
export function routeId(param: string | undefined, notFound: string): number {
  const parsed = idSchema.safeParse(param)
  if (!parsed.success) throw new Response(notFound, { status: 404 })
  return parsed.data
}
