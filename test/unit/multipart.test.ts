import { MaxPartSizeExceededError, unstable_createMemoryUploadHandler as memoryHandler, type UploadHandler } from '@remix-run/node'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseMultipartFormData } from '../../app/services/multipart.server.ts'

const BOUNDARY = '----WebKitFormBoundaryq2bVh5N4bWmTuCzN'

interface Part {
  /** The Content-Disposition header's value as the client writes it. */
  disposition: string
  type?: string
  data: string | Uint8Array
}

/** A multipart body as browsers send it (or as a test bends it). */
function multipart(parts: Part[], { preamble = '', epilogue = '', boundary = BOUNDARY } = {}): Buffer {
  const pieces: Buffer[] = [Buffer.from(preamble)]
  for (const part of parts) {
    pieces.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${part.disposition}\r\n`))
    if (part.type) pieces.push(Buffer.from(`Content-Type: ${part.type}\r\n`))
    pieces.push(Buffer.from('\r\n'), Buffer.from(part.data), Buffer.from('\r\n'))
  }
  pieces.push(Buffer.from(`--${boundary}--\r\n${epilogue}`))
  return Buffer.concat(pieces)
}

/** HTML's multipart/form-data encoding of a name: quoted, with `"` CR LF percent-escaped. */
const quoted = (name: string) => `"${name.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}"`

/** A request whose body arrives in pieces cut at `cuts` (byte offsets). */
function request(body: Buffer, cuts: number[] = [], contentType = `multipart/form-data; boundary=${BOUNDARY}`): Request {
  const edges = [0, ...[...new Set(cuts)].filter((c) => c > 0 && c < body.length).sort((a, b) => a - b), body.length]
  const chunks = edges.slice(1).map((end, i) => body.subarray(edges[i], end))
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks.shift()
      if (chunk) controller.enqueue(new Uint8Array(chunk))
      else controller.close()
    },
  })
  return new Request('http://localhost/data', { method: 'POST', body: stream, duplex: 'half', headers: { 'Content-Type': contentType } } as RequestInit)
}

/** A request whose body comes from `chunks` as they are asked for, counting the bytes handed over. */
function pulledRequest(chunks: Iterator<Uint8Array>, error?: Error) {
  const read = { bytes: 0, cancelled: false }
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks.next()
      if (!next.done) {
        read.bytes += next.value.byteLength
        controller.enqueue(next.value)
      } else if (error) controller.error(error)
      else controller.close()
    },
    cancel() {
      read.cancelled = true
    },
  })
  const req = new Request('http://localhost/data', { method: 'POST', body, duplex: 'half', headers: { 'Content-Type': `multipart/form-data; boundary=${BOUNDARY}` } } as RequestInit)
  return { req, read }
}

