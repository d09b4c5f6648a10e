import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { institutionInputSchema, institutionKinds } from '../../../../../src/domain/foundation/institution/schema.ts';
import { api } from '../../../api/client.ts';
import type { Institution } from '../../../api/types.ts';
import { nk, useNetwork } from '../../../app/session.tsx';
import { fieldErrorsFromApi, formParse, type FieldErrors } from '../../../app/form-errors.ts';
import { PageHeading } from '../../../components/page-heading.tsx';
import { Dialog } from '../../../components/dialog.tsx';
import { SelectField, TextField } from '../../../components/field.tsx';
import { EmptyState, ErrorMessage, Loading } from '../../../components/status.tsx';
import { useInstitutions } from './queries.ts';
import { institutionSchema } from '../../../../../src/domain/foundation/institution/schema.ts';

function CreateInstitutionForm({ onDone }: { onDone: (created: Institution) => void }) {
  const { t } = useTranslation();
  const { networkId } = useNetwork();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ name: '', kind: 'mbo', brin: '', website: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useMutation({
    mutationFn: (input: unknown) => api.post(`/networks/${networkId}/institutions`, input, institutionSchema),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: nk(networkId) });
      onDone(created);
    },
    onError: (error) => setErrors(fieldErrorsFromApi(error, t)),
  });
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = formParse(institutionInputSchema, { name: form.name, kind: form.kind, brin: form.brin.trim() || null, website: form.website.trim() || null }, t);
    if (!parsed.ok) return setErrors(parsed.errors);
    setErrors({});
    create.mutate(parsed.value);
  }

  return (
    <form onSubmit={submit} noValidate className="form">
      <ErrorMessage error={create.error} />
      <TextField label={t('institution.name')} required value={form.name} onChange={set('name')} error={errors.name} />
      <SelectField label={t('institution.kind')} required value={form.kind} onChange={set('kind')} error={errors.kind}>
        {institutionKinds.map((k) => (
          <option key={k} value={k}>
            {t(`kind.${k}`)}
          </option>
        ))}
      </SelectField>
      <TextField label={t('institution.brin')} hint={t('institution.brinHint')} value={form.brin} onChange={set('brin')} error={errors.brin} />
      <TextField label={t('institution.website')} hint={t('institution.websiteHint')} type="url" value={form.website} onChange={set('website')} error={errors.website} />
      <div className="button-row">
        <button type="submit" disabled={create.isPending}>
          {create.isPending ? t('common.busy') : t('institution.create')}
        </button>
      </div>
    </form>
  );
}

export function InstitutionListPage() {
  const { t } = useTranslation();
  const { caps } = useNetwork();
  const navigate = useNavigate();
  const institutions = useInstitutions();
  const [creating, setCreating] = useState(false);

  return (
    <>
      <PageHeading title={t('institution.listTitle')}>
        {caps.manageNetwork ? (
          <button type="button" onClick={() => setCreating(true)}>
            {t('institution.add')}
          </button>
        ) : null}
      </PageHeading>
      <p>{t('institution.listIntro')}</p>
      {institutions.isPending ? <Loading /> : null}
      <ErrorMessage error={institutions.error} />
      {institutions.data && institutions.data.length === 0 ? (
        <EmptyState title={t('institution.empty')}>
          <p>{caps.manageNetwork ? t('institution.emptyHelpManager') : t('institution.emptyHelp')}</p>
        </EmptyState>
      ) : null}
      {institutions.data && institutions.data.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption>{t('institution.tableCaption', { count: institutions.data.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('institution.name')}</th>
                <th scope="col">{t('institution.kind')}</th>
                <th scope="col">{t('institution.brin')}</th>
                <th scope="col" className="num">{t('institution.locations')}</th>
                <th scope="col" className="num">{t('institution.programmes')}</th>
                <th scope="col" className="num">{t('institution.people')}</th>
              </tr>
            </thead>
            <tbody>
              {institutions.data.map((i) => (
                <tr key={i.id}>
                  <th scope="row">
                    <Link to={`/instellingen/${i.id}`}>{i.name}</Link>
                  </th>
                  <td>{t(`kind.${i.kind}`)}</td>
                  <td>{i.brin ?? '—'}</td>
                  <td className="num">{i.locationCount}</td>
                  <td className="num">{i.programmeCount}</td>
                  <td className="num">{i.peopleCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <Dialog open={creating} title={t('institution.add')} onClose={() => setCreating(false)}>
        <CreateInstitutionForm
          onDone={(created) => {
            setCreating(false);
            navigate(`/instellingen/${created.id}`);
          }}
        />
      </Dialog>
    </>
  );
}
