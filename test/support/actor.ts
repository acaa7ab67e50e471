// Who a service call in a test acts as: no user, like the command line (its audit rows say 'test').
import type { Actor } from '../../app/services/audit.server.ts'

export const testActor: Actor = { id: null, email: 'test' }
