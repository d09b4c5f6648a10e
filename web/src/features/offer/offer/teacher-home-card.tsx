import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useNetwork } from '../../../app/session.tsx';
import { ErrorMessage } from '../../../components/status.tsx';
import { formatDateTime } from '../../../components/format.ts';
import { useMyOffers } from '../queries.ts';

/** A teacher's home page: the company activities still ahead that they are registered or waitlisted for. */
export function TeacherOffersHomeCard() {
  const { t, i18n } = useTranslation();
  const { networkId, caps } = useNetwork();
  const mine = useMyOffers();
  if (!networkId || !caps.roles.includes('teacher')) return null;
  if (mine.error) return <ErrorMessage error={mine.error} />;
  if (!mine.data) return null;
  const now = Date.now();
  const ahead = mine.data
    .filter((m) => m.status !== 'cancelled' && m.sessionStatus === 'planned' && Date.parse(m.endAt) > now)
    .sort((a, b) => a.startAt.localeCompare(b.startAt));
  if (ahead.length === 0) return null;
  return (
    <section aria-labelledby="offer-home-mine-title" className="section card home-card">
      <h2 id="offer-home-mine-title">{t('offer.home.mineTitle')}</h2>
      <ul className="link-list">
        {ahead.slice(0, 5).map((m) => (
          <li key={m.registrationId}>
            <Link to={`/aanbod/${m.offerId}`}>{m.offerTitle}</Link>{' '}
            <span className="muted">({m.hostName}, {formatDateTime(m.startAt, i18n.language)})</span>{' '}
            {m.status === 'waitlisted' && m.waitlistPosition
              ? <span className="badge badge-pending">{t('offer.home.mineWaitlisted', { position: m.waitlistPosition })}</span>
              : <span className="badge badge-accepted">{t('offer.status.confirmed')}</span>}
          </li>
        ))}
      </ul>
      {ahead.length > 5 ? <p><Link to="/aanbod">{t('offer.home.mineMore', { count: ahead.length - 5 })}</Link></p> : null}
    </section>
  );
}
