// Prisma's schema engine compiled to WebAssembly (the npm package @prisma/schema-engine-wasm),
// loaded once per process, and what both databases' migrations share: the migrations folder read
// as `prisma migrate deploy` reads it, and the engine's errors in words. See decisions 002 and 022.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils'
import type { MigrationList, SchemaEngine } from '@prisma/schema-engine-wasm'

const require = createRequire(import.meta.url)

export const noFilters = { externalTables: [], externalEnums: [] }

type EngineModule = typeof import('@prisma/schema-engine-wasm')

let engineModule: Promise<EngineModule> | undefined

/** Instantiates the Wasm module once per process (Node 20 cannot `import` .wasm directly). */
function loadEngineModule(): Promise<EngineModule> {
  engineModule ??= (async () => {
    const bg = (await import('@prisma/schema-engine-wasm/schema_engine_bg')) as EngineModule & {
      __wbg_set_wasm(exports: WebAssembly.Exports): void
    }
    const wasmPath = path.join(
      path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')),
      'schema_engine_bg.wasm',
    )
    const module = new WebAssembly.Module(readFileSync(wasmPath))
    const instance = new WebAssembly.Instance(module, {
      './schema_engine_bg.js': bg as unknown as WebAssembly.ModuleImports,
    })
    bg.__wbg_set_wasm(instance.exports)
    ;(instance.exports.__wbindgen_start as () => void)()
    // The engine reports panics through this global, as in Prisma's CLI.
    const g = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(m: string): void } }
    g.PRISMA_WASM_PANIC_REGISTRY ??= {
      set_message(message: string) {
        throw new Error(`Prisma schema engine panicked: ${message}`)
      },
    }
    return bg
  })()
  return engineModule
}

/** Reads prisma/migrations the way `prisma migrate deploy` does. */
export function readMigrationsList(dir: string): MigrationList {
  const lockPath = path.join(dir, 'migration_lock.toml')
  const names = existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => statSync(path.join(dir, name)).isDirectory())
        .sort()
    : []
  return {
    baseDir: dir,
    lockfile: {
      path: 'migration_lock.toml',
      content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null,
    },
    shadowDbInitScript: '',
    migrationDirectories: names.map((name) => {
      const file = path.join(dir, name, 'migration.sql')
      return {
        path: name,
        migrationFile: {
          path: 'migration.sql',
          content: existsSync(file)
            ? { tag: 'ok' as const, value: readFileSync(file, 'utf8') }
            : { tag: 'error' as const, value: `${file} is missing` },
        },
      }
    }),
  }
}

function wrapEngineError(error: unknown): Error {
  const message =
    typeof error === 'object' && error !== null && 'message' in error
      ? String((error as { message: unknown }).message)
      : String(error)
  // SQLITE_BUSY reaches the Wasm engine as an error kind it cannot name.
  if (message.includes('SocketTimeout')) {
    return new Error(
      'The database is in use by another process (the schema engine needs it to itself to migrate): stop the app and try again.',
      { cause: error },
    )
  }
  return error instanceof Error ? error : new Error(`Prisma schema engine: ${message}`)
}


/** The connections an engine opened: it does not close them; we do, or a SQLite file stays locked. */
export type OpenedAdapters = Array<{ dispose(): Promise<void> }>

/**
 * Runs `fn` on a schema engine for the schema (`schemaPath`, its text) talking to the database
 * through `factory`, which records what it opens in the list it is given; then frees the engine,
 * closes those connections, and turns the engine's errors into words.
 */
export async function withSchemaEngine<T>(
  schemaPath: string,
  schema: string,
  factory: (opened: OpenedAdapters) => SqlMigrationAwareDriverAdapterFactory,
  fn: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const { SchemaEngine } = await loadEngineModule()
  const opened: OpenedAdapters = []
  const timers = recordTimers()
  try {
    const engine = await SchemaEngine.new({ datamodels: [[schemaPath, schema]] }, () => {}, bindMigrationAwareSqlAdapterFactory(factory(opened)))
    try {
      return await fn(engine)
    } catch (error) {
      throw wrapEngineError(error)
    } finally {
      engine.free()
      for (const adapter of opened) await adapter.dispose()
    }
  } finally {
    timers.release()
  }
}

/**
 * The Wasm engine sets timers it never clears (its bindings have no clearTimeout): on PostgreSQL
 * the 10 s timeout of its advisory lock outlives the migration, and would keep a command-line run
 * alive 10 s after its work. The timers set while the engine runs are recorded, and released
 * afterwards: they still fire if the process lives on, but no longer keep it alive.
 */
function recordTimers(): { release(): void } {
  const original = globalThis.setTimeout
  const made: Array<{ unref?: () => unknown }> = []
  globalThis.setTimeout = ((...args: Parameters<typeof setTimeout>) => {
    const timer = original(...args)
    made.push(timer)
    return timer
  }) as typeof setTimeout
  return {
    release() {
      globalThis.setTimeout = original
      for (const timer of made) timer.unref?.()
    },
  }
}
