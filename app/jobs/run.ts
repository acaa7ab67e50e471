// A background job's process (started by app/services/job-runner.server.ts): runs job <id> and
// records how it ended. It stops when the server does — what it had not committed is rolled back
// by SQLite — and the server's next start shows the job as interrupted.
import { configureDatabase } from '../db.server.ts'
import { runJob } from '../services/job-work.server.ts'

const id = Number(process.argv[2])
if (!Number.isSafeInteger(id) || id <= 0) {
  console.error('usage: run.ts <job id>')
  process.exit(2)
}
process.on('disconnect', () => process.exit(75))
// Off the web server's event loop: this process may wait inside SQLite for another's write lock.
configureDatabase({ waitForLocks: 'block' })

// Reports are few (a solver phase, every 50,000 rows read): each goes to the server as it comes.
await runJob(id, (progress) => {
  if (process.connected) process.send?.({ progress })
})
process.exit(0)
