import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { applyDateLocale } from '../datetime';
import { en } from './en';
import { type Messages, zhCN } from './zh-CN';

export type Language = 'zh-CN' | 'en';
const storageKey = 'pd_lang';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

function storedLanguage(): Language {
  try {
    return localStorage.getItem(storageKey) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

const initial = storedLanguage();
applyDateLocale(initial);
document.documentElement.lang = initial;

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: initial,
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** Switches the UI language and remembers it on this device. */
export function setLanguage(lang: Language): void {
  try {
    localStorage.setItem(storageKey, lang);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  applyDateLocale(lang);
  document.documentElement.lang = lang;
  void i18n.changeLanguage(lang);
}

export const currentLanguage = (): Language => (i18n.language === 'en' ? 'en' : 'zh-CN');

/**
 * Looks up a label of a value the server sends (a status, an event type…) and falls back to the
 * raw value when the catalogue does not know it yet.
 */
export function label(group: string, value: string | null | undefined): string {
  if (value == null || value === '') return '';
  const key = `${group}.${value}`;
  return i18n.exists(key) ? (i18n.t as (k: string) => string)(key) : value;
}

export { i18n };
