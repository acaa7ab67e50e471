// The Data page's mapping step: an upload is previewed with the columns found, and the import does
// not start while a required column has no column of the file — the server refuses it too.
import { existsSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { prisma } from '../../app/db.server.ts'
import { createI18n } from '../../app/i18n/i18n.ts'
import { action as dataAction } from '../../app/routes/data.tsx'
import { getImportJob, uploadPath, type UploadPreview } from '../../app/services/uploads.server.ts'
import { signedInAs, SITE } from '../support/session.ts'

let cookie: string

beforeAll(async () => {
  await prisma.operation.create({ data: { id: 1, name: 'SP', timeZone: 'America/New_York' } })
  cookie = (await signedInAs('analyst')).cookie
})

type MappingAnswer = { status: 'done' | 'refused'; form: 'upload' | 'mapping'; preview: UploadPreview }

/** The action's answer: its status and data, or where it redirects. */
async function answer(request: Request): Promise<{ status: number; data: MappingAnswer | null; location: string | null }> {
  const outcome = (await dataAction({ request, params: {}, context: {} })) as unknown
  if (outcome instanceof Response) return { status: outcome.status, data: null, location: outcome.headers.get('Location') }
  const { data, init } = outcome as { data: MappingAnswer; init: ResponseInit | null }
  return { status: init?.status ?? 200, data, location: null }
}

/** Step 1: the file as the browser uploads it. */
function upload(name: string, content: string): Request {
  const body = new FormData()
  body.append('file', new File([content], name, { type: 'text/csv' }))
  body.append('kind', 'intervals')
  body.append('timeZone', 'America/New_York')
  return new Request(`${SITE}/data`, { method: 'POST', body, headers: { Origin: SITE, Cookie: cookie } })
}

/** Step 2: the mapping as the page posts it (URL-encoded), every column of ours with its choice. */
function mapping(preview: UploadPreview, choices: Record<string, string>): Request {
  const columns = [...preview.required, ...preview.optional]
  const body = new URLSearchParams([
    ['uploadId', preview.uploadId],
    ['fileName', preview.fileName],
    ['kind', 'intervals'],
    ['timeZone', 'America/New_York'],
    ...columns.map((column): [string, string] => [`map.${column}`, choices[column] ?? '']),
  ])
  return new Request(`${SITE}/data`, { method: 'POST', body, headers: { Origin: SITE, Cookie: cookie } })
}

describe('the mapping step', () => {
  it('finds the columns of a calls-per-interval export by themselves, and imports it', async () => {
    const step1 = await answer(upload('bank.csv', 'datetime,channel,calls\n2003-03-03 07:00:00,Bank,300\n2003-03-03 07:15:00,Bank,280\n'))
    expect(step1.status).toBe(200)
    const { preview } = step1.data!
    expect(preview.proposed).toEqual({ interval_start: 'datetime', channel: 'channel', offered: 'calls' })
    expect(preview.missing).toEqual([])
    const step2 = await answer(mapping(preview, preview.proposed))
    expect(step2.status).toBe(302)
    const jobId = Number(/^\/data\?job=(\d+)$/.exec(step2.location!)![1])
    await expect.poll(async () => (await getImportJob(jobId))?.state, { timeout: 30_000 }).toBe('done')
    expect((await getImportJob(jobId))!.result).toMatchObject({ status: 'imported', inserted: 2, channelsCreated: ['bank'] })
    // Read whole and imported: its file is gone.
    expect(existsSync(uploadPath(preview.uploadId))).toBe(false)
  })

  it('refuses to go on while a required column has none, naming it in both languages; nothing is imported', async () => {
    const step1 = await answer(upload('volume.csv', 'datetime,calls\n2003-03-03 07:00:00,300\n'))
    const { preview } = step1.data!
    expect(preview.missing).toEqual(['channel'])
    const runs = await prisma.importRun.count()

    const refused = await answer(mapping(preview, { interval_start: 'datetime', offered: 'calls' }))
    expect(refused.status).toBe(400)
    expect(refused.data).toMatchObject({ status: 'refused', form: 'mapping' })
    expect(refused.data!.preview.missing).toEqual(['channel'])
    // The page shows the choice made, not what was found by itself.
    expect(refused.data!.preview.proposed).toEqual({ interval_start: 'datetime', offered: 'calls' })
    expect(await prisma.job.count({ where: { input: { contains: preview.uploadId } } })).toBe(0)
    expect(await prisma.importRun.count()).toBe(runs)
    expect(existsSync(uploadPath(preview.uploadId))).toBe(true) // still there to map again

    const columns = refused.data!.preview.missing.join(', ')
    expect(createI18n('pt-BR').t('data.unmapped', { columns })).toMatch(/^Escolha a coluna do arquivo para channel/)
    expect(createI18n('en').t('data.unmapped', { columns })).toMatch(/^Choose the column of the file for channel/)
  })

  it('leaves out an optional column mapped to none, even one it found by its name', async () => {
    const step1 = await answer(upload('agents.csv', 'interval_start,channel,offered,agents\n2003-03-04 07:00,Bank,10,4\n'))
    const { preview } = step1.data!
    expect(preview.proposed).toMatchObject({ agents_staffed: 'agents' })
    const step2 = await answer(mapping(preview, { ...preview.proposed, agents_staffed: '' }))
    expect(step2.status).toBe(302)
    const jobId = Number(/^\/data\?job=(\d+)$/.exec(step2.location!)![1])
    await expect.poll(async () => (await getImportJob(jobId))?.state, { timeout: 30_000 }).toBe('done')
    const stored = await prisma.intervalStat.findFirstOrThrow({ where: { start: new Date('2003-03-04T12:00:00Z') } })
    expect(stored).toMatchObject({ offered: 10, agentsStaffed: null })
  })
})
