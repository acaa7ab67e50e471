import { describe, expect, it } from 'vitest'
import { describeImportError, importErrorTemplates } from '../../app/domain/import/errors.ts'
import { en } from '../../app/i18n/en.ts'
import { createI18n } from '../../app/i18n/i18n.ts'
import { ptBR } from '../../app/i18n/pt-BR.ts'

/** Every key path of a nested message object. */
function keys(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  )
}

describe('interface text', () => {
  it('has the same keys in Portuguese and English', () => {
    expect(keys(en).sort()).toEqual(keys(ptBR).sort())
  })

  it('translates every import error, with the same parameters', () => {
    expect(Object.keys(ptBR.importErrors).sort()).toEqual(Object.keys(importErrorTemplates).sort())
    const params = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort()
    for (const [code, template] of Object.entries(importErrorTemplates)) {
      expect(params(ptBR.importErrors[code as keyof typeof ptBR.importErrors]), code).toEqual(params(template))
    }
  })

  it('renders an import error as the CLI and the page in each language', () => {
    const params = { column: 'arrived_at', value: '2018-11-04 00:30', timeZone: 'America/Sao_Paulo' }
    expect(describeImportError('dstGap', params)).toBe('arrived_at: 2018-11-04 00:30 does not exist in America/Sao_Paulo (the clocks skipped it: DST gap)')
    expect(createI18n('en').t('importErrors.dstGap', params)).toBe(describeImportError('dstGap', params))
    expect(createI18n('pt-BR').t('importErrors.dstGap', params)).toMatch(/não existe em America\/Sao_Paulo/)
  })
})
