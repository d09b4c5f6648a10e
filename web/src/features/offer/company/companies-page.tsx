import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { useNetwork } from '../../../app/session.tsx';
import { PageHeading } from '../../../components/page-heading.tsx';
import { SelectField, SubmitRow, TextField } from '../../../components/field.tsx';
import { ErrorMessage, QueryView, SuccessMessage } from '../../../components/status.tsx';
import { companySchema, type Company } from '../../../../../src/domain/offer/company/schema.ts';
import { offerKinds } from '../../../../../src/domain/offer/offer/schema.ts';
import { ok, useCompanies } from '../queries.ts';
import { TextArea } from '../text-area.tsx';

function ProfileForm({ company }: { company: Company }) {
  const { t } = useTranslation();
  const { networkId } = useNetwork();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ sector: company.sector, fields: company.iscedCodes.join(', '), profile: company.profile, takesPupils: company.takesPupils, committedOn: company.committedOn ?? '' });
  const save = useMutation({
    mutationFn: () => api.put(`/networks/${networkId}/companies/${company.institutionId}`, {
      sector: form.sector, iscedCodes: form.fields.split(',').map((s) => s.trim()).filter(Boolean), profile: form.profile, takesPupils: form.takesPupils,
      committedOn: form.committedOn || null, contactPersonIds: company.contacts.map((c) => c.id),
    }, companySchema),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ok(networkId, 'companies') }),
  });
  const submit = (e: FormEvent) => { e.preventDefault(); save.mutate(); };
  return (
    <details>
      <summary>{t('offer.company.edit')}</summary>
      <form className="form" onSubmit={submit}>
        <TextField label={t('offer.company.sector')} value={form.sector} onChange={(e) => setForm({ ...form, sector: e.target.value })} />
        <TextField label={t('offer.company.fields')} value={form.fields} onChange={(e) => setForm({ ...form, fields: e.target.value })} />
        <TextArea label={t('offer.company.profile')} value={form.profile} onChange={(e) => setForm({ ...form, profile: e.target.value })} />
        <label className="checkbox"><input type="checkbox" checked={form.takesPupils} onChange={(e) => setForm({ ...form, takesPupils: e.target.checked })} /> {t('offer.company.takesPupils')}</label>
        <TextField label={t('offer.company.committedOn')} type="date" value={form.committedOn} onChange={(e) => setForm({ ...form, committedOn: e.target.value })} />
        <ErrorMessage error={save.error} />
        {save.isSuccess ? <SuccessMessage>{t('offer.company.saved')}</SuccessMessage> : null}
        <SubmitRow label={t('offer.company.save')} busy={save.isPending} />
      </form>
    </details>
  );
}

/** /bedrijven — the company directory, filtered by field, sector, kind of offer and distance. */
export function CompaniesPage() {
  const { t } = useTranslation();
  const [draft, setDraft] = useState({ field: '', sector: '', kind: '', maxKm: '' });
  const [query, setQuery] = useState('');
  const companies = useCompanies(query);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setQuery(new URLSearchParams(Object.entries(draft).filter(([, v]) => v)).toString());
  };
  return (
    <>
      <PageHeading title={t('offer.company.title')} />
      <p className="lead">{t('offer.company.intro')}</p>
      <form className="filters form" onSubmit={submit}>
        <TextField label={t('offer.company.field')} inputMode="numeric" value={draft.field} onChange={(e) => setDraft({ ...draft, field: e.target.value })} />
        <TextField label={t('offer.company.sector')} value={draft.sector} onChange={(e) => setDraft({ ...draft, sector: e.target.value })} />
        <SelectField label={t('offer.company.kind')} value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.target.value })}>
          <option value="">{t('offer.list.allKinds')}</option>
          {offerKinds.map((k) => <option key={k} value={k}>{t(`offer.kind.${k}`)}</option>)}
        </SelectField>
        <TextField label={t('offer.company.maxKm')} type="number" min={1} max={500} value={draft.maxKm} onChange={(e) => setDraft({ ...draft, maxKm: e.target.value })} />
        <div className="button-row"><button type="submit">{t('offer.company.filter')}</button></div>
      </form>
      <QueryView query={companies} emptyTitle={t('offer.company.empty')} emptyHelp={t('offer.company.emptyHelp')}>
        {(list) => (
          <ul className="plain-list">
            {list.map((c) => (
              <li key={c.institutionId} className="card">
                <h2>{c.name}</h2>
                <p className="muted">
                  {[c.sector, c.iscedCodes.join(', '), c.distanceKm !== null ? t('offer.company.distance', { km: c.distanceKm }) : '', c.committedOn ? t('offer.company.committed', { date: c.committedOn }) : ''].filter(Boolean).join(' · ')}
                </p>
                {c.profile ? <p>{c.profile}</p> : null}
                {c.takesPupils ? <p>{t('offer.company.pupils')}</p> : null}
                {c.locations.length ? <p><strong>{t('offer.company.locations')}:</strong> {c.locations.map((l) => `${l.address}, ${l.city}`).join('; ')}</p> : null}
                {c.contacts.length ? <p><strong>{t('offer.company.contacts')}:</strong> {c.contacts.map((p) => p.name).join(', ')}</p> : null}
                <p>{c.offerKinds.map((k) => t(`offer.kind.${k}`)).join(', ')} {c.offerCount > 0 ? <Link to="/aanbod">{t('offer.company.seeOffers')} ({t('offer.company.offers', { count: c.offerCount })})</Link> : null}</p>
                {c.canEdit ? <ProfileForm company={c} /> : null}
              </li>
            ))}
          </ul>
        )}
      </QueryView>
    </>
  );
}
