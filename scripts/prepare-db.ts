// `npm start`, step 2: migrate the database and load the demo data into it if it is empty.
import { databaseUrl } from '../app/db/url.server.ts'
import { whileHolding } from '../app/db/queries.server.ts'
import { configureDatabase } from '../app/db.server.ts'
import { prepareDatabase } from '../app/services/database.server.ts'
import { ensureAdministrator } from '../app/services/auth.server.ts'

// Before the server starts: waits for another process's lock (a command-line import) like the CLI.
configureDatabase({ waitForLocks: 'block' })
const { appliedMigrations, demo } = await prepareDatabase({ seedDemo: true })
const url = databaseUrl()
if (appliedMigrations.length > 0) console.log(`Migrated ${url}: ${appliedMigrations.join(', ')}`)
if (demo) {
  console.log(
    `Loaded demo data: ${demo.contacts.toLocaleString('en')} contacts from ${demo.from} to ${demo.to} ` +
      `(${demo.channels.map((c) => `${c.key} ${c.contacts}`).join(', ')}) in ${(demo.milliseconds / 1000).toFixed(1)} s`,
  )
}

// The first administrator of an empty database, with a one-time password shown only here.
// Under the same lock as preparing: of two processes started together, one creates it.
const admin = await whileHolding('prepare-database', ensureAdministrator)
if (admin) {
  console.log(
    [
      '',
      'Created the administrator account. Sign in at /login with:',
      `  e-mail:   ${admin.email}`,
      `  password: ${admin.password}`,
      'This password works once: you choose your own at the first sign-in. It is not stored anywhere',
      'else; if it is lost, run `npm run wfm -- admin-password` to print a new one.',
      '',
    ].join('\n'),
  )
}
