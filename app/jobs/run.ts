// A background job's process (started by app/services/job-runner.server.ts): runs job <id> and
// records how it ended. When the server stops, the job stops too — what it had not committed is
// rolled back by SQLite, and the server's next start shows it as interrupted — unless it is
// already writing what it made: then it finishes and records its outcome itself.

// Watch the server before loading anything: it may stop while this process loads the services
// (a second or more), and the 'disconnect' that says so is emitted only once.
let interruptible = true
process.on('disconnect', () => interruptible && process.exit(75))
if (!process.connected) process.exit(75)

const id = Number(process.argv[2])
if (!Number.isSafeInteger(id) || id <= 0) {
  console.error('usage: run.ts <job id> (started by the web server, with an IPC channel)')
  process.exit(2)
}

const { configureDatabase } = await import('../db.server.ts')
// Off the web server's event loop: this process may wait inside SQLite for another's write lock.
configureDatabase({ waitForLocks: 'block' })
const { runJob } = await import('../services/job-work.server.ts')
if (!process.connected) process.exit(75)

await runJob(
  id,
  // Reports are few (a solver phase, every 50,000 rows read): each goes to the server as it comes
  // (a server that has just stopped is not an error: the callback takes the failure).
  (progress) => process.connected && process.send?.({ progress }, undefined, {}, () => {}),
  () => (interruptible = false),
)
process.exit(0)

export {}
