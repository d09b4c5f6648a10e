import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useNetwork } from '../../../app/session.tsx';
import { formatHours, useFollowUps, useRecord } from '../queries.ts';

/** On a teacher's home page: hours in the four-year period against the norm, and open lasting-effect questions. */
export function RecordHomeCard() {
  const { caps } = useNetwork();
  if (!caps.roles.includes('teacher')) return null;
  return <RecordSummary />;
}

function RecordSummary() {
  const { t, i18n } = useTranslation();
  const record = useRecord();
  const followUps = useFollowUps();
  if (!record.data) return null;
  const p = record.data.totals.period;
  const open = (followUps.data ?? []).filter((f) => !f.answeredAt);
  const text = t('record.totals.ofNorm', { done: formatHours(p.hours, i18n.language), norm: formatHours(p.norm.hours, i18n.language) });
  return (
    <section aria-labelledby="record-home-title" className="section card">
      <h2 id="record-home-title">{t('record.home.title')}</h2>
      <div className="progress-wrap">
        <span>{t('record.home.hours', { first: p.firstSchoolYear, last: p.lastSchoolYear })}</span>
        <progress max={p.norm.hours} value={Math.min(p.hours, p.norm.hours)} aria-label={`${t('record.totals.allHours')}: ${text}`}>{text}</progress>
        <span className="muted">{text}</span>
      </div>
      {open.length > 0 ? <p><Link to={`/dossier/doorwerking/${open[0]!.id}`}>{t('record.home.followUps', { count: open.length })}</Link></p> : null}
      <p><Link to="/dossier">{t('record.home.open')}</Link></p>
    </section>
  );
}
