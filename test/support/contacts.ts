// Test data writer: contacts go in through the same aggregation as the demo and imports, on
// either database.
import { withWrite } from '../../app/db/queries.server.ts'
import { markChannelTouched, refreshTouched } from '../../app/services/interval-stats.server.ts'

export interface TestContact {
  channelId: number
  externalId: string
  /** ISO instant with offset, e.g. "2026-11-01T01:30:00-04:00". */
  arrivedAt: string
  outcome: 'answered' | 'abandoned'
  waitSec: number
  handleSec: number
  fcr?: boolean
  nps?: number
}

export async function insertContacts(contacts: TestContact[]): Promise<void> {
  await withWrite(async (writer) => {
    await writer.insertRows(
      'Contact',
      { channelId: 'int', externalId: 'text', arrivedAt: 'instant', outcome: 'text', waitSec: 'float', handleSec: 'float', fcr: 'bool', nps: 'int' },
      contacts.map((c) => [c.channelId, c.externalId, Date.parse(c.arrivedAt), c.outcome, c.waitSec, c.handleSec, c.fcr ?? null, c.nps ?? null]),
    )
    for (const channelId of new Set(contacts.map((c) => c.channelId))) await markChannelTouched(writer, channelId)
    await refreshTouched(writer)
  })
}
