import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { roles, type Role } from '../../../../../src/domain/foundation/person/schema.ts';
import { api } from '../../../api/client.ts';
import type { Person, Programme } from '../../../api/types.ts';
import { nk, useInvalidateNetwork, useNetwork, type Capabilities } from '../../../app/session.tsx';
import { fieldErrorsFromApi, type FieldErrors } from '../../../app/form-errors.ts';
import { PageHeading } from '../../../components/page-heading.tsx';
import { ConfirmDialog, Dialog, useConfirmAction } from '../../../components/dialog.tsx';
import { SelectField, TextField, SubmitRow } from '../../../components/field.tsx';
import { EmptyState, ErrorMessage, Loading, SuccessMessage } from '../../../components/status.tsx';
import { useInstitutions, useProgrammes } from '../institution/queries.ts';
import { InviteForm } from '../invitation/invite-form.tsx';
import { z } from 'zod';
import { personSchema } from '../../../../../src/domain/foundation/person/schema.ts';
import { DataTable } from '../../../components/data-table.tsx';
import { RowButton } from '../../../components/row-actions.tsx';

function canManagePerson(caps: Capabilities, person: Person) {
  if (caps.institutionScope === 'all') return true;
  const scope = caps.institutionScope;
  return person.roles.length > 0 && person.roles.every((r) => r.institutionId !== null && scope.includes(r.institutionId));
}

function ProgrammesForm({ person, programmes, onDone }: { person: Person; programmes: Programme[]; onDone: () => void }) {
  const { t } = useTranslation();
  const { networkId } = useNetwork();
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState<string[]>(person.programmeIds);
  const [errors, setErrors] = useState<FieldErrors>({});
  const errorId = useId();
  const institutionIds = new Set(person.roles.map((r) => r.institutionId).filter(Boolean));
  const relevant = programmes.filter((p) => institutionIds.has(p.institutionId) || person.programmeIds.includes(p.id));
  const save = useMutation({
    mutationFn: (programmeIds: string[]) => api.patch(`/networks/${networkId}/people/${person.id}`, { programmeIds }, personSchema),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: nk(networkId) });
      onDone();
    },
    onError: (error) => setErrors(fieldErrorsFromApi(error, t)),
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    if (chosen.length > 20) return setErrors({ programmeIds: t('field.FIELD_TOO_LONG', { max: 20 }) });
    setErrors({});
    save.mutate(chosen);
  }
  return (
    <form onSubmit={submit} noValidate className="form">
      <ErrorMessage error={save.error} />
      {relevant.length === 0 ? (
        <p>{t('person.noProgrammesAvailable')}</p>
      ) : (
        <fieldset className="checkbox-group" aria-describedby={errors.programmeIds ? errorId : undefined}>
          <legend>{t('person.programmesFor', { name: person.name })}</legend>
          {relevant.map((p) => (
            <label key={p.id} className="checkbox">
              <input
                type="checkbox"
                checked={chosen.includes(p.id)}
                onChange={(e) => setChosen(e.target.checked ? [...chosen, p.id] : chosen.filter((id) => id !== p.id))}
              />
              {p.name} <span className="muted">({p.institutionName}, {t(`level.${p.level}`)})</span>
            </label>
          ))}
          {errors.programmeIds ? (
            <span className="field-error" id={errorId} role="alert">
              {errors.programmeIds}
            </span>
          ) : null}
        </fieldset>
      )}
      <SubmitRow busy={save.isPending} label={t('common.save')} disabled={relevant.length === 0} />
    </form>
  );
}

