// Bytes of an uploaded or local CSV file → parsed records with their line numbers, streaming:
// the file is never held in memory. Encoding: UTF-8 with or without BOM, or Latin-1
// (Windows-1252, what Brazilian tools often export), decided from the first megabyte.
// Separator: ',', ';' or tab, whichever the header line uses most.
import { createReadStream } from 'node:fs'
import { Transform, type Readable } from 'node:stream'
import { parse, CsvError } from 'csv-parse'
import { ImportProblem } from '../domain/import/errors.ts'

const SNIFF_BYTES = 1 << 20
export const MAX_LINE_CHARS = 1 << 20

/** What cannot be read at all: the whole file is refused. */
export class UnreadableFile extends ImportProblem {}

export type Encoding = 'utf-8' | 'windows-1252'

export interface CsvRecord {
  fields: string[]
  /** 1-based line number in the file (the header is line 1). */
  line: number
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    // A multi-byte character cut at the end of the sample is not an error: stream mode.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true })
    return true
  } catch {
    return false
  }
}

/** Decodes bytes to text, deciding the encoding from the first megabyte. */
class Decoder extends Transform {
  #pending: Buffer[] = []
  #pendingBytes = 0
  #decoder: TextDecoder | undefined
  #bytes = 0
  encoding: Encoding | undefined

  constructor(
    private readonly onBytes?: (bytes: number) => void,
    private readonly known?: Encoding,
  ) {
    super({ readableObjectMode: false, decodeStrings: true })
  }

