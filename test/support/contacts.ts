// Test data writer: contacts go in through the same aggregation as the demo and imports.
import { withWriteTransaction } from '../../app/db.server.ts'
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
  await withWriteTransaction((db) => {
    const insert = db.prepare(
      `INSERT INTO Contact (channelId, externalId, arrivedAt, outcome, waitSec, handleSec, fcr, nps)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    for (const c of contacts) {
      const fcr = c.fcr === undefined ? null : c.fcr ? 1 : 0
      insert.run(c.channelId, c.externalId, Date.parse(c.arrivedAt), c.outcome, c.waitSec, c.handleSec, fcr, c.nps ?? null)
    }
    for (const channelId of new Set(contacts.map((c) => c.channelId))) markChannelTouched(db, channelId)
    refreshTouched(db)
  })
}