/** A form with one file of `megabytes` MB, sent in 64 KB chunks. */
function* bigUpload(megabytes: number) {
  yield Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\n\r\n`)
  for (let i = 0; i < megabytes * 16; i++) yield Buffer.alloc(64 * 1024, 'a')
  yield Buffer.from(`\r\n--${BOUNDARY}\r\nContent-Disposition: form-data; name="kind"\r\n\r\ncontacts\r\n--${BOUNDARY}--\r\n`)
}

const parse = (req: Request, handler: UploadHandler = memoryHandler({ maxPartSize: 1 << 20 })) => parseMultipartFormData(req, handler)

async function refusal(run: Promise<unknown>): Promise<number> {
  try {
    await run
  } catch (error) {
    if (error instanceof Response) return error.status
    throw error
  }
  throw new Error('not refused')
}

const csv = 'interval_start,channel,offered\r\n2026-11-20T08:00,voz,10\r\n'

describe('multipart form uploads', () => {
  it('reads the fields and the file of the upload form', async () => {
    const form = await parse(
      request(
        multipart([
          { disposition: 'form-data; name="file"; filename="ouvidoria.csv"', type: 'text/csv', data: csv },
          { disposition: 'form-data; name="kind"', data: 'intervals' },
          { disposition: 'form-data; name="timeZone"', data: 'America/Sao_Paulo' },
        ]),
      ),
    )
    const file = form.get('file') as File
    expect(file.name).toBe('ouvidoria.csv')
    expect(file.type).toBe('text/csv')
    await expect(file.text()).resolves.toBe(csv)
    expect(form.get('kind')).toBe('intervals')
    expect(form.get('timeZone')).toBe('America/Sao_Paulo')
  })

  it('keeps any file name a browser sends: "=", ";", quotes, line breaks, unicode; a path only by its last part', async () => {
    const names = ['export date=2026-11.csv', 'a;b.csv', 'quo"te.csv', "it's.csv", 'semi;colon=equals "q".csv', 'ünïcødé 名前.csv', '100%.csv', 'two\nlines.csv', ' spaced .csv']
    for (const name of names) {
      const form = await parse(request(multipart([{ disposition: `form-data; name="file"; filename=${quoted(name)}`, data: csv }])))
      expect((form.get('file') as File).name, name).toBe(name)
    }
    for (const [sent, kept] of [
      ['C:\\x\\y.csv', 'y.csv'],
      ['../../etc/passwd', 'passwd'],
      ['dir/', 'dir/'],
    ]) {
      const form = await parse(request(multipart([{ disposition: `form-data; name="file"; filename="${sent}"`, data: csv }])))
      expect((form.get('file') as File).name, sent).toBe(kept)
    }
  })

  it('reads the other ways clients write the header: backslash escapes, bare tokens, RFC 5987 filename*; any boundary', async () => {
    const fileName = async (disposition: string) => ((await parse(request(multipart([{ disposition, data: csv }])))).get('file') as File).name
    expect(await fileName('form-data; name="file"; filename="quo\\"te.csv"')).toBe('quo"te.csv')
    expect(await fileName('Form-Data; NAME="file"; filename=plain.csv')).toBe('plain.csv')
    expect(await fileName(`form-data; name="file"; filename="uber.csv"; filename*=UTF-8''%C3%BCber%20%E2%82%AC.csv`)).toBe('über €.csv')
    expect(await fileName(`form-data; name="file"; filename*=iso-8859-1'pt'relat%F3rio.csv`)).toBe('relatório.csv')
    const field = { disposition: 'form-data; name=kind', data: 'intervals' }
    expect((await parse(request(multipart([field])))).get('kind')).toBe('intervals')
    // A part that is not form-data is left out.
    const other = await parse(request(multipart([{ disposition: 'attachment; name="x"', data: 'x' }, field])))
    expect([...other.keys()]).toEqual(['kind'])
    for (const [boundary, contentType] of [
      ['a;b', 'multipart/form-data; boundary="a;b"'],
      ['xyz', 'multipart/form-data; charset=utf-8; boundary=xyz'],
    ] as const) {
      const form = await parse(request(multipart([field], { boundary }), [], contentType))
      expect(form.get('kind'), contentType).toBe('intervals')
    }
  })

  it('gives the same parts however the body is cut into chunks', async () => {
    // Data that looks like the start of a delimiter, and bytes that are not UTF-8.
    const tricky = Buffer.concat([Buffer.from(`a\r\n--${BOUNDARY.slice(0, 20)}\r\n-`), Buffer.from([0xff, 0x00, 0x0d]), Buffer.from('\r\n--')])
    const body = multipart(
      [
        { disposition: 'form-data; name="file"; filename="x.csv"', type: 'text/csv', data: tricky },
        { disposition: 'form-data; name="kind"', data: 'contacts' },
        { disposition: 'form-data; name="empty"', data: '' },
      ],
      { preamble: 'ignored preamble\r\n', epilogue: 'ignored epilogue' },
    )
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: body.length - 1 }), { maxLength: 12 }), async (cuts) => {
        const form = await parse(request(body, cuts))
        expect(Buffer.from(await (form.get('file') as File).arrayBuffer()).equals(tricky)).toBe(true)
        expect(form.get('kind')).toBe('contacts')
        expect(form.get('empty')).toBe('')
      }),
      { numRuns: 150 },
    )
    // Every single cut, too.
    for (let cut = 1; cut < body.length; cut++) {
      const form = await parse(request(body, [cut]))
      expect(form.get('kind')).toBe('contacts')
    }
  })

  it('skips a part its handler declines or stops reading', async () => {
    const body = multipart([
      { disposition: 'form-data; name="other"; filename="skip.bin"', data: 'x'.repeat(200_000) },
      { disposition: 'form-data; name="file"; filename="half.csv"', data: 'y'.repeat(200_000) },
      { disposition: 'form-data; name="kind"', data: 'intervals' },
    ])
    const firstChunkOnly: UploadHandler = async (part) => {
      if (part.name === 'other') return undefined
      if (part.name === 'file') {
        for await (const chunk of part.data) return `${chunk.byteLength > 0}`
      }
      return memoryHandler()(part)
    }
    const form = await parse(request(body, [1000, 70_000, 150_000, 300_000]), firstChunkOnly)
    expect([...form.keys()]).toEqual(['file', 'kind'])
    expect(form.get('kind')).toBe('intervals')
  })

  it('refuses with 400 a body that is not well-formed multipart', async () => {
    const file = { disposition: 'form-data; name="file"; filename="x.csv"', data: csv }
    const whole = multipart([file])
    expect(await refusal(parse(request(whole, [], 'multipart/form-data')))).toBe(400)
    expect(await refusal(parse(request(whole, [], 'text/plain; boundary=x')))).toBe(400)
    // Cut short: inside the data, before the closing delimiter.
    expect(await refusal(parse(request(whole.subarray(0, whole.length - 30))))).toBe(400)
    expect(await refusal(parse(request(Buffer.from(`--${BOUNDARY}\r\n`))))).toBe(400)
    // A part without a name, headers that never end, a header line without a colon.
    expect(await refusal(parse(request(multipart([{ ...file, disposition: 'form-data; filename="x.csv"' }]))))).toBe(400)
    expect(await refusal(parse(request(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="a"; x="${'z'.repeat(20_000)}"\r\n\r\nv\r\n--${BOUNDARY}--`))))).toBe(400)
    expect(await refusal(parse(request(Buffer.from(`--${BOUNDARY}\r\nno colon here\r\n\r\nv\r\n--${BOUNDARY}--`))))).toBe(400)
    // No delimiter at all.
    expect(await refusal(parse(request(Buffer.from('just some text'))))).toBe(400)
  })

  it('bounds the parts and the size of a field, refusing more with 400', async () => {
    const field = (i: number) => ({ disposition: `form-data; name="f${i}"`, data: 'v' })
    const fifty = await parse(request(multipart(Array.from({ length: 50 }, (_, i) => field(i)))))
    expect([...fifty.keys()]).toHaveLength(50)
    expect(await refusal(parse(request(multipart(Array.from({ length: 51 }, (_, i) => field(i))))))).toBe(400)
    const sized = (bytes: number) => parse(request(multipart([{ disposition: 'form-data; name="note"', data: 'n'.repeat(bytes) }])))
    expect(((await sized(64 * 1024)).get('note') as string).length).toBe(64 * 1024)
    expect(await refusal(sized(64 * 1024 + 1))).toBe(400)
  })

  it('reads the body only as fast as the handler takes a file', async () => {
    const { req, read } = pulledRequest(bigUpload(20))
    let holding!: () => void
    let release!: () => void
    const held = new Promise<void>((resolve) => (holding = resolve))
    const released = new Promise<void>((resolve) => (release = resolve))
    let whileHeld = 0
    const slow: UploadHandler = async (part) => {
      if (part.name !== 'file') return memoryHandler()(part)
      let bytes = 0
      for await (const chunk of part.data) {
        if (bytes === 0) {
          // The handler holds its first chunk a while: the body must stop being read meanwhile.
          await new Promise((resolve) => setTimeout(resolve, 100))
          whileHeld = read.bytes
          holding()
          await released
        }
        bytes += chunk.byteLength
      }
      return String(bytes)
    }
    const parsed = parse(req, slow)
    await held
    release()
    const form = await parsed
    expect(form.get('file')).toBe(String(20 * 1024 * 1024))
    expect(form.get('kind')).toBe('contacts')
    expect(whileHeld).toBeGreaterThan(0)
    expect(whileHeld).toBeLessThan(1024 * 1024)
  })

  it('throws what the handler throws, MaxPartSizeExceededError as it is, and stops reading the body', async () => {
    const { req, read } = pulledRequest(bigUpload(20))
    await expect(parse(req, memoryHandler({ maxPartSize: 1024 * 1024 }))).rejects.toBeInstanceOf(MaxPartSizeExceededError)
    expect(read.cancelled).toBe(true)
    expect(read.bytes).toBeLessThan(3 * 1024 * 1024)
  })

  it('throws the body’s own failure as it is, not as a malformed form', async () => {
    const cut = new Error('The request body is over 1024 bytes')
    // The body fails inside the file, after a few chunks.
    const { req } = pulledRequest([...bigUpload(1)].slice(0, 5).values(), cut)
    await expect(parse(req)).rejects.toBe(cut)
  })
})
