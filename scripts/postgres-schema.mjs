// The PostgreSQL schema is schema.prisma with another provider: one data model, two databases
// (issue 18, decision 022). Prisma allows no variable in `provider`, and each provider needs its own
// generated client, so prisma/postgresql/schema.prisma is written from schema.prisma by this
// transform — never edited by hand; a test checks the two are in step.
//   node scripts/postgres-schema.mjs        writes prisma/postgresql/schema.prisma
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const sqliteSchemaPath = path.join(root, 'prisma', 'schema.prisma')
export const postgresSchemaPath = path.join(root, 'prisma', 'postgresql', 'schema.prisma')

/** schema.prisma's text for PostgreSQL: the provider, the client's folder, instants with their zone. */
export function postgresSchema(sqlite) {
  const replace = (text, from, to) => {
    if (!from.test(text)) throw new Error(`schema.prisma: expected ${from} (the PostgreSQL schema is derived from it)`)
    return text.replace(from, to)
  }
  let text = replace(sqlite, /provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
  text = replace(text, /output(\s*)=\s*"\.\.\/app\/generated\/prisma"/, 'output$1= "../../app/generated/prisma-pg"')
  // Instants as timestamptz(3): UTC to the millisecond, as SQLite's integer milliseconds are.
  text = text.replace(/^(\s+\w+\s+)DateTime(\??)([^\n]*)$/gm, (line, head, optional, rest) =>
    rest.includes('@db.') ? line : `${head}DateTime${optional}${rest} @db.Timestamptz(3)`,
  )
  const header = '// Written by scripts/postgres-schema.mjs from prisma/schema.prisma: do not edit (npm run db:migration writes both).\n'
  return header + text
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(postgresSchemaPath, postgresSchema(readFileSync(sqliteSchemaPath, 'utf8')))
  console.log(`Wrote ${path.relative(process.cwd(), postgresSchemaPath)}`)
}
