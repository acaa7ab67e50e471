// An app process that queues one import job and runs it, for the test of jobs across processes
// (test/integration-postgres/jobs-across-processes.test.ts): it prints the job's id once the job's
// own process has started, then keeps running until it is killed.
// Usage: node --import tsx test/support/job-process.ts <upload id> <bytes>
const [uploadId, bytes] = process.argv.slice(2)
const { prisma } = await import('../../app/db.server.ts')
const { enqueueJob, startJobRunner } = await import('../../app/services/job-runner.server.ts')
await startJobRunner()
const input = { uploadId, fileName: 'voz.csv', kind: 'contacts', timeZone: 'America/Sao_Paulo', mapping: {}, totalBytes: Number(bytes) }
const job = await enqueueJob('import', input, { id: null, email: 'ana@example.com' })
for (;;) {
  const row = await prisma.job.findUniqueOrThrow({ where: { id: job.id }, select: { state: true, pid: true } })
  if (row.state === 'running' && row.pid !== null) break
  if (row.state !== 'queued' && row.state !== 'running') throw new Error(`job ${job.id} ${row.state} before it could be killed`)
  await new Promise((resolve) => setTimeout(resolve, 20))
}
console.log(JSON.stringify({ jobId: job.id }))
setInterval(() => {}, 60_000)
export {}
