// i18next set-up shared by server and browser. Both languages are bundled (a few KB), so an
// instance initialises synchronously and the server renders the same text the browser hydrates.
import i18next, { type i18n } from 'i18next'
import { initReactI18next } from 'react-i18next'
import { en } from './en.ts'
import { ptBR } from './pt-BR.ts'

export const supportedLanguages = ['pt-BR', 'en'] as const
export type Language = (typeof supportedLanguages)[number]
export const defaultLanguage: Language = 'pt-BR'
export const languageCookieName = 'lng'

export const resources = {
  'pt-BR': { translation: ptBR },
  en: { translation: en },
} as const

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (supportedLanguages as readonly string[]).includes(value)
}

export function createI18n(language: Language): i18n {
  const instance = i18next.createInstance()
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: defaultLanguage,
    supportedLngs: [...supportedLanguages],
    resources,
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  })
  return instance
}
