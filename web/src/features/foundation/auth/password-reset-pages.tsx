import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@tanstack/react-query';
import { passwordResetRequestSchema, passwordResetConfirmSchema } from '../../../../../src/domain/foundation/auth/schema.ts';
import { api } from '../../../api/client.ts';
import { PageHeading } from '../../../components/page-heading.tsx';
import { TextField, SubmitRow } from '../../../components/field.tsx';
import { ErrorMessage, SuccessMessage } from '../../../components/status.tsx';
import { fieldErrorsFromApi, formParse, type FieldErrors } from '../../../app/form-errors.ts';

export function PasswordResetRequestPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const request = useMutation({
    mutationFn: (input: { email: string }) => api.post('/auth/password-reset', input),
    onError: (error) => setErrors(fieldErrorsFromApi(error, t)),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = formParse(passwordResetRequestSchema, { email }, t);
    if (!parsed.ok) return setErrors(parsed.errors);
    setErrors({});
    request.mutate(parsed.value);
  }

  return (
    <>
      <PageHeading title={t('reset.requestTitle')} />
      <p>{t('reset.requestIntro')}</p>
      {request.isSuccess ? (
        <SuccessMessage>{t('reset.requestSent')}</SuccessMessage>
      ) : (
        <form onSubmit={submit} noValidate className="form card">
          <ErrorMessage error={request.error} />
          <TextField label={t('login.email')} type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} error={errors.email} />
          <SubmitRow busy={request.isPending} label={t('reset.requestSubmit')} />
        </form>
      )}
      <p>
        <Link to="/inloggen">{t('reset.backToLogin')}</Link>
      </p>
    </>
  );
}

export function PasswordResetConfirmPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const confirm = useMutation({
    mutationFn: (input: { token: string; password: string }) => api.post('/auth/password-reset/confirm', input),
    onError: (error) => setErrors(fieldErrorsFromApi(error, t)),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = formParse(passwordResetConfirmSchema, { token, password }, t);
    if (!parsed.ok) return setErrors(parsed.errors);
    if (password !== repeat) return setErrors({ repeat: t('field.PASSWORDS_DIFFER') });
    setErrors({});
    confirm.mutate(parsed.value);
  }

  return (
    <>
      <PageHeading title={t('reset.confirmTitle')} />
      {confirm.isSuccess ? (
        <>
          <SuccessMessage>{t('reset.confirmDone')}</SuccessMessage>
          <button type="button" onClick={() => navigate('/inloggen')}>
            {t('login.submit')}
          </button>
        </>
      ) : (
        <form onSubmit={submit} noValidate className="form card">
          <ErrorMessage error={confirm.error} />
          {errors.token ? <p className="status status-error" role="alert">{t('reset.badToken')}</p> : null}
          <TextField label={t('reset.newPassword')} hint={t('reset.passwordHint')} type="password" autoComplete="new-password" required value={password} onChange={(e) => setPassword(e.target.value)} error={errors.password} />
          <TextField label={t('reset.repeatPassword')} type="password" autoComplete="new-password" required value={repeat} onChange={(e) => setRepeat(e.target.value)} error={errors.repeat} />
          <SubmitRow busy={confirm.isPending} label={t('reset.confirmSubmit')} />
        </form>
      )}
    </>
  );
}
