import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { useNetwork } from '../../../app/session.tsx';
import { fieldErrorsFromApi, formParse, type FieldErrors } from '../../../app/form-errors.ts';
import { PageHeading } from '../../../components/page-heading.tsx';
import { SelectField, SubmitRow, TextField } from '../../../components/field.tsx';
import { ErrorMessage, QueryView } from '../../../components/status.tsx';
import { useInstitutions, useLocations } from '../../foundation/institution/queries.ts';
import { leerlabCreateSchema, leerlabSchema } from '../../../../../src/domain/leerlab/leerlab/schema.ts';
import { lk, useLeerlabs } from '../queries.ts';

function LocationSelect({ institutionId, value, onChange, label }: { institutionId: string; value: string; onChange: (v: string) => void; label: string }) {
  const { t } = useTranslation();
  const locations = useLocations(institutionId);
  return (
    <SelectField label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t('leerlab.create.noLocation')}</option>
      {(locations.data ?? []).map((l) => <option key={l.id} value={l.id}>{l.name}</option>)}
    </SelectField>
  );
}

function CreateForm() {
  const { t } = useTranslation();
  const { networkId } = useNetwork();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const institutions = useInstitutions();
  const [f, setF] = useState({
    name: '', pgp: '', keuzedeelName: '', keuzedeelCode: '', parts: '', cohortYear: '4', classes: '', schoolYear: '2026-2027',
    firstDate: '', lastDate: '', vo: '', mbo: '', voLocationId: '', mboLocationId: '', travelMode: 'bike',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const create = useMutation({
    mutationFn: (body: unknown) => api.post(`/networks/${networkId}/leerlabs`, body, leerlabSchema),
    onSuccess: (l) => { void queryClient.invalidateQueries({ queryKey: lk(networkId) }); void navigate(`/leerlabs/${l.id}`); },
    onError: (e) => setErrors(fieldErrorsFromApi(e, t)),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parts = f.parts.split('\n').map((line) => line.trim()).filter(Boolean).map((line) => {
      const [name = '', hours = '0'] = line.split(/[;,]/);
      return { name: name.trim(), hours: Number(hours.trim().replace(',', '.')) || 0 };
    });
    const parsed = formParse(leerlabCreateSchema, {
      name: f.name, pgp: f.pgp, keuzedeelName: f.keuzedeelName, keuzedeelCode: f.keuzedeelCode, parts, cohortYear: Number(f.cohortYear),
      classes: f.classes.split(/[,\s]+/).filter(Boolean), schoolYear: f.schoolYear, firstDate: f.firstDate, lastDate: f.lastDate,
      partners: [...(f.vo ? [{ institutionId: f.vo, side: 'vo' }] : []), ...(f.mbo ? [{ institutionId: f.mbo, side: 'mbo' }] : [])],
      voLocationId: f.voLocationId || null, mboLocationId: f.mboLocationId || null, travelMode: f.travelMode,
    }, t);
    if (!parsed.ok) { setErrors(parsed.errors); return; }
    setErrors({});
    create.mutate(parsed.value);
  };
  const options = (institutions.data ?? []).filter((i) => i.kind !== 'company');
  return (
    <form className="form card" onSubmit={submit} noValidate aria-labelledby="ll-create-title">
      <h2 id="ll-create-title">{t('leerlab.create.title')}</h2>
      <TextField label={t('leerlab.create.name')} value={f.name} onChange={set('name')} error={errors.name} required />
      <TextField label={t('leerlab.create.pgp')} value={f.pgp} onChange={set('pgp')} error={errors.pgp} hint={t('leerlab.create.pgpHint')} required />
      <TextField label={t('leerlab.create.keuzedeel')} value={f.keuzedeelName} onChange={set('keuzedeelName')} error={errors.keuzedeelName} required />
      <TextField label={t('leerlab.create.code')} value={f.keuzedeelCode} onChange={set('keuzedeelCode')} error={errors.keuzedeelCode} />
      <div className="field">
        <label htmlFor="ll-parts">{t('leerlab.create.parts')}</label>
        <p className="field-hint" id="ll-parts-hint">{t('leerlab.create.partsHint')}</p>
        <textarea id="ll-parts" aria-describedby="ll-parts-hint" rows={3} value={f.parts} onChange={set('parts')} />
      </div>
      <SelectField label={t('leerlab.create.cohortYear')} value={f.cohortYear} onChange={set('cohortYear')}>
        <option value="3">3</option><option value="4">4</option>
      </SelectField>
      <TextField label={t('leerlab.create.classes')} value={f.classes} onChange={set('classes')} hint={t('leerlab.create.classesHint')} error={errors.classes} />
      <TextField label={t('leerlab.create.schoolYear')} value={f.schoolYear} onChange={set('schoolYear')} error={errors.schoolYear} required />
      <TextField type="date" label={t('leerlab.create.firstDate')} value={f.firstDate} onChange={set('firstDate')} error={errors.firstDate} required />
      <TextField type="date" label={t('leerlab.create.lastDate')} value={f.lastDate} onChange={set('lastDate')} error={errors.lastDate} required />
      <SelectField label={t('leerlab.create.vo')} value={f.vo} onChange={set('vo')} error={errors.partners} required>
        <option value="">—</option>
        {options.map((i) => <option key={i.id} value={i.id}>{i.name}</option>)}
      </SelectField>
      {f.vo ? <LocationSelect institutionId={f.vo} value={f.voLocationId} onChange={(v) => setF({ ...f, voLocationId: v })} label={t('leerlab.create.voLocation')} /> : null}
      <SelectField label={t('leerlab.create.mbo')} value={f.mbo} onChange={set('mbo')} required>
        <option value="">—</option>
        {options.map((i) => <option key={i.id} value={i.id}>{i.name}</option>)}
      </SelectField>
      {f.mbo ? <LocationSelect institutionId={f.mbo} value={f.mboLocationId} onChange={(v) => setF({ ...f, mboLocationId: v })} label={t('leerlab.create.mboLocation')} /> : null}
      <SelectField label={t('leerlab.create.travelMode')} value={f.travelMode} onChange={set('travelMode')}>
        <option value="bike">{t('leerlab.travel.bike')}</option><option value="walk">{t('leerlab.travel.walk')}</option>
      </SelectField>
      <ErrorMessage error={create.error} />
      <SubmitRow label={t('leerlab.create.submit')} busy={create.isPending} />
    </form>
  );
}

export function LeerlabsPage() {
  const { t } = useTranslation();
  const { caps } = useNetwork();
  const list = useLeerlabs();
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeading title={t('leerlab.list.title')}>
        {caps.manageInstitutions && !creating ? <button type="button" onClick={() => setCreating(true)}>{t('leerlab.list.new')}</button> : null}
      </PageHeading>
      <p className="lead">{t('leerlab.list.lead')}</p>
      {creating ? <CreateForm /> : null}
      <QueryView query={list} emptyTitle={t('leerlab.list.empty')} emptyHelp={t('leerlab.list.emptyHelp')}>
        {(items) => (
          <ul className="plain-list">
            {items.map((l) => (
              <li key={l.id} className="card">
                <h2><Link to={`/leerlabs/${l.id}`}>{l.name}</Link></h2>
                <p className="muted">{l.partners.map((p) => p.name).join(' + ')} · {t('leerlab.list.meta', { pgp: l.pgp, keuzedeel: l.keuzedeelName, year: l.schoolYear, cohort: l.cohortYear })}</p>
                <p>{t('leerlab.list.sessions', { count: l.sessions })}</p>
              </li>
            ))}
          </ul>
        )}
      </QueryView>
    </>
  );
}
