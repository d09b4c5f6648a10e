import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { api } from '../../../api/client.ts';
import { useInvalidateNetwork, useNetwork } from '../../../app/session.tsx';
import { useSchemaForm } from '../../../app/form-errors.ts';
import { SelectField, SubmitRow, TextField } from '../../../components/field.tsx';
import { ErrorMessage } from '../../../components/status.tsx';
import {
  identityProviderInputSchema, identityProviderPatchSchema, identityProviderSchema, providerKinds,
  type IdentityProvider, type ProviderKind,
} from '../../../../../src/domain/foundation/identity-provider/schema.ts';
import { providerClaimDefaults } from '../../../../../src/domain/foundation/identity-provider/rules.ts';

type Link = { use: boolean; organisation: string; required: boolean };

/** Adds an identity provider (without `provider`) or edits one; the client secret is only ever written. */
export function ProviderForm({ provider, institutions, onDone }: {
  provider?: IdentityProvider;
  institutions: { id: string; name: string }[];
  onDone: (saved: IdentityProvider) => void;
}) {
  const { t } = useTranslation();
  const { networkId } = useNetwork();
  const invalidate = useInvalidateNetwork();
  const [form, setForm] = useState({
    name: provider?.name ?? '', kind: (provider?.kind ?? 'surfconext') as ProviderKind, issuer: provider?.issuer ?? '',
    clientId: provider?.clientId ?? '', clientSecret: '', scopes: provider?.scopes ?? '',
    organisationClaim: provider?.organisationClaim ?? '', emailClaim: provider?.emailClaim ?? '', nameClaim: provider?.nameClaim ?? '',
    linkVerifiedEmail: provider?.linkVerifiedEmail ?? false, enabled: provider?.enabled ?? true,
  });
  const [links, setLinks] = useState<Record<string, Link>>(() => Object.fromEntries(institutions.map((i) => {
    const link = provider?.institutions.find((l) => l.institutionId === i.id);
    return [i.id, { use: Boolean(link), organisation: link?.organisation ?? '', required: link?.required ?? false }];
  })));
  const chosen = institutions.filter((i) => links[i.id]?.use);
  const schema = (provider ? identityProviderPatchSchema : identityProviderInputSchema) as z.ZodType<Record<string, unknown>>;
  const { errors, save, submit } = useSchemaForm(
    schema,
    (input) => provider
      ? api.patch(`/networks/${networkId}/identity-providers/${provider.id}`, input, identityProviderSchema)
      : api.post(`/networks/${networkId}/identity-providers`, input, identityProviderSchema),
    (saved) => {
      void invalidate();
      onDone(saved);
    },
  );
  const set = (key: 'name' | 'issuer' | 'clientId' | 'clientSecret' | 'scopes' | 'organisationClaim' | 'emailClaim' | 'nameClaim') =>
    (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));
  const setLink = (id: string, change: Partial<Link>) => setLinks((l) => ({ ...l, [id]: { ...l[id]!, ...change } }));
  const defaults = providerClaimDefaults[form.kind];
  const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());
  /** A field error of an institution's row (the server names rows by their index in the list sent). */
  const linkError = (id: string) => {
    const i = chosen.findIndex((c) => c.id === id);
    return i < 0 ? undefined : errors[`institutions.${i}.organisation`] ?? errors[`institutions.${i}.institutionId`] ?? errors[`institutions.${i}`];
  };

  function onSubmit(event: React.FormEvent) {
    const input = {
      name: form.name, ...(provider ? {} : { kind: form.kind }), issuer: form.issuer.trim(), clientId: form.clientId,
      clientSecret: provider && form.clientSecret === '' ? undefined : form.clientSecret,
      scopes: optional(form.scopes), organisationClaim: optional(form.organisationClaim), emailClaim: optional(form.emailClaim), nameClaim: optional(form.nameClaim),
      linkVerifiedEmail: form.linkVerifiedEmail, enabled: form.enabled,
      institutions: chosen.map((i) => ({ institutionId: i.id, organisation: links[i.id]!.organisation, required: links[i.id]!.required })),
    };
    submit(event, input);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <ErrorMessage error={save.error} />
      <TextField label={t('idp.name')} hint={t('idp.nameHint')} required value={form.name} onChange={set('name')} error={errors.name} />
      {provider ? (
        <p><strong>{t('idp.kind')}:</strong> {t(`idp.kinds.${provider.kind}`)}</p>
      ) : (
        <SelectField label={t('idp.kind')} hint={t('idp.kindHint')} required value={form.kind} onChange={(e) => setForm((f) => ({ ...f, kind: e.target.value as ProviderKind }))} error={errors.kind}>
          {providerKinds.map((k) => <option key={k} value={k}>{t(`idp.kinds.${k}`)}</option>)}
        </SelectField>
      )}
      <TextField label={t('idp.issuer')} hint={t('idp.issuerHint')} type="url" required value={form.issuer} onChange={set('issuer')} error={errors.issuer} />
      <TextField label={t('idp.clientId')} required autoComplete="off" value={form.clientId} onChange={set('clientId')} error={errors.clientId} />
      <TextField
        label={t('idp.clientSecret')}
        hint={provider?.hasClientSecret ? t('idp.clientSecretSet') : t('idp.clientSecretHint')}
        type="password" autoComplete="new-password" required={!provider} value={form.clientSecret} onChange={set('clientSecret')} error={errors.clientSecret}
      />
      <fieldset>
        <legend>{t('idp.claimsLegend')}</legend>
        <p className="field-hint">{t('idp.claimsHint')}</p>
        <TextField label={t('idp.organisationClaim')} hint={t('idp.defaultIs', { value: defaults.organisationClaim })} value={form.organisationClaim} onChange={set('organisationClaim')} error={errors.organisationClaim} />
        <TextField label={t('idp.emailClaim')} hint={t('idp.defaultIs', { value: defaults.emailClaim })} value={form.emailClaim} onChange={set('emailClaim')} error={errors.emailClaim} />
        <TextField label={t('idp.nameClaim')} hint={t('idp.defaultIs', { value: defaults.nameClaim })} value={form.nameClaim} onChange={set('nameClaim')} error={errors.nameClaim} />
        <TextField label={t('idp.scopes')} hint={t('idp.defaultIs', { value: defaults.scopes })} value={form.scopes} onChange={set('scopes')} error={errors.scopes} />
      </fieldset>
      <fieldset>
        <legend>{t('idp.institutionsLegend')}</legend>
        <p className="field-hint">{t('idp.institutionsHint')}</p>
        {errors.institutions ? <p className="field-error" role="alert">{errors.institutions}</p> : null}
        {institutions.length === 0 ? <p>{t('idp.noInstitutions')}</p> : null}
        <div className="checkbox-group">
          {institutions.map((i) => {
            const link = links[i.id]!;
            return (
              <div key={i.id} className="idp-institution">
                <label className="checkbox">
                  <input type="checkbox" checked={link.use} onChange={(e) => setLink(i.id, { use: e.target.checked })} />
                  {t('idp.institutionUse', { name: i.name })}
                </label>
                {link.use ? (
                  <>
                    <TextField
                      label={t('idp.organisationValue', { name: i.name })}
                      hint={t('idp.organisationValueHint', { claim: form.organisationClaim || defaults.organisationClaim })}
                      required value={link.organisation} onChange={(e) => setLink(i.id, { organisation: e.target.value })} error={linkError(i.id)}
                    />
                    <label className="checkbox">
                      <input type="checkbox" checked={link.required} onChange={(e) => setLink(i.id, { required: e.target.checked })} />
                      {t('idp.institutionRequired', { name: i.name })}
                    </label>
                  </>
                ) : null}
              </div>
            );
          })}
        </div>
      </fieldset>
      <label className="checkbox">
        <input type="checkbox" checked={form.linkVerifiedEmail} onChange={(e) => setForm((f) => ({ ...f, linkVerifiedEmail: e.target.checked }))} />
        {t('idp.linkVerifiedEmail')}
      </label>
      <p className="field-hint">{t('idp.linkVerifiedEmailHint')}</p>
      <label className="checkbox">
        <input type="checkbox" checked={form.enabled} onChange={(e) => setForm((f) => ({ ...f, enabled: e.target.checked }))} />
        {t('idp.enabled')}
      </label>
      {provider ? (
        <p>{t('idp.redirectUri')} <code className="break">{provider.redirectUri}</code></p>
      ) : null}
      <SubmitRow busy={save.isPending} label={provider ? t('common.save') : t('idp.create')} />
    </form>
  );
}
