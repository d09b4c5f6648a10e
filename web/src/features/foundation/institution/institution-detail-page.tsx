import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { locationInputSchema, locationSchema, type Location } from '../../../../../src/domain/foundation/institution/schema.ts';
import { programmeInputSchema, programmeLevels, programmeSchema, type Programme } from '../../../../../src/domain/foundation/programme/schema.ts';
import { api } from '../../../api/client.ts';
import { canManageInstitution, useInvalidateNetwork, useNetwork } from '../../../app/session.tsx';
import { useFormFields, useSchemaForm } from '../../../app/form-errors.ts';
import { PageHeading } from '../../../components/page-heading.tsx';
import { ConfirmDialog, Dialog, useConfirmAction } from '../../../components/dialog.tsx';
import { EditableListSection } from '../../../components/editable-list.tsx';
import { SelectField, SubmitRow, TextField } from '../../../components/field.tsx';
import { ErrorMessage, Loading } from '../../../components/status.tsx';
import { IscedPicker } from './isced-picker.tsx';
import { InstitutionForm } from './institution-form.tsx';
import { useInstitution, useIsced, useLocations, useProgrammes } from './queries.ts';
import { TimetableBulkSection } from './timetable-bulk-section.tsx';

function LocationForm({ institutionId, location, onDone }: { institutionId: string; location?: Location; onDone: () => void }) {
  const { t } = useTranslation();
  const { networkId } = useNetwork();
  const invalidate = useInvalidateNetwork();
  const { form, set } = useFormFields({ name: location?.name ?? '', address: location?.address ?? '', postcode: location?.postcode ?? '', city: location?.city ?? '' });
  const { errors, save, submit } = useSchemaForm(
    locationInputSchema,
    (input) =>
      location
        ? api.patch(`/networks/${networkId}/locations/${location.id}`, input, locationSchema)
        : api.post(`/networks/${networkId}/institutions/${institutionId}/locations`, input, locationSchema),
    () => {
      void invalidate();
      onDone();
    },
  );
  return (
    <form onSubmit={(e) => submit(e, form)} noValidate className="form">
      <ErrorMessage error={save.error} />
      <TextField label={t('location.name')} hint={t('location.nameHint')} required value={form.name} onChange={set('name')} error={errors.name} />
      <TextField label={t('location.address')} autoComplete="street-address" required value={form.address} onChange={set('address')} error={errors.address} />
      <TextField label={t('location.postcode')} hint={t('location.postcodeHint')} autoComplete="postal-code" required value={form.postcode} onChange={set('postcode')} error={errors.postcode} />
      <TextField label={t('location.city')} autoComplete="address-level2" required value={form.city} onChange={set('city')} error={errors.city} />
      <SubmitRow busy={save.isPending} label={location ? t('common.save') : t('location.add')} />
    </form>
  );
}

function ProgrammeForm({ institutionId, programme, onDone }: { institutionId: string; programme?: Programme; onDone: () => void }) {
  const { t } = useTranslation();
  const { networkId } = useNetwork();
  const invalidate = useInvalidateNetwork();
  const isced = useIsced();
  const { form, set, setForm } = useFormFields({ name: programme?.name ?? '', iscedCode: programme?.iscedCode ?? '', level: programme?.level ?? 'mbo-4', code: programme?.code ?? '' });
  const { errors, save, submit } = useSchemaForm(
    programmeInputSchema,
    (input) => {
      if (programme) {
        const { institutionId: _ignored, ...patch } = input;
        return api.patch(`/networks/${networkId}/programmes/${programme.id}`, patch, programmeSchema);
      }
      return api.post(`/networks/${networkId}/programmes`, input, programmeSchema);
    },
    () => {
      void invalidate();
      onDone();
    },
  );
  return (
    <form onSubmit={(e) => submit(e, { institutionId, name: form.name, iscedCode: form.iscedCode, level: form.level, code: form.code.trim() || null })} noValidate className="form">
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
      <SubmitRow busy={save.isPending} label={programme ? t('common.save') : t('programme.add')} />
    </form>
  );
}

