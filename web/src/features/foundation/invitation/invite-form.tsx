import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { invitationInputSchema } from '../../../../../src/domain/foundation/invitation/schema.ts';
import { networkRoles, type Role } from '../../../../../src/domain/foundation/person/schema.ts';
import { api } from '../../../api/client.ts';
import type { Invitation } from '../../../api/types.ts';
import { nk, useNetwork } from '../../../app/session.tsx';
import { fieldErrorsFromApi, formParse, type FieldErrors } from '../../../app/form-errors.ts';
import { SelectField, TextField, SubmitRow } from '../../../components/field.tsx';
import { ErrorMessage, Loading } from '../../../components/status.tsx';
import { useInstitutions } from '../institution/queries.ts';
import { invitationSchema } from '../../../../../src/domain/foundation/invitation/schema.ts';

const INSTITUTION_ROLES: Role[] = ['teacher', 'professional', 'school_coordinator', 'team_lead'];

/** Invites someone by e-mail with a role (and the institution for institution roles). */
export function InviteForm({ onDone, defaultInstitutionId }: { onDone: (invitation: Invitation) => void; defaultInstitutionId?: string }) {
  const { t } = useTranslation();
  const { networkId, caps } = useNetwork();
  const queryClient = useQueryClient();
  const institutions = useInstitutions();
  const roles: Role[] = caps.manageNetwork ? [...INSTITUTION_ROLES, ...networkRoles] : INSTITUTION_ROLES;
  const manageable = (institutions.data ?? []).filter((i) => caps.institutionScope === 'all' || caps.institutionScope.includes(i.id));
  const [form, setForm] = useState({ email: '', name: '', role: 'teacher' as string, institutionId: defaultInstitutionId ?? '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const needsInstitution = !networkRoles.includes(form.role as Role);
  const invite = useMutation({
    mutationFn: (input: unknown) => api.post(`/networks/${networkId}/invitations`, input, invitationSchema),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: nk(networkId) });
      onDone(created);
    },
    onError: (error) => setErrors(fieldErrorsFromApi(error, t)),
  });
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = formParse(invitationInputSchema, { email: form.email, name: form.name, role: form.role, institutionId: needsInstitution ? form.institutionId || null : null }, t);
    if (!parsed.ok) return setErrors(parsed.errors);
    if (needsInstitution && !form.institutionId) return setErrors({ institutionId: t('field.FIELD_INSTITUTION_REQUIRED') });
    setErrors({});
    invite.mutate(parsed.value);
  }

  return (
    <form onSubmit={submit} noValidate className="form">
      <ErrorMessage error={invite.error} />
      <TextField label={t('invitation.name')} autoComplete="off" required value={form.name} onChange={set('name')} error={errors.name} />
      <TextField label={t('invitation.email')} type="email" autoComplete="off" required value={form.email} onChange={set('email')} error={errors.email} />
      <SelectField label={t('invitation.role')} required value={form.role} onChange={set('role')} error={errors.role}>
        {roles.map((r) => (
          <option key={r} value={r}>
            {t(`role.${r}`)}
          </option>
        ))}
      </SelectField>
      {needsInstitution ? (
        institutions.isPending ? (
          <Loading />
        ) : (
          <SelectField label={t('invitation.institution')} required value={form.institutionId} onChange={set('institutionId')} error={errors.institutionId}>
            <option value="">{t('invitation.chooseInstitution')}</option>
            {manageable.map((i) => (
              <option key={i.id} value={i.id}>
                {i.name}
              </option>
            ))}
          </SelectField>
        )
      ) : (
        <p className="field-hint">{t('invitation.networkRoleHint')}</p>
      )}
      <SubmitRow busy={invite.isPending} label={t('invitation.send')} />
    </form>
  );
}
