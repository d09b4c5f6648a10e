import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { invitationAcceptSchema } from '../../../../../src/domain/foundation/invitation/schema.ts';
import { api } from '../../../api/client.ts';
import { PageHeading } from '../../../components/page-heading.tsx';
import { TextField, SubmitRow } from '../../../components/field.tsx';
import { ErrorMessage, Loading } from '../../../components/status.tsx';
import { fieldErrorsFromApi, formParse, type FieldErrors } from '../../../app/form-errors.ts';
import { invitationPublicSchema } from '../../../../../src/domain/foundation/invitation/schema.ts';
import { meSchema } from '../../../../../src/domain/foundation/person/schema.ts';

export function InvitationAcceptPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const invitation = useQuery({ queryKey: ['invitation', token], queryFn: () => api.get(`/invitations/${encodeURIComponent(token)}`, invitationPublicSchema), retry: false });
  const [name, setName] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});

  const accept = useMutation({
    mutationFn: (input: { name: string; password: string }) => api.post(`/invitations/${encodeURIComponent(token)}/accept`, input, meSchema),
    onSuccess: (me) => {
      queryClient.setQueryData(['me'], me);
      navigate('/', { replace: true });
    },
    onError: (error) => setErrors(fieldErrorsFromApi(error, t)),
  });

  const data = invitation.data;
  const nameValue = name ?? data?.name ?? '';

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!data) return;
    // With an existing account only the password is asked; the invitation's name is sent along.
    const parsed = formParse(invitationAcceptSchema, { name: data.hasAccount ? data.name : nameValue, password }, t);
    if (!parsed.ok) return setErrors(parsed.errors);
    setErrors({});
    accept.mutate(parsed.value);
  }

  return (
    <>
      <PageHeading title={t('invitationAccept.title')} />
      {invitation.isPending ? <Loading /> : null}
      <ErrorMessage error={invitation.error} />
      {data ? (
        <>
          <dl className="facts card">
            <div>
              <dt>{t('invitationAccept.network')}</dt>
              <dd>{data.networkName}</dd>
            </div>
            <div>
              <dt>{t('invitationAccept.role')}</dt>
              <dd>{t(`role.${data.role}`)}</dd>
            </div>
            {data.institutionName ? (
              <div>
                <dt>{t('invitationAccept.institution')}</dt>
                <dd>{data.institutionName}</dd>
              </div>
            ) : null}
            <div>
              <dt>{t('invitationAccept.email')}</dt>
              <dd>{data.email}</dd>
            </div>
          </dl>
          <p>{data.hasAccount ? t('invitationAccept.introExisting') : t('invitationAccept.introNew')}</p>
          <form onSubmit={submit} noValidate className="form card">
            <ErrorMessage error={accept.error} />
            {data.hasAccount ? null : (
              <TextField label={t('invitationAccept.name')} autoComplete="name" required value={nameValue} onChange={(e) => setName(e.target.value)} error={errors.name} />
            )}
            <TextField
              label={data.hasAccount ? t('invitationAccept.currentPassword') : t('invitationAccept.newPassword')}
              hint={data.hasAccount ? undefined : t('reset.passwordHint')}
              type="password"
              autoComplete={data.hasAccount ? 'current-password' : 'new-password'}
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              error={errors.password}
            />
            <SubmitRow busy={accept.isPending} label={t('invitationAccept.submit')} />
          </form>
        </>
      ) : null}
    </>
  );
}
