import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useNetwork } from '../../../app/session.tsx';
import { QueryView } from '../../../components/status.tsx';
import { useOffers } from '../queries.ts';
import { OfferCard } from './offers-page.tsx';

/** The top of a company professional's home page: their own offers, and the way to publish one. */
export function HostHomeCard() {
  const { t } = useTranslation();
  const { me, networkId, caps } = useNetwork();
  const companies = me.memberships.filter((m) => m.networkId === networkId && m.role === 'professional' && m.institutionId).map((m) => m.institutionId);
  const offers = useOffers('');
  if (!caps.roles.includes('professional')) return null;
  const own = { ...offers, data: offers.data?.filter((o) => companies.includes(o.hostInstitutionId)) };
  return (
    <section aria-labelledby="host-offers-title" className="section">
      <h2 id="host-offers-title">{t('offer.home.hostTitle')}</h2>
      <QueryView query={own} emptyTitle={t('offer.home.hostEmpty')}>
        {(list) => <ul className="plain-list">{list.map((o) => <OfferCard key={o.id} offer={o} />)}</ul>}
      </QueryView>
      <p className="button-row">
        <Link className="button-link" to="/aanbod/nieuw">{t('offer.home.hostNew')}</Link>
        <Link to="/bedrijven">{t('offer.home.profile')}</Link>
      </p>
    </section>
  );
}
