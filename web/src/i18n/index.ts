import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import nl from './nl.json';
import en from './en.json';
import learnerReportNl from './learner-report.nl.json';
import learnerReportEn from './learner-report.en.json';

// Dutch by default, English by a visible switch. The choice lives in the kp_lang cookie,
// which the server reads too, so its error messages and e-mails follow the same language.
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

const initial = localeFromCookie() ?? 'nl';
document.documentElement.lang = initial;

void i18next.use(initReactI18next).init({
  resources: { nl: { translation: { ...nl, ...learnerReportNl } }, en: { translation: { ...en, ...learnerReportEn } } },
  lng: initial,
  fallbackLng: 'nl',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18next;
