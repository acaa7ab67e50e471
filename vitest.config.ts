import path from 'node:path'
import { defineConfig } from 'vitest/config'

const alias = { '~': path.resolve(import.meta.dirname, 'app') }

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          // A fresh database per test file, migrated like the app's (no mocks): SQLite, or
          // PostgreSQL with TEST_DATABASE=postgres (scripts/test-postgres.mjs).
          setupFiles: ['test/support/fresh-database.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration-postgres',
          include: ['test/integration-postgres/**/*.test.ts'],
          // A database of its own per test file on TEST_POSTGRES_URL, migrated like the app's.
          setupFiles: ['test/support/fresh-database.ts'],
          env: { TEST_DATABASE: 'postgres' },
          environment: 'node',
          // Needs TEST_POSTGRES_URL (scripts/test-postgres.mjs); a database per test file.
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
})
