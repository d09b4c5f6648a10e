import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { api, ApiError } from '../../../api/client.ts';
import { useNetwork } from '../../../app/session.tsx';
import { PageHeading } from '../../../components/page-heading.tsx';
import { sessionDetailSchema, sessionSummarySchema, type SessionSummary } from '../../../../../src/domain/cocreation/session/schema.ts';

/** The facilitator's sessions, and a new one (the four domains of the Beroepsbeeld mbo-docent by default). */
export function SessionsPage() {
  const { t } = useTranslation();
  const { networkId } = useNetwork();
  const navigate = useNavigate();
  const [sessions, setSessions] = useState<SessionSummary[] | null>(null);
  const [title, setTitle] = useState('');
  const [profileName, setProfileName] = useState('');
  const [error, setError] = useState('');
  useEffect(() => {
    api.get(`/networks/${networkId}/cocreation-sessions`, z.array(sessionSummarySchema)).then(setSessions, () => setSessions([]));
  }, [networkId]);
  const create = async (event: FormEvent) => {
    event.preventDefault();
    setError('');
    try {
      const created = await api.post(`/networks/${networkId}/cocreation-sessions`, { title, profileName }, sessionDetailSchema);
      void navigate(`/cocreatie/${created.id}`);
    } catch (e) {
      setError(e instanceof ApiError ? e.fields.map((f) => f.message).join('; ') || e.message : t('cocreation.error'));
    }
  };
  return (
    <>
      <PageHeading title={t('cocreation.sessions.title')} />
      <p className="lead">{t('cocreation.sessions.intro')}</p>
      <form className="form card" onSubmit={create} aria-labelledby="new-session">
        <h2 id="new-session">{t('cocreation.sessions.new')}</h2>
        <div className="field">
          <label htmlFor="cc-title">{t('cocreation.sessions.sessionTitle')}</label>
          <input id="cc-title" value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={200} />
        </div>
        <div className="field">
          <label htmlFor="cc-profile">{t('cocreation.sessions.profileName')}</label>
          <input id="cc-profile" value={profileName} onChange={(e) => setProfileName(e.target.value)} required maxLength={200} placeholder={t('cocreation.sessions.profileExample')} />
        </div>
        {error && <p className="field-error" role="alert">{error}</p>}
        <p className="field-hint">{t('cocreation.sessions.defaults')}</p>
        <div className="button-row"><button type="submit">{t('cocreation.sessions.create')}</button></div>
      </form>
      <section className="section" aria-labelledby="cc-list">
        <h2 id="cc-list">{t('cocreation.sessions.list')}</h2>
        {sessions === null ? <p>{t('cocreation.loading')}</p> : sessions.length === 0 ? <p className="empty-state">{t('cocreation.sessions.none')}</p> : (
          <ul className="link-list">
            {sessions.map((s) => (
              <li key={s.id}>
                <Link to={`/cocreatie/${s.id}`}>{s.title}</Link> — {s.profileName} · {t(`cocreation.step.${s.step}`)} · {t('cocreation.participants', { count: s.participantCount })}
                {s.step < 6 && <> · <Link to={`/cocreatie/${s.id}/scherm`} aria-label={t('cocreation.sessions.projectorOf', { title: s.title })}>{t('cocreation.control.projector')}</Link></>}
              </li>
            ))}
          </ul>
        )}
        <p><Link to="/beroepsbeeld">{t('cocreation.nav.profile')}</Link></p>
      </section>
    </>
  );
}
