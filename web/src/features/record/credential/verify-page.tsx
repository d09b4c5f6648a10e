import { useState, type ChangeEvent, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { PageHeading } from '../../../components/page-heading.tsx';
import { ErrorMessage } from '../../../components/status.tsx';
import { CREDENTIAL_TEXT_MAX, credentialVerificationSchema, type CredentialVerification } from '../../../../../src/domain/record/credential/schema.ts';
import { formatDay } from '../queries.ts';

/** The answer: valid, or which check failed, with every check listed. */
function Verdict({ result }: { result: CredentialVerification }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="verify-result-title" className={`section status ${result.valid ? 'status-success' : 'status-error'}`} role="status">
      <h2 id="verify-result-title">{result.valid ? t('record.verify.valid') : t('record.verify.invalid')}</h2>
      {!result.valid && result.reason ? <p><strong>{t(`record.verify.reason.${result.reason}`)}</strong></p> : null}
      {result.achievement || result.issuerName ? (
        <dl className="facts">
          {result.achievement ? <div><dt>{t('record.verify.achievement')}</dt><dd>{result.achievement}</dd></div> : null}
          {result.issuerName ? <div><dt>{t('record.verify.issuer')}</dt><dd>{result.issuerName}</dd></div> : null}
          {result.validFrom ? <div><dt>{t('record.verify.validFrom')}</dt><dd>{formatDay(result.validFrom, i18n.language)}</dd></div> : null}
          {result.revokedAt ? <div><dt>{t('record.verify.revokedAt')}</dt><dd>{formatDay(result.revokedAt, i18n.language)}</dd></div> : null}
        </dl>
      ) : null}
      <ul className="plain-list">
        {result.checks.map((c) => (
          <li key={c.check}>
            <span aria-hidden="true">{c.ok ? '✓' : '✗'}</span> {t(`record.verify.check.${c.check}`)}: {c.ok ? t('record.verify.ok') : t('record.verify.failed')}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** /badge-controle — anyone pastes or uploads an Open Badges 3.0 credential and gets a clear answer. */
export function VerifyPage() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [fileError, setFileError] = useState('');
  const verify = useMutation({ mutationFn: (credential: string) => api.post('/public/credentials/verify', { credential }, credentialVerificationSchema) });
  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    setFileError('');
    verify.reset();
    if (!file) return;
    if (file.size > CREDENTIAL_TEXT_MAX) { setFileError(t('record.verify.tooLarge')); return; }
    setText(await file.text());
  }
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) { setFileError(t('record.verify.empty')); return; }
    if (text.length > CREDENTIAL_TEXT_MAX) { setFileError(t('record.verify.tooLarge')); return; }
    setFileError('');
    verify.mutate(text);
  }
  return (
    <div className="main-narrow">
      <PageHeading title={t('record.verify.title')} />
      <p className="lead">{t('record.verify.intro')}</p>
      <form className="form" noValidate onSubmit={onSubmit}>
        <div className="field">
          <label htmlFor="verify-file">{t('record.verify.file')}</label>
          <input id="verify-file" type="file" accept=".json,application/json,application/ld+json" onChange={(e) => void onFile(e)} />
        </div>
        <div className="field">
          <label htmlFor="verify-text">{t('record.verify.paste')}</label>
          <span className="field-hint" id="verify-text-hint">{t('record.verify.pasteHint')}</span>
          <textarea id="verify-text" rows={10} value={text} spellCheck={false} style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace' }}
            onChange={(e) => { setText(e.target.value); verify.reset(); }}
            aria-describedby={fileError ? 'verify-text-hint verify-text-error' : 'verify-text-hint'} aria-invalid={fileError ? true : undefined} />
          {fileError ? <span className="field-error" id="verify-text-error" role="alert">{fileError}</span> : null}
        </div>
        <ErrorMessage error={verify.error} />
        <div className="button-row">
          <button type="submit" disabled={verify.isPending}>{verify.isPending ? t('common.busy') : t('record.verify.submit')}</button>
        </div>
      </form>
      {verify.data ? <Verdict result={verify.data} /> : null}
      <p className="section muted">{t('record.verify.about')} <Link to="/praktijkvoorbeelden">{t('record.verify.library')}</Link></p>
    </div>
  );
}
