// A multipart/form-data body read by busboy (multer's parser; fastify's is a fork of it), each part
// streamed to a Remix upload handler as Remix's unstable_parseMultipartFormData does: that one's
// parser splits Content-Disposition at every ";" and "=", so `export date=2026-11.csv` answered 500.
import { Readable } from 'node:stream'
import type { ReadableStream as NodeReadableStream } from 'node:stream/web'
import type { UploadHandler, UploadHandlerPart } from '@remix-run/node'
import busboy from 'busboy'

/** More parts than this is not a form of ours (busboy also bounds a part's header block to 16 KB). */
const MAX_PARTS = 50
/** A field (not a file) larger than this is refused; the route's memory handler may allow less. */
const MAX_FIELD_BYTES = 64 * 1024

const malformed = (why: string) => new Response(`Malformed form upload: ${why}`, { status: 400 })

/**
 * The fields of a multipart request, file parts given to `uploadHandler` (parts it declines are
 * skipped), in the body's order. What the handler throws is thrown as is (MaxPartSizeExceededError
 * among them); a body that is not well-formed multipart, or over the limits above, is refused with
 * a 400 Response; a body that fails to arrive (cut at its ceiling, the client gone) throws its error.
 */
export async function parseMultipartFormData(request: Request, uploadHandler: UploadHandler): Promise<FormData> {
  const contentType = request.headers.get('Content-Type') ?? ''
  // busboy would also read an urlencoded body.
  if (!/^\s*multipart\/form-data\s*;/i.test(contentType) || !request.body) throw malformed('not a multipart/form-data body')
  let parser: busboy.Busboy
  try {
    parser = busboy({
      headers: { 'content-type': contentType },
      // Browsers send names as raw UTF-8 (busboy's default reads them as Latin-1).
      defParamCharset: 'utf8',
      // Paths are cut below, keeping a name that is all path whole.
      preservePath: true,
      // busboy says "limit" once the MAX_PARTS + 1st part has ended, and marks a field of the limit's size truncated.
      limits: { parts: MAX_PARTS + 1, fieldSize: MAX_FIELD_BYTES + 1 },
    })
  } catch {
    throw malformed('no boundary')
  }
  const body = Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>)
  const form = new FormData()

  return new Promise<FormData>((resolve, reject) => {
    let stopped = false
    const stop = (error: unknown) => {
      if (stopped) return
      stopped = true
      body.unpipe(parser)
      body.destroy()
      parser.destroy()
      reject(error)
    }
    // Parts are handed on one at a time, in order: busboy holds back the body while a file's
    // stream is full, so a part waiting its turn keeps at most a stream's buffer.
    let queue = Promise.resolve()
    const next = (work: () => Promise<void>) => {
      queue = queue.then(() => (stopped ? undefined : work())).catch(stop)
    }
    const handle = async (part: UploadHandlerPart) => {
      const value = await uploadHandler(part)
      // What the handler left unread of this part is skipped to reach the next.
      for await (const _ of part.data);
      if (value !== undefined && value !== null) form.append(part.name, value)
    }

    parser.on('file', (name: string | undefined, stream, { filename, mimeType }) => {
      // Its failure reaches whoever reads it; one never read (the parse stopped) must not crash the process.
      stream.on('error', () => {})
      if (name === undefined) return stop(malformed('a part without a name'))
      // The handler may stop reading mid-way: the stream stays readable for the rest to be skipped.
      const data = { [Symbol.asyncIterator]: () => stream.iterator({ destroyOnReturn: false }) }
      next(async () => {
        try {
          await handle({
            name: formName(name),
            ...(filename === undefined ? {} : { filename: baseName(formName(filename)) }),
            contentType: mimeType,
            data,
          })
        } catch (error) {
          // The part's stream fails only with busboy's own error (the body ended inside the part):
          // a malformed body, whether or not busboy's "error" came first.
          throw error === stream.errored ? malformed((error as Error).message) : error
        }
      })
    })
    parser.on('field', (name: string | undefined, value, { valueTruncated, mimeType }) => {
      if (name === undefined) return stop(malformed('a part without a name'))
      if (valueTruncated) return stop(malformed(`a field over ${MAX_FIELD_BYTES} bytes`))
      next(() => handle({ name: formName(name), contentType: mimeType, data: chunks(Buffer.from(value)) }))
    })
    parser.on('partsLimit', () => stop(malformed(`more than ${MAX_PARTS} parts`)))
    parser.on('error', (error: Error) => stop(malformed(error.message)))
    parser.on('finish', () => next(async () => resolve(form)))
    body.on('error', stop)
    body.pipe(parser)
  })
}

/** A field's value as the data of a part. */
async function* chunks(...data: Uint8Array[]) {
  yield* data
}

/** HTML's form encoding writes `"`, CR and LF in names as %22, %0D, %0A; everything else is raw. */
const formName = (name: string) => name.replace(/%(22|0D|0A)/gi, (escape) => decodeURIComponent(escape))

/** Only the last segment of a path, as RFC 7578 recommends (a name that is all path stays whole). */
const baseName = (filename: string) => filename.split(/[/\\]/).pop() || filename
