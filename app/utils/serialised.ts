// Large, kept views cross to the browser as JSON text. Remix's single fetch encodes loader data
// value by value (turbo-stream), ~2 ms per request for the Review's ~5,000 values; a kept string is
// encoded as one value, and the browser parses it once per distinct text. Only for plain data:
// numbers, strings, booleans, null, arrays and objects (no Date, Map or undefined).
import { useMemo } from 'react'

/** JSON text of a `T`, typed so that only `deserialise` turns it back into one. */
export type Serialised<T> = string & { readonly __serialised: T }

/**
 * With `significantDigits`, fractions are rounded to that many significant digits (but never into
 * their whole part): for figures only shown (a rate to 0.1%, seconds of TMA, a forecast total), 6
 * digits are exact on screen and cut the Review's text by a fifth. Whole numbers (counts, instants
 * in ms) are never touched.
 */
export function serialise<T>(value: T, options: { significantDigits?: number } = {}): Serialised<T> {
  const digits = options.significantDigits
  if (digits === undefined) return JSON.stringify(value) as Serialised<T>
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'number' && !Number.isInteger(v) && Number.isFinite(v) ? roundFraction(v, digits) : v,
  ) as Serialised<T>
}

/** `digits` significant digits, but never fewer than the whole part and one decimal (1234567.89 → 1234567.9). */
function roundFraction(v: number, digits: number): number {
  const wholeDigits = Math.floor(Math.log10(Math.abs(v))) + 1
  return Number(v.toPrecision(Math.min(100, Math.max(digits, wholeDigits + 1))))
}

export function deserialise<T>(text: Serialised<T>): T {
  return JSON.parse(text) as T
}

/** The value, parsed again only when the text changes (a revalidation that changed nothing keeps it). */
export function useDeserialised<T>(text: Serialised<T>): T
export function useDeserialised<T>(text: Serialised<T> | null): T | null
export function useDeserialised<T>(text: Serialised<T> | null): T | null {
  return useMemo(() => (text === null ? null : deserialise(text)), [text])
}
