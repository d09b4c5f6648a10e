import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { useNetwork } from '../../../app/session.tsx';
import { PageHeading } from '../../../components/page-heading.tsx';
import { SelectField } from '../../../components/field.tsx';
import { EmptyState, QueryView } from '../../../components/status.tsx';
import { formatDateTime } from '../../../components/format.ts';
import { offerKinds, type OfferSummary } from '../../../../../src/domain/offer/offer/schema.ts';
import type { MyOffer } from '../../../../../src/domain/offer/registration/schema.ts';
import { ok, useMyOffers, useOffers } from '../queries.ts';

export function canHostAnything(roles: string[]) {
  return roles.some((r) => r === 'professional' || r === 'school_coordinator' || r === 'network_coordinator' || r === 'admin');
}

export function OfferCard({ offer }: { offer: OfferSummary }) {
  const { t, i18n } = useTranslation();
  return (
    <li className="card">
      <h3><Link to={`/aanbod/${offer.id}`}>{offer.title}</Link></h3>
      <p className="muted">
        {t(`offer.kind.${offer.kind}`)} · {offer.hostName}{offer.city ? ` · ${offer.city}` : ''} · {t('offer.list.hours', { count: offer.creditedHours })}
      </p>
      <p>
        {offer.onRequest ? <span className="badge badge-planned">{t('offer.list.onRequest')}</span> : null}
        {!offer.onRequest && offer.nextSessionStart ? <>{t('offer.list.next', { when: formatDateTime(offer.nextSessionStart, i18n.language) })} · </> : null}
        {!offer.onRequest ? (offer.placesLeft > 0 ? t('offer.list.places', { count: offer.placesLeft }) : <span className="badge badge-pending">{t('offer.list.full')}</span>) : null}
        {offer.waitlisted > 0 ? <> · {t('offer.list.waitlist', { count: offer.waitlisted })}</> : null}
      </p>
    </li>
  );
}

function MyRegistrations({ mine }: { mine: MyOffer[] }) {
  const { t, i18n } = useTranslation();
  const { networkId } = useNetwork();
  const queryClient = useQueryClient();
  const unseen = mine.some((m) => m.promotedUnseen);
  const seen = useMutation({
    mutationFn: () => api.post(`/networks/${networkId}/my-offers/seen`, {}),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ok(networkId, 'mine') }),
  });
  return (
    <section aria-labelledby="mine-title" className="section">
      <h2 id="mine-title">{t('offer.list.mineTitle')}</h2>
      {unseen ? (
        <p className="status status-success" role="status">
          {t('offer.list.promoted')}{' '}
          <button type="button" className="button-link" onClick={() => seen.mutate()}>OK</button>
        </p>
      ) : null}
      {mine.length === 0 ? <p className="muted">{t('offer.list.mineEmpty')}</p> : (
        <ul className="plain-list">
          {mine.map((m) => (
            <li key={m.registrationId}>
              <Link to={`/aanbod/${m.offerId}`}>{m.offerTitle}</Link>{' '}
              <span className="muted">({m.hostName}, {formatDateTime(m.startAt, i18n.language)})</span>{' '}
              <span className={`badge ${m.status === 'confirmed' ? 'badge-accepted' : 'badge-pending'}`}>{t(`offer.status.${m.status}`)}</span>
              {m.waitlistPosition ? <> {t('offer.list.position', { position: m.waitlistPosition })}</> : null}
              {m.sandwich && m.status === 'confirmed' ? <> · <Link to={`/aanbod/sessie/${m.sessionId}`}>{t('offer.list.sandwich')}</Link> ({t(`offer.phase.${m.phase}`)})</> : null}
              {m.hours > 0 ? <> · {t('offer.list.hours', { count: m.hours })}</> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** /aanbod — every offer of the network, filtered by kind, with the teacher's own registrations first. */
export function OffersPage() {
  const { t } = useTranslation();
  const { caps } = useNetwork();
  const [kind, setKind] = useState('');
  const offers = useOffers(kind);
  const mine = useMyOffers();
  const host = canHostAnything(caps.roles);
  return (
    <>
      <PageHeading title={t('offer.list.title')}>
        {host ? <Link className="button-link" to="/aanbod/nieuw">{t('offer.list.new')}</Link> : null}
      </PageHeading>
      <p className="lead">{t('offer.list.intro')}</p>
      {mine.data && (mine.data.length > 0 || caps.roles.includes('teacher')) ? <MyRegistrations mine={mine.data} /> : null}
      <section aria-labelledby="all-title" className="section">
        <h2 id="all-title">{t('offer.list.allTitle')}</h2>
        <div className="filters">
          <SelectField label={t('offer.list.filterKind')} value={kind} onChange={(e) => setKind(e.target.value)}>
            <option value="">{t('offer.list.allKinds')}</option>
            {offerKinds.map((k) => <option key={k} value={k}>{t(`offer.kind.${k}`)}</option>)}
          </SelectField>
        </div>
        <QueryView
          query={offers}
          empty={
            <EmptyState title={kind ? t('offer.list.emptyFilter') : t('offer.list.empty')}>
              <p>{kind ? t('offer.list.emptyFilterHelp') : host ? t('offer.list.emptyHost') : t('offer.list.emptyHelp')}</p>
              <p>{host && !kind ? <Link to="/aanbod/nieuw">{t('offer.list.new')}</Link> : <Link to="/bedrijven">{t('offer.list.seeCompanies')}</Link>}</p>
            </EmptyState>
          }
        >
          {(list) => <ul className="plain-list">{list.map((o) => <OfferCard key={o.id} offer={o} />)}</ul>}
        </QueryView>
      </section>
    </>
  );
}
