import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { institutionInputSchema, institutionKinds, locationInputSchema } from '../../../../../src/domain/foundation/institution/schema.ts';
import { programmeInputSchema, programmeLevels } from '../../../../../src/domain/foundation/programme/schema.ts';
import { api } from '../../../api/client.ts';
import type { Institution, Location, Programme } from '../../../api/types.ts';
import { canManageInstitution, nk, useNetwork } from '../../../app/session.tsx';
import { fieldErrorsFromApi, formParse, type FieldErrors } from '../../../app/form-errors.ts';
import { PageHeading } from '../../../components/page-heading.tsx';
import { ConfirmDialog, Dialog } from '../../../components/dialog.tsx';
import { SelectField, TextField } from '../../../components/field.tsx';
import { IscedPicker } from './isced-picker.tsx';
import { EmptyState, ErrorMessage, Loading, SuccessMessage } from '../../../components/status.tsx';
import { useInstitution, useIsced, useLocations, useProgrammes } from './queries.ts';
import { TimetableBulkSection } from './timetable-bulk-section.tsx';
import { RowActions } from '../../../components/row-actions.tsx';
import { institutionSchema, locationSchema } from '../../../../../src/domain/foundation/institution/schema.ts';
import { programmeSchema } from '../../../../../src/domain/foundation/programme/schema.ts';

function useInvalidateNetwork() {
  const { networkId } = useNetwork();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: nk(networkId) });
}

function InstitutionForm({ institution, onDone }: { institution: Institution; onDone: () => void }) {
  const { t } = useTranslation();
  const { networkId } = useNetwork();
  const invalidate = useInvalidateNetwork();
  const [form, setForm] = useState({ name: institution.name, kind: institution.kind as string, brin: institution.brin ?? '', website: institution.website ?? '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = useMutation({
    mutationFn: (input: unknown) => api.patch(`/networks/${networkId}/institutions/${institution.id}`, input, institutionSchema),
    onSuccess: () => {
      void invalidate();
      onDone();
    },
    onError: (error) => setErrors(fieldErrorsFromApi(error, t)),
  });
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = formParse(institutionInputSchema, { name: form.name, kind: form.kind, brin: form.brin.trim() || null, website: form.website.trim() || null }, t);
    if (!parsed.ok) return setErrors(parsed.errors);
    setErrors({});
    save.mutate(parsed.value);
  }
  return (
    <form onSubmit={submit} noValidate className="form">
      <ErrorMessage error={save.error} />
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
        <button type="submit" disabled={save.isPending}>
          {save.isPending ? t('common.busy') : t('common.save')}
        </button>
      </div>
    </form>
  );
}

const emptyLocation = { name: '', address: '', postcode: '', city: '' };

function LocationForm({ institutionId, location, onDone }: { institutionId: string; location?: Location; onDone: () => void }) {
  const { t } = useTranslation();
  const { networkId } = useNetwork();
  const invalidate = useInvalidateNetwork();
  const [form, setForm] = useState(location ? { name: location.name, address: location.address, postcode: location.postcode, city: location.city } : emptyLocation);
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = useMutation({
    mutationFn: (input: unknown) =>
      location
        ? api.patch(`/networks/${networkId}/locations/${location.id}`, input, locationSchema)
        : api.post(`/networks/${networkId}/institutions/${institutionId}/locations`, input, locationSchema),
    onSuccess: () => {
      void invalidate();
      onDone();
    },
    onError: (error) => setErrors(fieldErrorsFromApi(error, t)),
  });
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = formParse(locationInputSchema, form, t);
    if (!parsed.ok) return setErrors(parsed.errors);
    setErrors({});
    save.mutate(parsed.value);
  }
  return (
    <form onSubmit={submit} noValidate className="form">
      <ErrorMessage error={save.error} />
      <TextField label={t('location.name')} hint={t('location.nameHint')} required value={form.name} onChange={set('name')} error={errors.name} />
      <TextField label={t('location.address')} autoComplete="street-address" required value={form.address} onChange={set('address')} error={errors.address} />
      <TextField label={t('location.postcode')} hint={t('location.postcodeHint')} autoComplete="postal-code" required value={form.postcode} onChange={set('postcode')} error={errors.postcode} />
      <TextField label={t('location.city')} autoComplete="address-level2" required value={form.city} onChange={set('city')} error={errors.city} />
      <div className="button-row">
        <button type="submit" disabled={save.isPending}>
          {save.isPending ? t('common.busy') : location ? t('common.save') : t('location.add')}
        </button>
      </div>
    </form>
  );
}

