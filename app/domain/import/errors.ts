// Why a file or a row is refused, as a code with parameters: the CLI and logs print the English
// sentence below, pages show the same in the user's language (app/i18n: importErrors.*).

export const importErrorTemplates = {
  empty: '{{column}} is empty',
  tooLong: '{{column}} is longer than {{max}} characters',
  notNumber: '{{column}} "{{value}}" is not a number',
  negative: '{{column}} {{value}} is negative',
  notWhole: '{{column}} {{value}} is not a whole number',
  overDays: '{{column}} {{value}} is more than {{days}} days',
  overLimit: '{{column}} {{value}} is more than {{max}} in one interval',
  notDateTime: '{{column}}: "{{value}}" is not a date-time like 2026-11-24 08:15:00',
  invalidDateTime: '{{column}}: "{{value}}" is not a valid date-time',
  noSuchDate: '{{column}}: no such date: {{value}}',
  notOffset: '{{column}}: "{{value}}" is not a UTC offset',
  dstGap: '{{column}}: {{value}} does not exist in {{timeZone}} (the clocks skipped it: DST gap)',
  outsideDates: '{{column}}: {{value}} is outside the dates accepted, {{earliest}} to {{latest}}',
  outcome: 'outcome "{{value}}" is neither answered nor abandoned',
  abandonedWithHandle: 'an abandoned contact has handle_seconds {{value}} (expected 0)',
  fcr: 'fcr "{{value}}" is neither true nor false',
  npsRange: 'nps {{value}} is outside 0–10',
  offGrid: 'interval_start is not on a 15-minute boundary',
  exceedOffered: 'answered {{answered}} + abandoned {{abandoned}} exceed offered {{offered}}',
  exceedsOffered: '{{column}} {{value}} exceeds offered {{offered}}',
  needsOffered: '{{column}} needs offered, in this row or imported before for this interval',
  withinExceedsAnswered: 'answered_within_threshold {{within}} exceeds answered {{answered}}',
  columnCount: 'has {{count}} column(s), the header has {{expected}}',
  duplicateId: 'contact_id "{{id}}" appears again (first on line {{first}})',
  duplicateInterval: 'interval {{start}} of channel "{{channel}}" appears again (first on line {{first}})',
  mappedMissing: 'mapped column(s) not in the file: {{columns}}',
  missingColumns: 'missing column(s): {{columns}} (the header has: {{header}})',
  emptyFile: 'the file is empty',
  headerOnly: 'the file has a header but no rows',
  binary: 'this is a binary file, not a CSV text file',
  notUtf8: 'the file is not valid UTF-8 after its first megabyte; save it as UTF-8 or Latin-1',
  lineTooLong: 'a line is longer than {{max}} characters{{where}}',
  unreadable: 'the CSV cannot be read{{where}}: {{detail}}',
} as const

export type ImportErrorCode = keyof typeof importErrorTemplates
export type ImportErrorParams = Record<string, string | number>

/** The English sentence for a code (the same interpolation i18next does). */
export function describeImportError(code: ImportErrorCode, params: ImportErrorParams = {}): string {
  return importErrorTemplates[code].replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''))
}

/** A refusal with its code, parameters and English text. */
export class ImportProblem extends Error {
  constructor(
    readonly code: ImportErrorCode,
    readonly params: ImportErrorParams = {},
  ) {
    super(describeImportError(code, params))
  }
}
