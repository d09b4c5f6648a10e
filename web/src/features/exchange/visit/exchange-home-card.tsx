import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { useNetwork } from '../../../app/session.tsx';
import { ErrorMessage } from '../../../components/status.tsx';
import { exchangeHomeSchema } from '../../../../../src/domain/exchange/visit/schema.ts';
import { ek } from '../queries.ts';
import { formatDay, formatMoment } from '../time.ts';

/** The exchange week on the home page: what needs this person now (nothing shows when nothing does). */
export function ExchangeHomeCard() {
  const { t, i18n } = useTranslation();
  const { networkId } = useNetwork();
  const home = useQuery({ queryKey: ek(networkId, 'home'), queryFn: () => api.get(`/networks/${networkId}/exchange-home`, exchangeHomeSchema), enabled: Boolean(networkId) });
  if (!networkId) return null;
  if (home.error) return <ErrorMessage error={home.error} />;
  const h = home.data;
  if (!h) return null;
  const items: { key: string; node: ReactNode }[] = [];
  if (h.nextVisit) {
    const v = h.nextVisit;
    items.push({ key: 'next', node: (
      <Link to={`/uitwisseling/mijn/${v.editionId}`}>
        {t(v.role === 'observer' ? 'exchange.home.nextVisitObserver' : 'exchange.home.nextVisitHost', { partner: v.partnerName, when: formatMoment(v.lessonStart, i18n.language), place: v.locationName })}
      </Link>
    ) });
  }
  const byEdition = new Map<string, number>();
  for (const r of h.openReflections) byEdition.set(r.editionId, (byEdition.get(r.editionId) ?? 0) + 1);
  for (const [editionId, count] of byEdition) {
    items.push({ key: `refl-${editionId}`, node: <Link to={`/uitwisseling/mijn/${editionId}`}>{t('exchange.home.openReflections', { count })}</Link> });
  }
  for (const e of h.openRegistrations) {
    items.push({ key: `reg-${e.editionId}`, node: <Link to={`/uitwisseling/aanmelden/${e.editionId}`}>{t('exchange.home.register', { name: e.name, deadline: formatDay(e.registrationDeadline, i18n.language) })}</Link> });
  }
  for (const e of h.unmatched) {
    items.push({ key: `un-${e.editionId}`, node: <Link to={`/uitwisseling/mijn/${e.editionId}`}>{t(e.waitlist ? 'exchange.home.unmatchedWaitlist' : 'exchange.home.unmatched', { name: e.name })}</Link> });
  }
  for (const e of h.manage) {
    const parts = [t('exchange.home.registered', { count: e.registered })];
    if (e.runsToReview > 0) parts.push(t('exchange.home.runsToReview', { count: e.runsToReview }));
    if (e.waitlist > 0) parts.push(t('exchange.home.waitlist', { count: e.waitlist }));
    items.push({ key: `m-${e.editionId}`, node: (
      <><Link to={`/uitwisseling/beheer/${e.editionId}`}>{e.name}</Link> <span className="muted">({t(`exchange.status.${e.status}`)})</span>: {parts.join(', ')}</>
    ) });
  }
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="exchange-home-title" className="section card home-card">
      <h2 id="exchange-home-title">{t('exchange.home.title')}</h2>
      <ul className="link-list">
        {items.map((i) => <li key={i.key}>{i.node}</li>)}
      </ul>
    </section>
  );
}