function LocationsSection({ institutionId, canManage }: { institutionId: string; canManage: boolean }) {
  const { t } = useTranslation();
  const { networkId } = useNetwork();
  const invalidate = useInvalidateNetwork();
  return (
    <EditableListSection<Location>
      id="locations"
      canManage={canManage}
      query={useLocations(institutionId)}
      texts={{
        title: t('location.title'), add: t('location.add'), edit: t('location.edit'), added: t('location.added'), saved: t('location.saved'),
        deleted: (name) => t('location.deleted', { name }), deleteTitle: t('location.deleteTitle'), deleteConfirm: (name) => t('location.deleteConfirm', { name }),
        deleteAction: t('location.deleteAction'), empty: t('location.empty'),
      }}
      emptyHelp={<p>{canManage ? t('location.emptyHelpManager') : t('location.emptyHelp')}</p>}
      columns={[t('location.name'), t('location.address'), t('location.postcode'), t('location.city')]}
      row={(l) => (
        <>
          <th scope="row">{l.name}</th>
          <td>{l.address}</td>
          <td>{l.postcode}</td>
          <td>{l.city}</td>
        </>
      )}
      form={(location, onDone) => <LocationForm institutionId={institutionId} {...(location ? { location } : {})} onDone={onDone} />}
      remove={(l) => api.delete(`/networks/${networkId}/locations/${l.id}`).then(() => void invalidate())}
    />
  );
}

function ProgrammesSection({ institutionId, canManage }: { institutionId: string; canManage: boolean }) {
  const { t } = useTranslation();
  const { networkId } = useNetwork();
  const invalidate = useInvalidateNetwork();
  return (
    <EditableListSection<Programme>
      id="programmes"
      canManage={canManage}
      query={useProgrammes(institutionId)}
      texts={{
        title: t('programme.title'), add: t('programme.add'), edit: t('programme.edit'), added: t('programme.added'), saved: t('programme.saved'),
        deleted: (name) => t('programme.deleted', { name }), deleteTitle: t('programme.deleteTitle'), deleteConfirm: (name) => t('programme.deleteConfirm', { name }),
        deleteAction: t('programme.deleteAction'), empty: t('programme.empty'),
      }}
      emptyHelp={
        <>
          <p>{canManage ? t('programme.emptyHelpManager') : t('programme.emptyHelp')}</p>
          {canManage ? <Link to="/importeren">{t('programme.importLink')}</Link> : null}
        </>
      }
      columns={[t('programme.name'), t('programme.isced'), t('programme.level'), t('programme.code')]}
      row={(p) => (
        <>
          <th scope="row">{p.name}</th>
          <td>
            {p.iscedCode}
            {p.iscedLabel ? ` — ${p.iscedLabel}` : ''}
          </td>
          <td>{t(`level.${p.level}`)}</td>
          <td>{p.code ?? '—'}</td>
        </>
      )}
      form={(programme, onDone) => <ProgrammeForm institutionId={institutionId} {...(programme ? { programme } : {})} onDone={onDone} />}
      remove={(p) => api.delete(`/networks/${networkId}/programmes/${p.id}`).then(() => void invalidate())}
    />
  );
}

export function InstitutionDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { caps, networkId } = useNetwork();
  const navigate = useNavigate();
  const institution = useInstitution(id);
  const [editing, setEditing] = useState(false);
  const invalidate = useInvalidateNetwork();
  const remove = useConfirmAction(
    () => api.delete(`/networks/${networkId}/institutions/${id}`),
    () => {
      void invalidate();
      navigate('/instellingen');
    },
  );
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
              <button type="button" className="button-danger-outline" onClick={() => remove.ask(true)}>
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
            {...remove.dialog}
            title={t('institution.deleteTitle')}
            message={t('institution.deleteConfirm', { name: data.name })}
            confirmLabel={t('institution.deleteAction')}
          />
        </>
      ) : null}
    </>
  );
}
