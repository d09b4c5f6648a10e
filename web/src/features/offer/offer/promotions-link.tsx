import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useNetwork } from '../../../app/session.tsx';
import { useMyOffers } from '../queries.ts';

/** In the header: shows when the person moved up from a waitlist and has not seen it yet. */
export function PromotionsLink() {
  const { t } = useTranslation();
  const { networkId } = useNetwork();
  const mine = useMyOffers();
  const count = (mine.data ?? []).filter((m) => m.promotedUnseen).length;
  if (!networkId || count === 0) return null;
  return <Link to="/aanbod" className="button-ghost notifications-link">{t('offer.header.promoted', { count })}</Link>;
}
