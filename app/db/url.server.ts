import path from 'node:path'

/** Default database: an embedded SQLite file inside the project (git-ignored). */
export const defaultDatabaseUrl = 'file:./data/traffic.db'

export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATABASE_URL?.trim() || defaultDatabaseUrl
}

/** Whether the URL names a PostgreSQL server (postgresql:// or postgres://) rather than a SQLite file. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url)
}

/**
 * The SQLite file a `file:` URL names, resolved against the working directory
 * (":memory:" stays as is). Anything else is refused with a clear message: SQLite's own paths
 * (its connections, its lock, its migrations) are never taken with a PostgreSQL URL.
 */
export function sqliteFilePath(url: string): string {
  if (isPostgresUrl(url)) throw new Error('A SQLite-only path was given a PostgreSQL URL (DATABASE_URL): this is a bug, please report it.')
  if (!url.startsWith('file:')) {
    throw new Error(`DATABASE_URL must be a SQLite file URL such as "file:./data/traffic.db" or a PostgreSQL URL (got "${url}")`)
  }
  const rest = url.slice('file:'.length)
  if (rest === ':memory:') return rest
  return path.resolve(rest)
}
