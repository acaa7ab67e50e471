// `prisma generate` with Prisma's native schema-engine download switched off: generating the
// client needs no engine, and this machine reaches only the npm registry
// (docs/decisions/002-offline-migrations.md). Runs at `npm install`.
import { spawnSync } from 'node:child_process'

// One client per database: SQLite's (app/generated/prisma) and PostgreSQL's (app/generated/prisma-pg,
// from prisma/postgresql/schema.prisma; decision 022).
for (const schema of ['prisma/schema.prisma', 'prisma/postgresql/schema.prisma']) {
  const result = spawnSync('npx', ['prisma', 'generate', '--schema', schema], {
    stdio: 'inherit',
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? '/bin/true',
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
      CHECKPOINT_DISABLE: '1',
    },
  })
  if (result.status !== 0) process.exit(result.status ?? 1)
}
