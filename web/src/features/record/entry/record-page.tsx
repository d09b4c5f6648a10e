import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useNetwork } from '../../../app/session.tsx';
import { PageHeading } from '../../../components/page-heading.tsx';
import { ErrorMessage, Loading } from '../../../components/status.tsx';
import { formatDay, useFollowUps, useRecord } from '../queries.ts';
import { TotalsSection } from './totals-section.tsx';
import { EntryList } from './entry-list.tsx';

/** Open lasting-effect questions, each a link to its answer page. */
function OpenFollowUps() {
  const { t, i18n } = useTranslation();
  const followUps = useFollowUps();
  const open = (followUps.data ?? []).filter((f) => !f.answeredAt);
  if (open.length === 0) return null;
  return (
    <section aria-labelledby="record-follow-ups-title" className="section card">
      <h2 id="record-follow-ups-title">{t('record.followUp.openTitle')}</h2>
      <p>{t('record.followUp.openHelp')}</p>
      <ul className="link-list">
        {open.map((f) => (
          <li key={f.id}><Link to={`/dossier/doorwerking/${f.id}`}>{f.title}</Link> <span className="muted">({formatDay(f.activityDate, i18n.language)})</span></li>
        ))}
      </ul>
    </section>
  );
}

/** /dossier — the teacher's professional record: totals against the norm, every activity, exports. */
export function RecordPage() {
  const { t, i18n } = useTranslation();
  const { networkId, caps } = useNetwork();
  const record = useRecord();
  const base = `/api/networks/${networkId}`;
  const locale = i18n.language === 'en' ? 'en' : 'nl';
  return (
    <>
      <PageHeading title={t('record.page.title')}>
        {caps.readPeople ? <Link to="/dossier/team">{t('record.lead.link')}</Link> : null}
      </PageHeading>
      <p className="lead">{t('record.page.intro')}</p>
      {record.isPending ? <Loading /> : null}
      <ErrorMessage error={record.error} />
      {record.data ? (
        <>
          <OpenFollowUps />
          <TotalsSection view={record.data} />
          <section aria-labelledby="record-downloads-title" className="section">
            <h2 id="record-downloads-title">{t('record.page.downloads')}</h2>
            <ul className="link-list">
              <li><a href={`${base}/record.pdf?locale=${locale}`} download>{t('record.page.pdf')}</a></li>
              <li><a href={`${base}/record.csv?locale=${locale}`} download>{t('record.page.csv')}</a></li>
            </ul>
            <p className="field-hint">{t('record.page.downloadsHelp')}</p>
          </section>
          <section aria-labelledby="record-lead-title" className="section">
            <h2 id="record-lead-title">{t('record.page.leadTitle')}</h2>
            <p>{t('record.page.leadHelp')}</p>
          </section>
          <EntryList view={record.data} />
          <p className="section"><Link to="/badge-controle">{t('record.verify.link')}</Link></p>
        </>
      ) : null}
    </>
  );
}
