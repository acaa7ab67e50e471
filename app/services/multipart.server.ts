// Reads a multipart/form-data body part by part, each part's data streamed to an upload handler
// (Remix's file and memory handlers), like Remix's unstable_parseMultipartFormData. That one's
// parser splits the Content-Disposition header at every ";" and "=", so a file named
// `export date=2026-11.csv` (or with a ";" or a quote) failed with a 500; and it had no bound on
// a part's headers. Here the header is read as browsers write it (HTML's multipart/form-data
// encoding: quoted, with `"` CR LF as %22 %0D %0A, everything else raw UTF-8), also taking
// backslash escapes and RFC 5987 `filename*`; a body that is not well-formed multipart is
// refused with 400.
import type { UploadHandler, UploadHandlerPart } from '@remix-run/node'

/** A part's header block larger than this is not a form's. */
const MAX_PART_HEADER_BYTES = 16 * 1024

const CRLF = Buffer.from('\r\n')
const HEADER_END = Buffer.from('\r\n\r\n')

const malformed = (why: string) => new Response(`Malformed form upload: ${why}`, { status: 400 })

/** The fields of a multipart request, file parts given to `uploadHandler` (parts it declines are skipped). */
export async function parseMultipartFormData(request: Request, uploadHandler: UploadHandler): Promise<FormData> {
  const boundary = multipartBoundary(request.headers.get('Content-Type'))
  if (boundary === null || !request.body) throw malformed('not a multipart/form-data body with a boundary')
  const reader = new BodyReader(request.body.getReader())
  const form = new FormData()
  try {
    for await (const part of readParts(reader, boundary)) {
      const value = await uploadHandler(part)
      // What the handler left unread of this part is skipped to reach the next.
      for await (const _ of part.data);
      if (value !== undefined && value !== null) form.append(part.name, value)
    }
  } catch (error) {
    await reader.cancel()
    throw error
  }
  return form
}

/** The boundary of a multipart/form-data Content-Type, or null. */
export function multipartBoundary(contentType: string | null): string | null {
  if (!contentType) return null
  const [type, ...rest] = splitParameters(contentType)
  if (type?.toLowerCase() !== 'multipart/form-data') return null
  const boundary = parameters(rest).get('boundary')
  // RFC 2046: 1 to 70 characters.
  return boundary && boundary.length <= 70 ? boundary : null
}

/** A part's name and file name from its Content-Disposition header, as browsers and curl write them. */
export function formDataDisposition(header: string): { name: string; filename?: string } | null {
  const [kind, ...rest] = splitParameters(header)
  if (kind?.toLowerCase() !== 'form-data') return null
  const params = parameters(rest)
  const name = params.get('name')
  if (name === undefined) return null
  const extended = params.get('filename*')
  const filename = (extended !== undefined ? decodeExtendedValue(extended) : undefined) ?? params.get('filename')
  return filename === undefined ? { name } : { name, filename }
}

/** `a; b="x;y"; c=z` → ['a', 'b="x;y"', 'c=z']: splits at the semicolons outside quotes. */
function splitParameters(header: string): string[] {
  const pieces: string[] = []
  let current = ''
  let quoted = false
  for (let i = 0; i < header.length; i++) {
    const char = header[i]!
    if (quoted && char === '\\' && (header[i + 1] === '"' || header[i + 1] === '\\')) {
      current += char + header[i + 1]
      i++
    } else if (char === '"') {
      quoted = !quoted
      current += char
    } else if (char === ';' && !quoted) {
      pieces.push(current.trim())
      current = ''
    } else {
      current += char
    }
  }
  pieces.push(current.trim())
  return pieces.filter((piece) => piece !== '')
}

/** `key=value` pieces (value a token or a quoted string) by lower-case key; the first of a key counts. */
function parameters(pieces: string[]): Map<string, string> {
  const map = new Map<string, string>()
  for (const piece of pieces) {
    const equals = piece.indexOf('=')
    if (equals < 1) continue
    const key = piece.slice(0, equals).trim().toLowerCase()
    const raw = piece.slice(equals + 1).trim()
    if (!map.has(key)) map.set(key, raw.startsWith('"') ? unquote(raw) : raw)
  }
  return map
}

/**
 * A quoted string's text: `\"` and `\\` are escapes (RFC 9110), any other backslash is itself
 * (Windows paths from old clients); then the three escapes of HTML's form encoding.
 */
