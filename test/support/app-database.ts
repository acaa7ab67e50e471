// Reads an app's database from a browser test, on either database: SQLite's file read-only, or
// PostgreSQL's over a connection of its own. Statements quote identifiers ("Job") and take `?`
// parameters, which both read.
import Database from 'better-sqlite3'
import pg from 'pg'

/** COUNT and SUM (bigint, numeric) as numbers, as the app reads them. */
function countsAsNumbers(oid: number, format?: 'text' | 'binary') {
  if (oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC) return (value: string) => Number(value)
  return pg.types.getTypeParser(oid, format)
}

export async function appRows<Row>(databaseUrl: string, text: string, ...params: unknown[]): Promise<Row[]> {
  if (/^postgres(ql)?:/.test(databaseUrl)) {
    const client = new pg.Client({ connectionString: databaseUrl, types: { getTypeParser: countsAsNumbers } })
    await client.connect()
    try {
      let n = 0
      return (await client.query(text.replace(/\?/g, () => `$${++n}`), params)).rows as Row[]
    } finally {
      await client.end()
    }
  }
  const db = new Database(databaseUrl.replace(/^file:/, ''), { readonly: true, fileMustExist: true })
  try {
    return db.prepare(text).all(...params) as Row[]
  } finally {
    db.close()
  }
}

/** SQLite's integrity check (PostgreSQL checks its own pages): 'ok' when sound. */
export function sqliteIntegrity(databaseUrl: string): string {
  const db = new Database(databaseUrl.replace(/^file:/, ''), { readonly: true, fileMustExist: true })
  try {
    return db.pragma('integrity_check', { simple: true }) as string
  } finally {
    db.close()
  }
}
