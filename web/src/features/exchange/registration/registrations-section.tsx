import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorMessage, Loading } from '../../../components/status.tsx';
import { useProgrammes } from '../../foundation/institution/queries.ts';
import { useRegistrations } from '../queries.ts';
import type { Edition } from '../types.ts';
import { DataTable } from '../../../components/data-table.tsx';

/** Every registration, with a warning where no lessons are known in the exchange week. */
export function RegistrationsSection({ edition }: { edition: Edition }) {
  const { t } = useTranslation();
  const registrations = useRegistrations(edition.id);
  const programmes = useProgrammes();
  const names = new Map((programmes.data ?? []).map((p) => [p.id, p.name]));
  const active = (registrations.data ?? []).filter((r) => !r.withdrawn);
  const withoutTimetable = active.filter((r) => r.lessonsInWindow === 0).length;
  return (
    <section aria-labelledby="registrations-title" className="section">
      <h2 id="registrations-title">{t('exchange.tabs.registrations')}</h2>
      {registrations.isPending ? <Loading /> : null}
      <ErrorMessage error={registrations.error} />
      {registrations.data && registrations.data.length === 0 ? (
        <EmptyState title={t('exchange.registrations.empty')}>
          <p>{edition.status === 'registration_open' ? t('exchange.registrations.emptyOpen') : t('exchange.registrations.emptyClosed')}</p>
        </EmptyState>
      ) : null}
      {withoutTimetable > 0 ? <p className="status status-warning">{t('exchange.registrations.noTimetableCount', { count: withoutTimetable })}</p> : null}
      {registrations.data && registrations.data.length > 0 ? (
        <DataTable caption={t('exchange.registrations.caption', { count: active.length })} columns={[t('exchange.proposal.person'), t('exchange.proposal.institution'), t('exchange.form.side'), t('exchange.register.programmes'), t('exchange.register.wishes'), t('exchange.registrations.timetable')]}>
          {registrations.data.map((r) => (
            <tr key={r.id}>
              <th scope="row">{r.personName}{r.withdrawn ? <> <span className="badge badge-revoked">{t('exchange.registrations.withdrawn')}</span></> : null}{r.waitlist ? <> <span className="badge badge-warning">{t('exchange.registrations.waitlist')}</span></> : null}<br /><span className="muted break">{r.email}</span></th>
              <td>{r.institutionName}</td>
              <td>{r.side === 'a' ? edition.sideALabel : edition.sideBLabel}</td>
              <td>{r.programmeIds.map((id) => names.get(id) ?? '…').join(', ')}</td>
              <td>{r.wishes.map((w) => t(`exchange.wish.${w}`)).join(', ') || '—'}</td>
              <td>
                {r.lessonsInWindow === 0 ? (
                  <span className="badge badge-warning">{t('exchange.registrations.noTimetable')}</span>
                ) : (
                  t('exchange.registrations.lessons', { count: r.lessonsInWindow })
                )}
                <br />
                <Link to={`/rooster?person=${r.personId}&name=${encodeURIComponent(r.personName)}&week=${edition.windowStart}`}>
                  {t('exchange.registrations.openTimetable')}<span className="sr-only"> {r.personName}</span>
                </Link>
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      {withoutTimetable > 0 ? <p className="field-hint">{t('exchange.registrations.timetableHelp')} <Link to="/importeren">{t('nav.import')}</Link></p> : null}
    </section>
  );
}
