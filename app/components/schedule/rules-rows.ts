// The rules form's values by field name, and the rows of shift types and breaks it shows.
export type Values = Record<string, string>

/** The rows to show: those with a name (kept or marked for removal) and, to add with, one blank row. */
export function rowsWithBlank(
  numbers: number[],
  values: Values,
  prefix: (n: number) => string,
  withBlank = true,
): { n: number; blank: boolean }[] {
  const named = numbers.filter((n) => (values[`${prefix(n)}.name`] ?? '').trim() !== '')
  return [...named.map((n) => ({ n, blank: false })), ...(withBlank ? [{ n: Math.max(-1, ...numbers) + 1, blank: true }] : [])]
}
