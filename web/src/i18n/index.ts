import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { MessageTree, WebModule } from '../app/web-module.ts';
import nl from './nl.json';
import en from './en.json';

// Dutch by default, English by a visible switch. The choice lives in the kp_lang cookie,
// which the server reads too, so its error messages and e-mails follow the same language.
// The generic messages (app, common, error, field, nav, …) live here; each area brings its own
// catalogue pair (web/src/features/<area>/i18n.{nl,en}.json), merged into one namespace.
export type Locale = 'nl' | 'en';
export const LOCALE_COOKIE = 'kp_lang';

export function localeFromCookie(): Locale | undefined {
  const match = /(?:^|;\s*)kp_lang=(nl|en)(?:;|$)/.exec(document.cookie);
  return match ? (match[1] as Locale) : undefined;
}

export function localeStore(locale: Locale) {
  const secure = location.protocol === 'https:' ? '; Secure' : '';
  document.cookie = `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=${365 * 86400}; SameSite=Lax${secure}`;
  document.documentElement.lang = locale;
}

/** Merges catalogues key by key (an area may add keys below a section another one has). */
export function catalogueMerge(...trees: MessageTree[]): MessageTree {
  const out: MessageTree = {};
  for (const tree of trees) {
    for (const [key, value] of Object.entries(tree)) {
      const have = out[key];
      out[key] = typeof value === 'object' && typeof have === 'object' ? catalogueMerge(have, value) : value;
    }
  }
  return out;
}

/** Starts i18next with the generic messages and those of every area; call once before the first render. */
export function i18nInit(modules: readonly WebModule[]) {
  const initial = localeFromCookie() ?? 'nl';
  document.documentElement.lang = initial;
  void i18next.use(initReactI18next).init({
    resources: {
      nl: { translation: catalogueMerge(nl, ...modules.map((m) => m.messages.nl)) },
      en: { translation: catalogueMerge(en, ...modules.map((m) => m.messages.en)) },
    },
    lng: initial,
    fallbackLng: 'nl',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
}

export default i18next;
