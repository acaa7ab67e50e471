// The two CSV formats and the column mapping from other exports. Our own column names are found
// as they are; common names from Brazilian and international ACD, chat and ticket tools are
// recognised too; the user can map anything else explicitly.

export type ImportKind = 'contacts' | 'intervals'

export interface FormatColumns {
  required: readonly string[]
  optional: readonly string[]
}

export const formats: Record<ImportKind, FormatColumns> = {
  contacts: {
    required: ['contact_id', 'channel', 'arrived_at', 'outcome', 'wait_seconds', 'handle_seconds'],
    optional: ['agent', 'queue', 'fcr', 'nps'],
  },
  intervals: {
    required: ['interval_start', 'channel'],
    optional: ['offered', 'answered', 'abandoned', 'answered_within_threshold', 'aht_seconds', 'asa_seconds', 'agents_staffed'],
  },
}

/**
 * Other names seen in exports, normalised (see normaliseHeader), most specific first. README's
 * "Importing history" lists them (a test keeps the two in step).
 */
export const synonyms: Readonly<Record<string, readonly string[]>> = {
  contact_id: ['id', 'call_id', 'chamada_id', 'id_chamada', 'id_contato', 'contato_id', 'ticket_id', 'ticket', 'protocolo', 'protocol', 'chamado'],
  channel: ['canal', 'channel_name', 'midia', 'media', 'media_type'],
  arrived_at: [
    'arrival', 'arrival_time', 'start_time', 'data_hora', 'datahora', 'data_hora_entrada', 'inicio', 'entrada', 'created_at',
    'timestamp', 'datetime', 'date_time', 'date', 'data',
  ],
  outcome: ['resultado', 'status', 'desfecho', 'disposition'],
  wait_seconds: ['wait', 'wait_time', 'queue_time', 'espera', 'tempo_espera', 'tempo_de_espera', 'tempo_fila'],
  handle_seconds: ['handle', 'handle_time', 'aht', 'tma', 'duracao', 'tempo_atendimento', 'tempo_de_atendimento', 'talk_time'],
  agent: ['agente', 'atendente', 'operador', 'agent_name', 'agent_id'],
  queue: ['fila', 'skill', 'grupo', 'split'],
  fcr: ['resolvido', 'resolvido_primeiro_contato', 'first_contact_resolution', 'resolved'],
  nps: ['nota', 'nota_nps', 'score', 'nps_score'],
  interval_start: [
    'interval', 'intervalo', 'inicio_intervalo', 'inicio_do_intervalo', 'interval_begin', 'period_start', 'start', 'datetime', 'date_time', 'data_hora',
    'datahora', 'timestamp', 'date', 'data', 'period', 'periodo',
  ],
  offered: [
    'ofertadas', 'oferecidas', 'recebidas', 'calls_offered', 'offered_calls', 'chamadas_ofertadas', 'chamadas_recebidas',
    'incoming_calls', 'calls', 'chamadas', 'contacts', 'contatos', 'volume', 'incoming', 'entrantes',
  ],
  answered: ['atendidas', 'calls_answered', 'answered_calls', 'chamadas_atendidas', 'handled', 'calls_handled', 'handled_calls'],
  abandoned: ['abandonadas', 'calls_abandoned', 'abandoned_calls', 'chamadas_abandonadas', 'abandonos'],
  answered_within_threshold: ['atendidas_no_ns', 'atendidas_dentro_ns', 'answered_in_sl', 'answered_within_sl', 'within_sl'],
  aht_seconds: ['tma', 'aht', 'tma_segundos', 'aht_sec', 'average_handle_time', 'tempo_medio_atendimento', 'tempo_medio_de_atendimento'],
  asa_seconds: ['tme', 'asa', 'tme_segundos', 'asa_sec', 'average_speed_of_answer', 'tempo_medio_espera', 'tempo_medio_de_espera'],
  agents_staffed: ['agentes', 'agentes_logados', 'staffed', 'agents', 'logged_agents'],
}

/** Lower case, no accents, non-alphanumerics as single underscores: "Tempo de Espera" → tempo_de_espera. */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '')
}

export type ColumnMapping = Record<string, number>

export interface MappingResult {
  /** Our column name → index in the file's header. */
  mapping: ColumnMapping
  /** Required columns neither found nor mapped. */
  missing: string[]
  /** Mapped file columns that do not exist in the header. */
  unknown: string[]
}

/**
 * Finds each of our columns in the header: an explicit mapping (ours → theirs; '' = not in the
 * file) first, then our own names, then known synonyms for what is left — a file column found
 * once is not taken again (a "Data" column is the interval start, not also something else).
 */
export function mapColumns(kind: ImportKind, header: readonly string[], explicit: Record<string, string> = {}): MappingResult {
  const normalised = header.map(normaliseHeader)
  const mapping: ColumnMapping = {}
  const unknown: string[] = []
  const { required, optional } = formats[kind]
  const columns = [...required, ...optional]
  for (const column of columns) {
    const chosen = explicit[column]
    if (chosen === undefined || chosen === '') continue
    const index = header.indexOf(chosen)
    const byNormalised = index >= 0 ? index : normalised.indexOf(normaliseHeader(chosen))
    if (byNormalised >= 0) mapping[column] = byNormalised
    else unknown.push(chosen)
  }
  const taken = () => new Set(Object.values(mapping))
  for (const column of columns) {
    if (explicit[column] !== undefined || mapping[column] !== undefined) continue
    const own = normalised.indexOf(column)
    if (own >= 0 && !taken().has(own)) mapping[column] = own
  }
  for (const column of columns) {
    if (explicit[column] !== undefined || mapping[column] !== undefined) continue
    const used = taken()
    const synonym = (synonyms[column] ?? []).map((s) => normalised.indexOf(s)).find((i) => i >= 0 && !used.has(i))
    if (synonym !== undefined) mapping[column] = synonym
  }
  const missing = required.filter((column) => mapping[column] === undefined)
  return { mapping, missing, unknown }
}
