import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { z } from 'zod';
import { ConfirmDialog } from '../../../components/dialog.tsx';
import { mePatchSchema } from '../../../../../src/domain/foundation/person/schema.ts';
import { api } from '../../../api/client.ts';
import { useNetwork } from '../../../app/session.tsx';
import { fieldErrorsFromApi, formParse, type FieldErrors } from '../../../app/form-errors.ts';
import { localeStore, type Locale } from '../../../i18n/index.ts';
import { PageHeading } from '../../../components/page-heading.tsx';
import { TextField, SubmitRow } from '../../../components/field.tsx';
import { ErrorMessage, SuccessMessage } from '../../../components/status.tsx';
import { meSchema } from '../../../../../src/domain/foundation/person/schema.ts';

export function ProfilePage() {
  const { t, i18n } = useTranslation();
  const { me } = useNetwork();
  const queryClient = useQueryClient();
  const [name, setName] = useState(me.name);
  const [locale, setLocale] = useState<Locale>(me.locale);
  const [errors, setErrors] = useState<FieldErrors>({});
  const navigate = useNavigate();
  const [askEndAll, setAskEndAll] = useState(false);
  const endAll = useMutation({
    mutationFn: () => api.post('/auth/sessions/end', undefined, z.object({ ok: z.literal(true) })),
    onSuccess: () => {
      queryClient.clear();
      queryClient.setQueryData(['me'], null);
      navigate('/inloggen', { replace: true });
    },
  });
  const save = useMutation({
    mutationFn: (input: { name?: string | undefined; locale?: Locale | undefined }) => api.patch('/auth/me', input, meSchema),
    onSuccess: async (updated) => {
      queryClient.setQueryData(['me'], updated);
      if (updated.locale !== i18n.language) {
        localeStore(updated.locale);
        await i18n.changeLanguage(updated.locale);
      }
    },
    onError: (error) => setErrors(fieldErrorsFromApi(error, t)),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = formParse(mePatchSchema, { name, locale }, t);
    if (!parsed.ok) return setErrors(parsed.errors);
    setErrors({});
    save.mutate(parsed.value);
  }

  return (
    <>
      <PageHeading title={t('profile.title')} />
      <form onSubmit={submit} noValidate className="form card">
        {save.isSuccess ? <SuccessMessage>{t('profile.saved')}</SuccessMessage> : null}
        <ErrorMessage error={save.error} />
        <TextField label={t('profile.name')} autoComplete="name" required value={name} onChange={(e) => { setName(e.target.value); save.reset(); }} error={errors.name} />
        <TextField label={t('profile.email')} value={me.email} readOnly hint={t('profile.emailHint')} />
        <fieldset className="radio-group">
          <legend>{t('profile.language')}</legend>
          <label className="radio" lang="nl">
            <input type="radio" name="locale" value="nl" checked={locale === 'nl'} onChange={() => { setLocale('nl'); save.reset(); }} />
            Nederlands
          </label>
          <label className="radio" lang="en">
            <input type="radio" name="locale" value="en" checked={locale === 'en'} onChange={() => { setLocale('en'); save.reset(); }} />
            English
          </label>
        </fieldset>
        <SubmitRow busy={save.isPending} label={t('common.save')} />
      </form>
      <section aria-labelledby="memberships-title" className="section">
        <h2 id="memberships-title">{t('profile.memberships')}</h2>
        {me.memberships.length === 0 ? (
          <p>{t('profile.noMemberships')}</p>
        ) : (
          <ul className="link-list">
            {me.memberships.map((m) => (
              <li key={`${m.networkId}-${m.role}-${m.institutionId ?? ''}`}>
                {t(`role.${m.role}`)} — {m.networkName}
                {m.institutionName ? ` · ${m.institutionName}` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="sessions-title" className="section">
        <h2 id="sessions-title">{t('profile.sessionsTitle')}</h2>
        <p>{t('profile.sessionsIntro')}</p>
        <button type="button" className="button-secondary" onClick={() => { endAll.reset(); setAskEndAll(true); }}>{t('profile.endAll')}</button>
      </section>
      <ConfirmDialog
        open={askEndAll}
        title={t('profile.endAllTitle')}
        message={t('profile.endAllConfirm')}
        confirmLabel={t('profile.endAllAction')}
        busy={endAll.isPending}
        error={<ErrorMessage error={endAll.error} />}
        onConfirm={() => endAll.mutate()}
        onClose={() => setAskEndAll(false)}
      />
    </>
  );
}