  #decide(): void {
    const sample = Buffer.concat(this.#pending)
    if (sample.includes(0)) throw new UnreadableFile('binary')
    const bom = sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf
    this.encoding = this.known ?? (bom || isUtf8(sample) ? 'utf-8' : 'windows-1252')
    this.#decoder = new TextDecoder(this.encoding, { fatal: this.encoding === 'utf-8', ignoreBOM: false })
    const text = this.#decoder.decode(sample, { stream: true })
    this.#pending = []
    if (text) this.push(text)
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    try {
      this.#bytes += chunk.length
      this.onBytes?.(this.#bytes)
      if (this.#decoder) {
        if (chunk.includes(0)) throw new UnreadableFile('binary')
        const text = this.#decoder.decode(chunk, { stream: true })
        if (text) this.push(text)
      } else {
        this.#pending.push(chunk)
        this.#pendingBytes += chunk.length
        if (this.#pendingBytes >= SNIFF_BYTES) this.#decide()
      }
      done()
    } catch (error) {
      done(error instanceof TypeError ? new UnreadableFile('notUtf8') : (error as Error))
    }
  }

  override _flush(done: (error?: Error | null) => void): void {
    try {
      if (!this.#decoder) this.#decide()
      const text = this.#decoder!.decode()
      if (text) this.push(text)
      done()
    } catch (error) {
      done(error as Error)
    }
  }
}

/**
 * The encoding of a whole file: UTF-8 if every byte sequence is valid UTF-8, else Latin-1
 * (Windows-1252). For files on disk, where a first accented letter may come late.
 */
export async function detectFileEncoding(file: string): Promise<Encoding> {
  const decoder = new TextDecoder('utf-8', { fatal: true })
  try {
    for await (const chunk of createReadStream(file)) decoder.decode(chunk as Buffer, { stream: true })
    decoder.decode()
    return 'utf-8'
  } catch (error) {
    if (error instanceof TypeError) return 'windows-1252'
    throw error
  }
}

/** The separator the header line uses most (',' when it uses none). */
export function detectDelimiter(headerLine: string): ',' | ';' | '\t' {
  let best: ',' | ';' | '\t' = ','
  let bestCount = 0
  for (const candidate of [',', ';', '\t'] as const) {
    let count = 0
    let quoted = false
    for (const char of headerLine) {
      if (char === '"') quoted = !quoted
      else if (!quoted && char === candidate) count++
    }
    if (count > bestCount) {
      best = candidate
      bestCount = count
    }
  }
  return best
}

export interface CsvReader {
  encoding: () => Encoding | undefined
  delimiter: () => string | undefined
  header: () => string[] | undefined
  records: AsyncIterable<CsvRecord>
}

/**
 * Streams the records of a CSV file: the header first (as `header()`), then data records.
 * Throws UnreadableFile for what cannot be read at all (binary, broken quoting, a line over
 * 1 MB characters), with the line where it happened.
 */
export function readCsv(source: Readable, onBytes?: (bytes: number) => void, encoding?: Encoding): CsvReader {
  const decoder = new Decoder(onBytes, encoding)
  let delimiter: string | undefined
  let header: string[] | undefined

  async function* records(): AsyncGenerator<CsvRecord> {
    const text = source.pipe(decoder)
    source.on('error', (error) => decoder.destroy(error))
    // Find the header line to choose the separator, then hand everything to csv-parse.
    let buffered = ''
    const iterator = text[Symbol.asyncIterator]()
    for (;;) {
      const next = await iterator.next()
      if (next.done) break
      buffered += String(next.value)
      if (buffered.includes('\n') || buffered.length > MAX_LINE_CHARS) break
    }
    const firstLine = buffered.split(/\r?\n/, 1)[0]!.replace(/^\uFEFF/, '')
    delimiter = detectDelimiter(firstLine)
    const parser = parse({
      delimiter,
      bom: true,
      relax_column_count: true,
      max_record_size: MAX_LINE_CHARS,
    })
    // Back-pressure: wait for the parser to drain (or to be closed by an error or an early stop).
    const drained = () =>
      new Promise<void>((resolve) => {
        const done = () => {
          parser.off('drain', done)
          parser.off('close', done)
          resolve()
        }
        parser.on('drain', done)
        parser.on('close', done)
      })
    // csv-parse's record limit counts field characters only, so a line of a million commas
    // would pass it and grow without bound: lines are measured here, before parsing.
    let sinceNewline = 0
    let lines = 1
    // Line breaks are \n, \r\n or a lone \r (old Mac and some Excel exports).
    const measure = (text: string) => {
      for (let from = 0; ; ) {
        const lf = text.indexOf('\n', from)
        const cr = text.indexOf('\r', from)
        const newline = lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr)
        const end = newline === -1 ? text.length : newline
        sinceNewline += end - from
        if (sinceNewline > MAX_LINE_CHARS) throw new UnreadableFile('lineTooLong', { max: MAX_LINE_CHARS, where: ` at line ${lines}` })
        if (newline === -1) return text
        sinceNewline = 0
        lines++
        from = text[newline] === '\r' && text[newline + 1] === '\n' ? newline + 2 : newline + 1
      }
    }
    const feed = (async () => {
      try {
        if (buffered && !parser.write(measure(buffered))) await drained()
        while (!parser.destroyed) {
          const next = await iterator.next()
          if (next.done) break
          if (!parser.destroyed && !parser.write(measure(String(next.value)))) await drained()
        }
        if (!parser.destroyed) parser.end()
      } catch (error) {
        parser.destroy(error as Error)
      } finally {
        await iterator.return?.()
      }
    })()
    try {
      // Line numbers are counted here (csv-parse's per-record info costs ~1.7 s per million
      // rows): each record takes one line plus the line breaks inside its quoted fields, and
      // empty lines, which come as one empty field, are skipped but counted.
      let line = 0
      for await (const record of parser as AsyncIterable<string[]>) {
        let breaks = 0
        for (const field of record) if (field.includes('\n')) breaks += field.split('\n').length - 1
        const first = line + 1
        line += 1 + breaks
        if (record.length === 1 && record[0] === '') continue
        if (header === undefined) {
          header = record.map((h) => h.trim())
          continue
        }
        yield { fields: record, line: first + breaks }
      }
    } catch (error) {
      if (error instanceof UnreadableFile) throw error
      if (error instanceof CsvError) {
        const line = (error as CsvError & { lines?: number }).lines
        const where = line ? ` at line ${line}` : ''
        if (error.code === 'CSV_MAX_RECORD_SIZE') throw new UnreadableFile('lineTooLong', { max: MAX_LINE_CHARS, where })
        throw new UnreadableFile('unreadable', { where, detail: error.message })
      }
      throw error
    } finally {
      parser.destroy()
      await feed
    }
  }

  return { encoding: () => decoder.encoding, delimiter: () => delimiter, header: () => header, records: records() }
}
