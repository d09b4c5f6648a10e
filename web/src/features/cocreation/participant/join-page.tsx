import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../../api/client.ts';
import { PageHeading } from '../../../components/page-heading.tsx';
import { joinResultSchema } from '../../../../../src/domain/cocreation/participant/schema.ts';

/** Joining from a phone: the code (from the QR link or typed) and a name; nothing else. */
export function JoinPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [code, setCode] = useState(params.get('code') ?? '');
  const [name, setName] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const join = async (event: FormEvent) => {
    event.preventDefault();
    setError('');
    setBusy(true);
    try {
      const joined = await api.post('/cocreation/join', { code: code.trim().toUpperCase(), ...(name.trim() ? { displayName: name } : {}) }, joinResultSchema);
      void navigate(`/meedoen/${joined.sessionId}`);
    } catch (e) {
      setError(e instanceof ApiError ? [e.message, ...e.fields.map((f) => f.message)].filter(Boolean).join(' ') : t('cocreation.error'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="cc-phone">
      <PageHeading title={t('cocreation.join.title')} />
      <p>{t('cocreation.join.intro')}</p>
      <form className="form card" onSubmit={join}>
        <div className="field">
          <label htmlFor="join-code">{t('cocreation.join.code')}</label>
          <input id="join-code" value={code} onChange={(e) => setCode(e.target.value)} required maxLength={20} autoCapitalize="characters" autoComplete="off" spellCheck={false} className="cc-join-code" aria-invalid={error ? true : undefined} aria-describedby={error ? 'join-error' : undefined} />
        </div>
        <div className="field">
          <label htmlFor="join-name">{t('cocreation.join.name')}</label>
          <input id="join-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={60} autoComplete="nickname" aria-describedby="join-name-hint" />
          <p className="field-hint" id="join-name-hint">{t('cocreation.join.nameHint')}</p>
        </div>
        {error && <p className="field-error" id="join-error" role="alert">{error}</p>}
        <div className="button-row"><button type="submit" disabled={busy}>{t('cocreation.join.submit')}</button></div>
      </form>
    </div>
  );
}
