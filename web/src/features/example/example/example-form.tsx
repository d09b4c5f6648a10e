import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSchemaForm } from '../../../app/form-errors.ts';
import { SelectField, SubmitRow, TextField } from '../../../components/field.tsx';
import { ErrorMessage } from '../../../components/status.tsx';
import {
  EXAMPLE_LANGUAGES, EXAMPLE_PRACTICES, EXAMPLE_SECTORS, EXAMPLE_THEMES, EXAMPLE_VISIBILITIES, exampleInputSchema, type Example, type ExampleInput,
} from '../../../../../src/domain/example/example/schema.ts';

const lines = (s: string) => s.split('\n').map((l) => l.trim()).filter(Boolean);

function TextArea({ id, label, hint, value, onChange, error, rows = 4 }: { id: string; label: string; hint?: string; value: string; onChange: (v: string) => void; error?: string | undefined; rows?: number }) {
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? <span className="field-hint" id={`${id}-hint`}>{hint}</span> : null}
      <textarea id={id} rows={rows} value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={described} aria-invalid={error ? true : undefined} />
      {error ? <span className="field-error" id={`${id}-error`} role="alert">{error}</span> : null}
    </div>
  );
}

/** Create or edit an example: the criteria of seed 000, tips and links one per line, and who may read it. */
export function ExampleForm({ example, submitLabel, send, onSaved }: { example?: Example; submitLabel: string; send: (input: ExampleInput) => Promise<Example>; onSaved: (e: Example) => void }) {
  const { t } = useTranslation();
  const [f, setF] = useState(() => ({
    title: example?.title ?? '', special: example?.special ?? '', story: example?.story ?? '',
    tips: (example?.tips ?? []).join('\n'),
    links: (example?.links ?? []).map((l) => `${l.label} | ${l.url}`).join('\n'),
    sectors: example?.sectors ?? [], themes: example?.themes ?? [], practice: example?.practice ?? 'exchange',
    region: example?.region ?? '', institutions: (example?.institutions ?? []).join('\n'),
    contactName: example?.contactName ?? '', contactEmail: example?.contactEmail ?? '', visibility: example?.visibility ?? 'draft',
    language: example?.language ?? 'nl',
  }));
  const set = <K extends keyof typeof f>(key: K) => (value: (typeof f)[K]) => setF((c) => ({ ...c, [key]: value }));
  const { errors, save, submit } = useSchemaForm(exampleInputSchema, send, onSaved);
  const toggle = (key: 'sectors' | 'themes', value: string, on: boolean) => setF((c) => ({ ...c, [key]: on ? [...c[key], value] : c[key].filter((v) => v !== value) }));
  const linkError = Object.entries(errors).find(([k]) => k.startsWith('links'))?.[1];
  return (
    <form className="form" noValidate onSubmit={(event) => submit(event, {
      ...f, tips: lines(f.tips), institutions: lines(f.institutions),
      links: lines(f.links).map((l) => { const [label, ...rest] = l.split('|'); const url = rest.join('|').trim(); return url ? { label: label!.trim(), url } : { label: l, url: l }; }),
    })}>
      <TextField label={t('example.form.title')} value={f.title} onChange={(e) => set('title')(e.target.value)} error={errors.title} required maxLength={200} />
      <SelectField label={t('example.facet.practice')} value={f.practice} onChange={(e) => set('practice')(e.target.value)} error={errors.practice}>
        {EXAMPLE_PRACTICES.map((p) => <option key={p} value={p}>{t(`example.practice.${p}`)}</option>)}
      </SelectField>
      <SelectField label={t('example.form.language')} hint={t('example.form.languageHint')} value={f.language} onChange={(e) => set('language')(e.target.value as (typeof EXAMPLE_LANGUAGES)[number])} error={errors.language}>
        {EXAMPLE_LANGUAGES.map((l) => <option key={l} value={l}>{t(`example.language.${l}`)}</option>)}
      </SelectField>
      <TextArea id="example-special" label={t('example.view.special')} value={f.special} onChange={set('special')} error={errors.special} rows={3} />
      <TextArea id="example-story" label={t('example.view.story')} value={f.story} onChange={set('story')} error={errors.story} rows={8} />
      <fieldset>
        <legend>{t('example.facet.sector')}</legend>
        <div className="checkbox-group">
          {EXAMPLE_SECTORS.map((s) => <label key={s} className="checkbox"><input type="checkbox" checked={f.sectors.includes(s)} onChange={(e) => toggle('sectors', s, e.target.checked)} /> {s.toUpperCase()}</label>)}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('example.facet.theme')}</legend>
        <div className="checkbox-group">
          {EXAMPLE_THEMES.map((s) => <label key={s} className="checkbox"><input type="checkbox" checked={f.themes.includes(s)} onChange={(e) => toggle('themes', s, e.target.checked)} /> {t(`example.theme.${s}`)}</label>)}
        </div>
      </fieldset>
      <TextArea id="example-tips" label={t('example.view.tips')} hint={t('example.form.perLine')} value={f.tips} onChange={set('tips')} error={Object.entries(errors).find(([k]) => k.startsWith('tips'))?.[1]} />
      <TextArea id="example-links" label={t('example.view.links')} hint={t('example.form.linksHint')} value={f.links} onChange={set('links')} error={linkError} rows={3} />
      <TextField label={t('example.facet.region')} value={f.region} onChange={(e) => set('region')(e.target.value)} error={errors.region} maxLength={100} />
      <TextArea id="example-institutions" label={t('example.view.institutions')} hint={t('example.form.perLine')} value={f.institutions} onChange={set('institutions')} error={Object.entries(errors).find(([k]) => k.startsWith('institutions'))?.[1]} rows={3} />
      <TextField label={t('example.form.contactName')} value={f.contactName} onChange={(e) => set('contactName')(e.target.value)} error={errors.contactName} maxLength={200} />
      <TextField label={t('example.form.contactEmail')} type="email" value={f.contactEmail} onChange={(e) => set('contactEmail')(e.target.value)} error={errors.contactEmail} />
      <fieldset>
        <legend>{t('example.form.visibility')}</legend>
        <div className="radio-group">
          {EXAMPLE_VISIBILITIES.map((v) => (
            <label key={v} className="radio"><input type="radio" name="visibility" value={v} checked={f.visibility === v} onChange={() => set('visibility')(v)} /> {t(`example.visibilityHelp.${v}`)}</label>
          ))}
        </div>
      </fieldset>
      <ErrorMessage error={Object.keys(errors).length ? null : save.error} />
      <SubmitRow label={submitLabel} busy={save.isPending} />
    </form>
  );
}
