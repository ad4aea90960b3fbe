import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json' with { type: 'json' };
import fa from './fa.json' with { type: 'json' };
import { DEFAULT_LANGUAGE, directionOf, isLanguage, LANGUAGE_COOKIE, type Language } from './languages.js';
import vi from './vi.json' with { type: 'json' };

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof fa };
  }
}

const STORAGE_KEY = 'sv_lang';
const ONE_YEAR_SECONDS = 365 * 24 * 3600;

function storedLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // storage may be disabled; the cookie still works
  }
  const cookie = document.cookie.match(new RegExp(`(?:^|; )${LANGUAGE_COOKIE}=(\\w+)`))?.[1];
  return isLanguage(cookie) ? cookie : DEFAULT_LANGUAGE;
}

/** Remembers the language (localStorage and the `sv_lang` cookie the server reads) and sets the page's lang/dir. */
function applyLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // storage may be disabled
  }
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is not in every browser citizens use
  document.cookie = `${LANGUAGE_COOKIE}=${language}; path=/; max-age=${ONE_YEAR_SECONDS}; samesite=lax`;
  document.documentElement.lang = language;
  document.documentElement.dir = directionOf(language);
  document.title = i18n.t('app.name');
}

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
}

i18n.on('languageChanged', (language) => {
  if (isLanguage(language)) applyLanguage(language);
});

void i18n.use(initReactI18next).init({
  resources: { fa: { translation: fa }, en: { translation: en }, vi: { translation: vi } },
  lng: storedLanguage(),
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: ['fa', 'en', 'vi'],
  interpolation: { escapeValue: false },
  initAsync: false,
});

export { i18n };
