import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { useNetwork } from '../../../app/session.tsx';
import { formatDateTime } from '../../../components/format.ts';
import { PageHeading } from '../../../components/page-heading.tsx';
import { EmptyState, ErrorMessage, Loading } from '../../../components/status.tsx';
import { lk, useNotifications } from '../report/queries.ts';
import type { AppNotification } from '../report/types.ts';
import { notificationReadResultSchema } from '../../../../../src/domain/learner-report/report/schema.ts';

const KNOWN_KINDS = ['LEARNER_REPORT_PERIOD_ENDED', 'LEARNER_REPORT_DUE', 'RECORD_FOLLOW_UP'] as const;

/** The link in the header, with the number of unread notifications. */
export function NotificationsLink() {
  const { t } = useTranslation();
  const { networkId } = useNetwork();
  const list = useNotifications();
  if (!networkId) return null;
  const unread = (list.data ?? []).filter((n) => !n.readAt).length;
  return (
    <Link to="/meldingen" className="button-ghost notifications-link">
      {t('learnerReport.notifications.link')}
      {unread > 0 ? (
        <>
          {' '}<span className="badge badge-pending" aria-hidden="true">{unread}</span>
          <span className="sr-only">{t('learnerReport.notifications.unread', { count: unread })}</span>
        </>
      ) : null}
    </Link>
  );
}

function NotificationText({ n }: { n: AppNotification }) {
  const { t, i18n } = useTranslation();
  const kind = (KNOWN_KINDS as readonly string[]).includes(n.kind) ? n.kind : 'OTHER';
  const periodEnd = typeof n.payload.periodEnd === 'string' ? n.payload.periodEnd : '';
  const date = periodEnd ? new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${periodEnd}T00:00:00Z`)) : '';
  const title = typeof n.payload.title === 'string' ? n.payload.title : '';
  const text = t(`learnerReport.notifications.kind.${kind}`, { date, title });
  // The lasting-effect question of the professional record: answered on its own page.
  const followUpId = typeof n.payload.followUpId === 'string' ? n.payload.followUpId : '';
  if (kind === 'RECORD_FOLLOW_UP' && followUpId) return <Link to={`/dossier/doorwerking/${followUpId}`}>{text}</Link>;
  const reportId = typeof n.payload.reportId === 'string' ? n.payload.reportId : '';
  if (reportId) return <Link to={`/leerrapporten/${reportId}`}>{text}</Link>;
  if (kind === 'LEARNER_REPORT_DUE') return <Link to="/leerrapporten">{text}</Link>;
  return <>{text}</>;
}

/** /meldingen — in-app notifications (reminders for learner reports), newest first. */
export function NotificationsPage() {
  const { t, i18n } = useTranslation();
  const { networkId } = useNetwork();
  const queryClient = useQueryClient();
  const list = useNotifications();
  const markAll = useMutation({
    mutationFn: () => api.post(`/networks/${networkId}/notifications/read`, {}, notificationReadResultSchema),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: lk(networkId, 'notifications') }),
  });
  const unread = (list.data ?? []).filter((n) => !n.readAt).length;
  return (
    <>
      <PageHeading title={t('learnerReport.notifications.title')}>
        {unread > 0 ? (
          <button type="button" className="button-secondary" onClick={() => markAll.mutate()} disabled={markAll.isPending}>
            {t('learnerReport.notifications.markAll')}
          </button>
        ) : null}
      </PageHeading>
      {list.isPending ? <Loading /> : null}
      <ErrorMessage error={list.error ?? markAll.error} />
      {list.data && list.data.length === 0 ? (
        <EmptyState title={t('learnerReport.notifications.empty')}><p>{t('learnerReport.notifications.emptyText')}</p></EmptyState>
      ) : null}
      {list.data && list.data.length > 0 ? (
        <ul className="plain-list">
          {list.data.map((n) => (
            <li key={n.id}>
              {!n.readAt ? <><span className="badge badge-pending">{t('learnerReport.notifications.new')}</span>{' '}</> : null}
              <NotificationText n={n} />{' '}
              <span className="muted">{formatDateTime(n.createdAt, i18n.language)}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
