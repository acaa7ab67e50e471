// A write that met another process's write lock for longer than the server waits (DatabaseBusy,
// app/db.server.ts) answers 503 with Retry-After, in the user's language, instead of a 500: the
// route's error boundary shows it on pages and fetchers, the text says it to scripts.
import { DatabaseBusy } from '../db.server.ts'
import { resources } from '../i18n/i18n.ts'
import { getLanguage } from '../i18n/language.server.ts'

/** What the answer suggests: the other process (an import) has already held the lock for the server's whole wait. */
export const BUSY_RETRY_AFTER_SECONDS = 10

export async function databaseBusyResponse(request: Request): Promise<Response> {
  const { errors } = resources[await getLanguage(request)].translation
  return new Response(`${errors.busy}. ${errors.busyText}`, {
    status: 503,
    headers: { 'Retry-After': String(BUSY_RETRY_AFTER_SECONDS), 'Content-Type': 'text/plain; charset=utf-8' },
  })
}

/**
 * Runs a loader's or action's work, throwing its DatabaseBusy as the 503 answer; anything else as
 * it was. Called inside the exported function (`export async function action(args) { return
 * answerBusy(args, act) }`), not wrapped around it: the build drops a route's server code from the
 * browser's bundle only when `action`/`loader` is a plain function (a wrapped `export const` stays).
 */
export async function answerBusy<Args extends { request: Request }, Result>(args: Args, work: (args: Args) => Promise<Result>): Promise<Result> {
  try {
    return await work(args)
  } catch (error) {
    if (error instanceof DatabaseBusy) throw await databaseBusyResponse(args.request)
    throw error
  }
}
