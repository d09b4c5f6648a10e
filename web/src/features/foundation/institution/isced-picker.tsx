import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IscedField } from '../../../api/types.ts';

export function iscedLabel(field: IscedField, language: string) {
  return language === 'en' ? field.en : field.nl ?? field.en;
}

/**
 * Picks an ISCED-F 2013 detailed field: a search box filters a native list box by code or
 * by its Dutch or English name; the list shows names in the current language.
 */
export function IscedPicker({ fields, value, onChange, error }: { fields: IscedField[]; value: string; onChange: (code: string) => void; error?: string | undefined }) {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useState('');
  const id = useId();
  const detailed = useMemo(() => fields.filter((f) => f.level === 'detailed'), [fields]);
  const needle = search.trim().toLowerCase();
  const shown = detailed.filter(
    (f) => f.code === value || !needle || f.code.startsWith(needle) || f.en.toLowerCase().includes(needle) || (f.nl ?? '').toLowerCase().includes(needle),
  );
  const errorId = `${id}-error`;
  const countId = `${id}-count`;
  return (
    <fieldset className="field isced-picker">
      <legend>
        {t('programme.isced')}
      </legend>
      <label htmlFor={`${id}-search`}>{t('programme.iscedSearch')}</label>
      <input id={`${id}-search`} type="search" value={search} onChange={(e) => setSearch(e.target.value)} aria-describedby={countId} autoComplete="off" />
      <span className="field-hint" id={countId} aria-live="polite">
        {t('programme.iscedCount', { count: shown.length })}
      </span>
      <label htmlFor={`${id}-list`}>{t('programme.iscedChoose')}</label>
      <select
        id={`${id}-list`}
        size={6}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        aria-required="true"
      >
        {shown.map((f) => (
          <option key={f.code} value={f.code}>
            {f.code} — {iscedLabel(f, i18n.language)}
          </option>
        ))}
      </select>
      {error ? (
        <span className="field-error" id={errorId} role="alert">
          {error}
        </span>
      ) : null}
    </fieldset>
  );
}
