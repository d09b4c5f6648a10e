import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useNetwork } from '../../../app/session.tsx';
import { ErrorMessage } from '../../../components/status.tsx';
import { useLearnerReportHome } from './queries.ts';
import { formatPeriod } from './period.ts';

/**
 * Learner reports on the home page: every draft still open, overdue ones first (their period has
 * ended and the reminder has gone out), each a link straight into the report; and a link to start
 * one when a new report is due; for team leads and coordinators, what team insight holds. Nothing
 * shows when there is nothing of this.
 */
export function LearnerReportHomeCard() {
  const { t, i18n } = useTranslation();
  const { networkId } = useNetwork();
  const home = useLearnerReportHome();
  if (!networkId) return null;
  if (home.error) return <ErrorMessage error={home.error} />;
  const h = home.data;
  if (!h || (h.open.length === 0 && !h.newReportDue && !h.insight)) return null;
  return (
    <section aria-labelledby="learner-report-home-title" className="section card home-card">
      <h2 id="learner-report-home-title">{t('learnerReport.home.title')}</h2>
      <ul className="link-list">
        {h.open.map((r) => (
          <li key={r.id}>
            <Link to={`/leerrapporten/${r.id}`}>
              {t(r.state === 'overdue' ? 'learnerReport.home.overdue' : 'learnerReport.home.open', { period: formatPeriod(r.periodStart, r.periodEnd, i18n.language) })}
            </Link>{' '}
            <span className="muted">({t('learnerReport.home.activities', { count: r.activityCount })})</span>
          </li>
        ))}
        {h.newReportDue ? <li><Link to="/leerrapporten">{t('learnerReport.home.newDue')}</Link></li> : null}
        {h.insight ? (
          <li>
            <Link to="/teaminzicht">
              {h.insight.ready
                ? t('learnerReport.home.insightReady', { count: h.insight.teachers, reports: t('learnerReport.home.reports', { count: h.insight.reports }) })
                : t('learnerReport.home.insightWaiting', { count: h.insight.minimumGroup })}
            </Link>
          </li>
        ) : null}
      </ul>
    </section>
  );
}