function unquote(quoted: string): string {
  const inner = quoted.endsWith('"') && quoted.length > 1 ? quoted.slice(1, -1) : quoted.slice(1)
  const text = inner.replace(/\\(["\\])/g, '$1')
  return text.replace(/%(22|0D|0A)/gi, (escape) => decodeURIComponent(escape))
}

/** RFC 5987 `charset'language'percent-encoded`, in UTF-8 or ISO-8859-1; undefined if unreadable. */
function decodeExtendedValue(value: string): string | undefined {
  const match = /^([\w!#$%&+^`{}~-]+)'[^']*'(.*)$/.exec(value)
  if (!match) return undefined
  const charset = match[1]!.toLowerCase()
  if (charset !== 'utf-8' && charset !== 'iso-8859-1') return undefined
  const bytes: number[] = []
  const text = match[2]!
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '%' && /^[0-9a-f]{2}$/i.test(text.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(text.slice(i + 1, i + 3), 16))
      i += 2
    } else {
      bytes.push(...Buffer.from(text[i]!, 'latin1'))
    }
  }
  return new TextDecoder(charset === 'utf-8' ? 'utf-8' : 'latin1').decode(new Uint8Array(bytes))
}

/** Only the last segment of a path, as RFC 7578 recommends (a name that is all path stays whole). */
const baseName = (filename: string) => filename.split(/[/\\]/).pop() || filename

/** The request body with a look-ahead buffer: what was read but not yet taken. */
class BodyReader {
  buffer: Buffer = Buffer.alloc(0)
  ended = false
  constructor(private readonly reader: ReadableStreamDefaultReader<Uint8Array>) {}

  /** Reads one more chunk into the buffer; false at the end of the body. */
  async fill(): Promise<boolean> {
    if (this.ended) return false
    const { done, value } = await this.reader.read()
    if (done) {
      this.ended = true
      return false
    }
    const chunk = Buffer.from(value.buffer, value.byteOffset, value.byteLength)
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk])
    return true
  }

  take(length: number): Buffer {
    const taken = this.buffer.subarray(0, length)
    this.buffer = this.buffer.subarray(length)
    return taken
  }

  async cancel(): Promise<void> {
    await this.reader.cancel().catch(() => {})
  }
}

/**
 * The parts, one at a time: the next is read once the previous part's data has been read to its
 * end. A part's data never holds more than one chunk of the body.
 */
async function* readParts(reader: BodyReader, boundary: string): AsyncGenerator<UploadHandlerPart> {
  // Each delimiter is CRLF "--" boundary; the body's first may come without its CRLF.
  const delimiter = Buffer.from(`\r\n--${boundary}`)
  reader.buffer = CRLF
  // The preamble, before the first delimiter, is ignored.
  for await (const _ of partData(reader, delimiter));
  for (;;) {
    while (reader.buffer.length < 2) if (!(await reader.fill())) throw malformed('the body ends after a boundary')
    if (reader.buffer[0] === 0x2d && reader.buffer[1] === 0x2d) return // "--" after the last part; the epilogue is ignored
    // The rest of the boundary's line: transport padding (blanks), then CRLF, kept as the start of the header block.
    const lineEnd = await indexOf(reader, CRLF, 1024)
    if (lineEnd === -1 || reader.buffer.subarray(0, lineEnd).toString('latin1').trim() !== '') throw malformed('no line break after a boundary')
    reader.take(lineEnd)
    // CRLF, header lines each ending in CRLF, then a blank line: CRLF CRLF ends the block, headers or none.
    const blockEnd = await indexOf(reader, HEADER_END, MAX_PART_HEADER_BYTES)
    if (blockEnd === -1) throw malformed('a part’s headers do not end')
    const headers = partHeaders(reader.take(blockEnd + HEADER_END.length).subarray(CRLF.length, blockEnd).toString('utf8'))
    const disposition = formDataDisposition(headers.get('content-disposition') ?? '')
    if (!disposition) throw malformed('a part without a form-data Content-Disposition and name')
    yield {
      name: disposition.name,
      ...(disposition.filename === undefined ? {} : { filename: baseName(disposition.filename) }),
      contentType: headers.get('content-type') ?? 'text/plain',
      data: partData(reader, delimiter),
    }
  }
}

/** A part's header lines by lower-case name. */
function partHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>()
  for (const line of block.split('\r\n')) {
    if (line === '') continue
    const colon = line.indexOf(':')
    if (colon < 1) throw malformed('a part header without a name')
    headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim())
  }
  return headers
}

/** Where `needle` starts in the buffer, reading more as needed, if it starts within `within` bytes; else -1. */
async function indexOf(reader: BodyReader, needle: Buffer, within: number): Promise<number> {
  for (;;) {
    const at = reader.buffer.indexOf(needle)
    if (at !== -1) return at <= within ? at : -1
    if (reader.buffer.length > within + needle.length || !(await reader.fill())) return -1
  }
}

/**
 * A part's data: the body up to the next delimiter, which is taken off with it. All but the last
 * delimiter-length bytes can be handed on as they arrive (a delimiter cannot start before them).
 * It can be iterated again to read on where a reader stopped, and yields nothing after its end.
 */
function partData(reader: BodyReader, delimiter: Buffer): AsyncIterable<Uint8Array> {
  let ended = false
  return {
    async *[Symbol.asyncIterator]() {
      while (!ended) {
        const at = reader.buffer.indexOf(delimiter)
        if (at !== -1) {
          const last = reader.take(at)
          reader.take(delimiter.length)
          ended = true
          if (last.length > 0) yield last
          return
        }
        const safe = reader.buffer.length - (delimiter.length - 1)
        if (safe > 0) yield reader.take(safe)
        if (!(await reader.fill())) throw malformed('the body ends inside a part')
      }
    },
  }
}
