import { prisma } from '../db.server.ts'

/** Liveness and database check for load balancers and the test harness. */
export async function loader() {
  await prisma.$queryRawUnsafe('SELECT 1')
  return new Response('OK', { headers: { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' } })
}