function ProgrammeForm({ institutionId, programme, onDone }: { institutionId: string; programme?: Programme; onDone: () => void }) {
  const { t } = useTranslation();
  const { networkId } = useNetwork();
  const invalidate = useInvalidateNetwork();
  const isced = useIsced();
  const [form, setForm] = useState({ name: programme?.name ?? '', iscedCode: programme?.iscedCode ?? '', level: (programme?.level ?? 'mbo-4') as string, code: programme?.code ?? '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = useMutation({
    mutationFn: (input: Record<string, unknown>) => {
      if (programme) {
        const { institutionId: _ignored, ...patch } = input;
        return api.patch(`/networks/${networkId}/programmes/${programme.id}`, patch, programmeSchema);
      }
      return api.post(`/networks/${networkId}/programmes`, input, programmeSchema);
    },
    onSuccess: () => {
      void invalidate();
      onDone();
    },
    onError: (error) => setErrors(fieldErrorsFromApi(error, t)),
  });
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = formParse(programmeInputSchema, { institutionId, name: form.name, iscedCode: form.iscedCode, level: form.level, code: form.code.trim() || null }, t);
    if (!parsed.ok) return setErrors(parsed.errors);
    setErrors({});
    save.mutate(parsed.value);
  }
  return (
    <form onSubmit={submit} noValidate className="form">
      <ErrorMessage error={save.error} />
      <TextField label={t('programme.name')} required value={form.name} onChange={set('name')} error={errors.name} />
      {isced.isPending ? <Loading /> : null}
      <ErrorMessage error={isced.error} />
      {isced.data ? <IscedPicker fields={isced.data} value={form.iscedCode} onChange={(code) => setForm({ ...form, iscedCode: code })} error={errors.iscedCode} /> : null}
      <SelectField label={t('programme.level')} required value={form.level} onChange={set('level')} error={errors.level}>
        {programmeLevels.map((l) => (
          <option key={l} value={l}>
            {t(`level.${l}`)}
          </option>
        ))}
      </SelectField>
      <TextField label={t('programme.code')} hint={t('programme.codeHint')} value={form.code} onChange={set('code')} error={errors.code} />
      <div className="button-row">
        <button type="submit" disabled={save.isPending}>
          {save.isPending ? t('common.busy') : programme ? t('common.save') : t('programme.add')}
        </button>
      </div>
    </form>
  );
}

type Editing<T> = { mode: 'closed' } | { mode: 'new' } | { mode: 'edit'; item: T };

function useDelete(url: (id: string) => string, onDone: () => void) {
  const invalidate = useInvalidateNetwork();
  return useMutation({
    mutationFn: (id: string) => api.delete(url(id)),
    onSuccess: () => {
      void invalidate();
      onDone();
    },
  });
}

