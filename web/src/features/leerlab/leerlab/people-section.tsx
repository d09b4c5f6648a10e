import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../../api/client.ts';
import { nk, useNetwork } from '../../../app/session.tsx';
import { SelectField } from '../../../components/field.tsx';
import { ErrorMessage } from '../../../components/status.tsx';
import { RowButton } from '../../../components/row-actions.tsx';
import { personSchema } from '../../../../../src/domain/foundation/person/schema.ts';
import { leerlabSchema, leerlabStaffRoles, type Leerlab } from '../../../../../src/domain/leerlab/leerlab/schema.ts';
import { leerlabPath, lk } from '../queries.ts';

/** The leerlab's people: coordinators of both schools, mbo teachers, vo teachers (their timetables count in the planning). */
export function PeopleSection({ leerlab }: { leerlab: Leerlab }) {
  const { t } = useTranslation();
  const { networkId } = useNetwork();
  const queryClient = useQueryClient();
  const people = useQuery({ queryKey: nk(networkId, 'people'), queryFn: () => api.get(`/networks/${networkId}/people`, z.array(personSchema)) });
  const [personId, setPersonId] = useState('');
  const [role, setRole] = useState<string>('mbo_teacher');
  const save = useMutation({
    mutationFn: (staff: { personId: string; role: string }[]) => api.patch(leerlabPath(networkId, leerlab.id), { staff }, leerlabSchema),
    onSuccess: () => { setPersonId(''); void queryClient.invalidateQueries({ queryKey: lk(networkId, leerlab.id) }); },
  });
  const current = leerlab.staff.map((s) => ({ personId: s.personId, role: s.role }));
  const partnerIds = new Set(leerlab.partners.map((p) => p.institutionId));
  const candidates = (people.data ?? []).filter((p) => p.roles.some((r) => r.institutionId && partnerIds.has(r.institutionId)));
  return (
    <section className="card" aria-labelledby="ll-people-title">
      <h2 id="ll-people-title">{t('leerlab.people.title')}</h2>
      <p className="muted">{t('leerlab.people.lead')}</p>
      {leerlab.staff.length === 0 ? <p>{t('leerlab.people.none')}</p> : (
        <ul className="plain-list">
          {leerlab.staff.map((s) => (
            <li key={`${s.personId}-${s.role}`}>
              {s.name} — {t(`leerlab.role.${s.role}`)}{' '}
              <RowButton label={t('leerlab.people.remove')} name={s.name} danger onClick={() => save.mutate(current.filter((c) => !(c.personId === s.personId && c.role === s.role)))} />
            </li>
          ))}
        </ul>
      )}
      <form className="form" onSubmit={(e) => { e.preventDefault(); if (personId) save.mutate([...current, { personId, role }]); }}>
        <SelectField label={t('leerlab.people.person')} value={personId} onChange={(e) => setPersonId(e.target.value)}>
          <option value="">—</option>
          {candidates.map((p) => <option key={p.id} value={p.id}>{p.name} ({p.roles.map((r) => r.institutionName).filter(Boolean).join(', ')})</option>)}
        </SelectField>
        <SelectField label={t('leerlab.people.role')} value={role} onChange={(e) => setRole(e.target.value)}>
          {leerlabStaffRoles.map((r) => <option key={r} value={r}>{t(`leerlab.role.${r}`)}</option>)}
        </SelectField>
        <ErrorMessage error={save.error} />
        <button type="submit" disabled={!personId || save.isPending}>{t('leerlab.people.add')}</button>
      </form>
    </section>
  );
}