export function PeoplePage() {
  const { t } = useTranslation();
  const { networkId, caps, me } = useNetwork();
  const people = useQuery({ queryKey: nk(networkId, 'people'), queryFn: () => api.get(`/networks/${networkId}/people`, z.array(personSchema)) });
  const institutions = useInstitutions();
  const programmes = useProgrammes();
  const [search, setSearch] = useState('');
  const [institutionId, setInstitutionId] = useState('');
  const [role, setRole] = useState('');
  const [inviting, setInviting] = useState(false);
  const [editing, setEditing] = useState<Person | null>(null);
  const [notice, setNotice] = useState('');
  const invalidate = useInvalidateNetwork();
  const remove = useConfirmAction(
    (person: Person) => api.delete(`/networks/${networkId}/people/${person.id}`),
    (person) => {
      setNotice(t('person.removed', { name: person.name }));
      void invalidate();
    },
  );

  // The beheerder ends someone's sessions (a lost laptop, a compromised account).
  const isAdmin = caps.roles.includes('admin');
  const endSessions = useConfirmAction(
    (person: Person) => api.post(`/networks/${networkId}/people/${person.id}/sessions/end`, undefined, z.object({ ok: z.literal(true) })),
    (person) => setNotice(t('person.sessionsEnded', { name: person.name })),
  );

  const programmeNames = useMemo(() => new Map((programmes.data ?? []).map((p) => [p.id, p.name])), [programmes.data]);
  const needle = search.trim().toLowerCase();
  const shown = (people.data ?? []).filter(
    (p) =>
      (!needle || p.name.toLowerCase().includes(needle) || p.email.toLowerCase().includes(needle)) &&
      (!institutionId || p.roles.some((r) => r.institutionId === institutionId)) &&
      (!role || p.roles.some((r) => r.role === role)),
  );

  return (
    <>
      <PageHeading title={t('person.listTitle')}>
        {caps.managePeople ? (
          <button type="button" onClick={() => { setNotice(''); setInviting(true); }}>
            {t('invitation.add')}
          </button>
        ) : null}
      </PageHeading>
      <p>{caps.managePeople ? t('person.introManager') : t('person.introReader')}</p>
      {notice ? <SuccessMessage>{notice}</SuccessMessage> : null}
      <div role="search" className="filters" aria-label={t('person.filters')}>
        <TextField label={t('person.search')} type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        <SelectField label={t('person.filterInstitution')} value={institutionId} onChange={(e) => setInstitutionId(e.target.value)}>
          <option value="">{t('person.allInstitutions')}</option>
          {(institutions.data ?? []).map((i) => (
            <option key={i.id} value={i.id}>
              {i.name}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('person.filterRole')} value={role} onChange={(e) => setRole(e.target.value)}>
          <option value="">{t('person.allRoles')}</option>
          {roles.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </SelectField>
      </div>
      {people.isPending ? <Loading /> : null}
      <ErrorMessage error={people.error} />
      {people.data && shown.length === 0 ? (
        <EmptyState title={people.data.length === 0 ? t('person.empty') : t('person.noMatch')}>
          <p>{people.data.length === 0 ? t('person.emptyHelp') : t('person.noMatchHelp')}</p>
        </EmptyState>
      ) : null}
      {people.data && shown.length > 0 ? (
        <DataTable caption={t('person.tableCaption', { count: shown.length, total: people.data.length })} columns={[t('person.name'), t('person.email'), t('person.roles'), t('person.programmes'), t('person.account'), caps.managePeople && t('common.actions')]}>
          {shown.map((p) => (
            <tr key={p.id}>
              <th scope="row">{p.name}</th>
              <td className="break">{p.email}</td>
              <td>
                <ul className="plain-list">
                  {p.roles.map((r) => (
                    <li key={`${r.role}-${r.institutionId ?? ''}`}>
                      {t(`role.${r.role as Role}`)}
                      {r.institutionName ? <span className="muted"> · {r.institutionName}</span> : null}
                    </li>
                  ))}
                </ul>
              </td>
              <td>{p.programmeIds.length === 0 ? '—' : p.programmeIds.map((id) => programmeNames.get(id) ?? '…').join(', ')}</td>
              <td>{p.hasAccount ? t('person.hasAccount') : t('person.noAccount')}</td>
              {caps.managePeople ? (
                <td className="actions">
                  {canManagePerson(caps, p) ? (
                    <>
                      <RowButton label={t('person.editProgrammes')} name={p.name} onClick={() => { setNotice(''); setEditing(p); }} />
                      {p.id !== me.id ? (
                        <RowButton label={t('person.remove')} name={p.name} danger onClick={() => remove.ask(p)} />
                      ) : null}
                      {isAdmin && p.id !== me.id && p.hasAccount ? (
                        <RowButton label={t('person.endSessions')} name={p.name} onClick={() => { setNotice(''); endSessions.ask(p); }} />
                      ) : null}
                    </>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </DataTable>
      ) : null}
      <Dialog open={inviting} title={t('invitation.add')} onClose={() => setInviting(false)}>
        <InviteForm
          {...(institutionId ? { defaultInstitutionId: institutionId } : {})}
          onDone={(inv) => {
            setNotice(t('invitation.sent', { email: inv.email }));
            setInviting(false);
          }}
        />
      </Dialog>
      <Dialog open={editing !== null} title={t('person.editProgrammes')} onClose={() => setEditing(null)}>
        {editing && programmes.data ? (
          <ProgrammesForm
            key={editing.id}
            person={editing}
            programmes={programmes.data}
            onDone={() => {
              setNotice(t('person.programmesSaved', { name: editing.name }));
              setEditing(null);
            }}
          />
        ) : (
          <Loading />
        )}
      </Dialog>
      <ConfirmDialog
        {...endSessions.dialog}
        title={t('person.endSessionsTitle')}
        message={t('person.endSessionsConfirm', { name: endSessions.target?.name ?? '' })}
        confirmLabel={t('person.endSessionsAction')}
      />
      <ConfirmDialog
        {...remove.dialog}
        title={t('person.removeTitle')}
        message={t('person.removeConfirm', { name: remove.target?.name ?? '' })}
        confirmLabel={t('person.removeAction')}
      />
    </>
  );
}