function LocationsSection({ institutionId, canManage }: { institutionId: string; canManage: boolean }) {
  const { t } = useTranslation();
  const { networkId } = useNetwork();
  const locations = useLocations(institutionId);
  const [editing, setEditing] = useState<Editing<Location>>({ mode: 'closed' });
  const [removing, setRemoving] = useState<Location | null>(null);
  const [notice, setNotice] = useState('');
  const remove = useDelete((id) => `/networks/${networkId}/locations/${id}`, () => {
    setNotice(t('location.deleted', { name: removing?.name ?? '' }));
    setRemoving(null);
  });
  return (
    <section aria-labelledby="locations-title" className="section">
      <div className="section-heading">
        <h2 id="locations-title">{t('location.title')}</h2>
        {canManage ? (
          <button type="button" onClick={() => { setNotice(''); setEditing({ mode: 'new' }); }}>
            {t('location.add')}
          </button>
        ) : null}
      </div>
      {notice ? <SuccessMessage>{notice}</SuccessMessage> : null}
      {locations.isPending ? <Loading /> : null}
      <ErrorMessage error={locations.error} />
      {locations.data?.length === 0 ? (
        <EmptyState title={t('location.empty')}>
          <p>{canManage ? t('location.emptyHelpManager') : t('location.emptyHelp')}</p>
        </EmptyState>
      ) : null}
      {locations.data && locations.data.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption className="sr-only">{t('location.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('location.name')}</th>
                <th scope="col">{t('location.address')}</th>
                <th scope="col">{t('location.postcode')}</th>
                <th scope="col">{t('location.city')}</th>
                {canManage ? <th scope="col">{t('common.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {locations.data.map((l) => (
                <tr key={l.id}>
                  <th scope="row">{l.name}</th>
                  <td>{l.address}</td>
                  <td>{l.postcode}</td>
                  <td>{l.city}</td>
                  {canManage ? (
                    <RowActions name={l.name} onEdit={() => { setNotice(''); setEditing({ mode: 'edit', item: l }); }} onDelete={() => { remove.reset(); setRemoving(l); }} />
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <Dialog open={editing.mode !== 'closed'} title={editing.mode === 'edit' ? t('location.edit') : t('location.add')} onClose={() => setEditing({ mode: 'closed' })}>
        <LocationForm
          key={editing.mode === 'edit' ? editing.item.id : 'new'}
          institutionId={institutionId}
          {...(editing.mode === 'edit' ? { location: editing.item } : {})}
          onDone={() => {
            setNotice(editing.mode === 'edit' ? t('location.saved') : t('location.added'));
            setEditing({ mode: 'closed' });
          }}
        />
      </Dialog>
      <ConfirmDialog
        open={removing !== null}
        title={t('location.deleteTitle')}
        message={t('location.deleteConfirm', { name: removing?.name ?? '' })}
        confirmLabel={t('location.deleteAction')}
        busy={remove.isPending}
        error={<ErrorMessage error={remove.error} />}
        onConfirm={() => removing && remove.mutate(removing.id)}
        onClose={() => setRemoving(null)}
      />
    </section>
  );
}

function ProgrammesSection({ institutionId, canManage }: { institutionId: string; canManage: boolean }) {
  const { t } = useTranslation();
  const { networkId } = useNetwork();
  const programmes = useProgrammes(institutionId);
  const [editing, setEditing] = useState<Editing<Programme>>({ mode: 'closed' });
  const [removing, setRemoving] = useState<Programme | null>(null);
  const [notice, setNotice] = useState('');
  const remove = useDelete((id) => `/networks/${networkId}/programmes/${id}`, () => {
    setNotice(t('programme.deleted', { name: removing?.name ?? '' }));
    setRemoving(null);
  });
  return (
    <section aria-labelledby="programmes-title" className="section">
      <div className="section-heading">
        <h2 id="programmes-title">{t('programme.title')}</h2>
        {canManage ? (
          <button type="button" onClick={() => { setNotice(''); setEditing({ mode: 'new' }); }}>
            {t('programme.add')}
          </button>
        ) : null}
      </div>
      {notice ? <SuccessMessage>{notice}</SuccessMessage> : null}
      {programmes.isPending ? <Loading /> : null}
      <ErrorMessage error={programmes.error} />
      {programmes.data?.length === 0 ? (
        <EmptyState title={t('programme.empty')}>
          <p>{canManage ? t('programme.emptyHelpManager') : t('programme.emptyHelp')}</p>
          {canManage ? <Link to="/importeren">{t('programme.importLink')}</Link> : null}
        </EmptyState>
      ) : null}
      {programmes.data && programmes.data.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption className="sr-only">{t('programme.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('programme.name')}</th>
                <th scope="col">{t('programme.isced')}</th>
                <th scope="col">{t('programme.level')}</th>
                <th scope="col">{t('programme.code')}</th>
                {canManage ? <th scope="col">{t('common.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {programmes.data.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{p.name}</th>
                  <td>
                    {p.iscedCode}
                    {p.iscedLabel ? ` — ${p.iscedLabel}` : ''}
                  </td>
                  <td>{t(`level.${p.level}`)}</td>
                  <td>{p.code ?? '—'}</td>
                  {canManage ? (
                    <RowActions name={p.name} onEdit={() => { setNotice(''); setEditing({ mode: 'edit', item: p }); }} onDelete={() => { remove.reset(); setRemoving(p); }} />
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <Dialog open={editing.mode !== 'closed'} title={editing.mode === 'edit' ? t('programme.edit') : t('programme.add')} onClose={() => setEditing({ mode: 'closed' })}>
        <ProgrammeForm
          key={editing.mode === 'edit' ? editing.item.id : 'new'}
          institutionId={institutionId}
          {...(editing.mode === 'edit' ? { programme: editing.item } : {})}
          onDone={() => {
            setNotice(editing.mode === 'edit' ? t('programme.saved') : t('programme.added'));
            setEditing({ mode: 'closed' });
          }}
        />
      </Dialog>
      <ConfirmDialog
        open={removing !== null}
        title={t('programme.deleteTitle')}
        message={t('programme.deleteConfirm', { name: removing?.name ?? '' })}
        confirmLabel={t('programme.deleteAction')}
        busy={remove.isPending}
        error={<ErrorMessage error={remove.error} />}
        onConfirm={() => removing && remove.mutate(removing.id)}
        onClose={() => setRemoving(null)}
      />
    </section>
  );
}

export function InstitutionDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { caps, networkId } = useNetwork();
  const navigate = useNavigate();
  const institution = useInstitution(id);
  const [editing, setEditing] = useState(false);
  const [removing, setRemoving] = useState(false);
  const invalidate = useInvalidateNetwork();
  const remove = useMutation({
    mutationFn: () => api.delete(`/networks/${networkId}/institutions/${id}`),
    onSuccess: () => {
      void invalidate();
      navigate('/instellingen');
    },
  });
  const canManage = canManageInstitution(caps, id);
  const data = institution.data;

  return (
    <>
      <PageHeading title={data?.name ?? t('institution.detailTitle')}>
        {data && canManage ? (
          <div className="button-row">
            <button type="button" className="button-secondary" onClick={() => setEditing(true)}>
              {t('institution.edit')}
            </button>
            {caps.manageNetwork ? (
              <button type="button" className="button-danger-outline" onClick={() => { remove.reset(); setRemoving(true); }}>
                {t('institution.delete')}
              </button>
            ) : null}
          </div>
        ) : null}
      </PageHeading>
      <p>
        <Link to="/instellingen">{t('institution.backToList')}</Link>
      </p>
      {institution.isPending ? <Loading /> : null}
      <ErrorMessage error={institution.error} />
      {data ? (
        <>
          <dl className="facts card">
            <div>
              <dt>{t('institution.kind')}</dt>
              <dd>{t(`kind.${data.kind}`)}</dd>
            </div>
            <div>
              <dt>{t('institution.brin')}</dt>
              <dd>{data.brin ?? '—'}</dd>
            </div>
            <div>
              <dt>{t('institution.website')}</dt>
              <dd>{data.website ? <a href={data.website} rel="noopener noreferrer">{data.website}</a> : '—'}</dd>
            </div>
            <div>
              <dt>{t('institution.people')}</dt>
              <dd>{data.peopleCount}</dd>
            </div>
          </dl>
          <LocationsSection institutionId={id} canManage={canManage} />
          <ProgrammesSection institutionId={id} canManage={canManage} />
          {canManage ? <TimetableBulkSection institutionId={id} /> : null}
          <Dialog open={editing} title={t('institution.edit')} onClose={() => setEditing(false)}>
            <InstitutionForm institution={data} onDone={() => setEditing(false)} />
          </Dialog>
          <ConfirmDialog
            open={removing}
            title={t('institution.deleteTitle')}
            message={t('institution.deleteConfirm', { name: data.name })}
            confirmLabel={t('institution.deleteAction')}
            busy={remove.isPending}
            error={<ErrorMessage error={remove.error} />}
            onConfirm={() => remove.mutate()}
            onClose={() => setRemoving(false)}
          />
        </>
      ) : null}
    </>
  );
}
