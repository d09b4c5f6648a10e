import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useNetwork } from '../../../app/session.tsx';
import { PageHeading } from '../../../components/page-heading.tsx';
import { ex } from '../queries.ts';
import { ExampleSearch } from './search-view.tsx';

/** /voorbeelden — the network's library: shared and public examples, and drafts for coordinators. */
export function LibraryPage() {
  const { t } = useTranslation();
  const { networkId, caps } = useNetwork();
  return (
    <>
      <PageHeading title={t('example.library.title')}>
        {caps.manageNetwork ? <Link className="button-link" to="/voorbeelden/nieuw">{t('example.library.new')}</Link> : null}
      </PageHeading>
      <p className="lead">{t('example.library.intro')}</p>
      <p><Link to="/praktijkvoorbeelden">{t('example.library.publicLink')}</Link></p>
      <ExampleSearch endpoint={`/networks/${networkId}/examples`} queryKey={ex(networkId, 'search')} linkTo={(r) => `/voorbeelden/${r.id}`} showVisibility />
    </>
  );
}

/** /praktijkvoorbeelden — the public library, readable without an account, with its Atom feed. */
export function PublicLibraryPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('example.public.title')} />
      <p className="lead">{t('example.public.intro')}</p>
      <p>
        <a href="/api/public/examples.atom" type="application/atom+xml">{t('example.public.feed')}</a>{' '}
        <span className="muted">{t('example.public.feedHelp')}</span>
      </p>
      <ExampleSearch endpoint="/public/examples" queryKey={['public-examples']} linkTo={(r) => `/praktijkvoorbeelden/${r.slug}`} />
    </>
  );
}
