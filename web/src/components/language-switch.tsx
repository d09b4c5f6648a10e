import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import type { Me } from '../api/types.ts';
import { localeStore, type Locale } from '../i18n/index.ts';
import { meSchema } from '../../../src/domain/foundation/person/schema.ts';

const LANGUAGES: { code: Locale; short: string; name: string }[] = [
  { code: 'nl', short: 'NL', name: 'Nederlands' },
  { code: 'en', short: 'EN', name: 'English' },
];

/** A visible NL/EN button group. Stores the choice in the kp_lang cookie and, when logged in, in the profile. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const current = i18n.language === 'en' ? 'en' : 'nl';

  async function choose(locale: Locale) {
    if (locale === current) return;
    localeStore(locale);
    await i18n.changeLanguage(locale);
    const me = queryClient.getQueryData<Me | null>(['me']);
    if (me) {
      try {
        const updated = await api.patch('/auth/me', { locale }, meSchema);
        queryClient.setQueryData(['me'], updated);
      } catch {
        /* the cookie already holds the choice; the profile follows next time */
      }
    }
    // Server-translated content (ISCED labels, messages) follows the new language.
    void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'network' });
  }

  return (
    <div className="language-switch" role="group" aria-label={t('language.switch')}>
      {LANGUAGES.map((l) => (
        <button key={l.code} type="button" lang={l.code} aria-pressed={current === l.code} onClick={() => void choose(l.code)}>
          <span aria-hidden="true">{l.short}</span>
          <span className="sr-only">{l.name}</span>
        </button>
      ))}
    </div>
  );
}
