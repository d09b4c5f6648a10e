import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { useNetwork } from '../../../app/session.tsx';
import { PageHeading } from '../../../components/page-heading.tsx';
import { DataTable } from '../../../components/data-table.tsx';
import { ErrorMessage, QueryView, SuccessMessage } from '../../../components/status.tsx';
import { formatDateTime } from '../../../components/format.ts';
import { speeddateSchema, type Speeddate } from '../../../../../src/domain/speeddate/event/schema.ts';
import { sk, useSpeeddate } from '../queries.ts';
import { PracticeExampleLink } from '../../../components/practice-example-link.tsx';
import { PracticeEvaluationCard, PracticeEvaluationSummary } from '../../../components/practice-evaluation-card.tsx';

const time = (iso: string, language: string) => new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'nl-NL', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' }).format(new Date(iso));

function useSave(event: Speeddate, method: 'put' | 'post', path: string) {
  const { networkId } = useNetwork();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => api[method](`/networks/${networkId}/speeddates/${event.id}${path}`, body, speeddateSchema),
    onSuccess: (data) => queryClient.setQueryData(sk(networkId, 'event', event.id), data),
  });
}

function CheckInList({ event }: { event: Speeddate }) {
  const { t } = useTranslation();
  const save = useSave(event, 'post', '/check-in');
  const rows = event.participants.filter((p) => p.status !== 'declined' || p.role === 'teacher');
  return (
    <section className="section" aria-labelledby="door-title">
      <h2 id="door-title">{t('speeddate.door.title')}</h2>
      <p className="muted">{t('speeddate.door.help', { round: Math.min(event.openFromRound, event.rounds) })}</p>
      <ErrorMessage error={save.error} />
      <DataTable caption={t('speeddate.door.title')} captionHidden columns={[t('speeddate.door.name'), t('speeddate.door.role'), t('speeddate.door.status'), t('speeddate.door.actions')]}>
        {rows.map((p) => (
          <tr key={p.personId}>
            <td>{p.name}<br /><span className="muted">{p.institutionName ?? ''}</span></td>
            <td>{t(`speeddate.role.${p.role}`)}{p.tableNo ? ` · ${t('speeddate.table', { table: p.tableNo })}` : ''}</td>
            <td><span className="badge">{t(`speeddate.status.${p.status}`)}</span></td>
            <td>
              <div className="button-row">
                <button type="button" disabled={save.isPending || p.status === 'arrived'} aria-label={t('speeddate.door.arrivedFor', { name: p.name })} onClick={() => save.mutate({ personId: p.personId, status: 'arrived' })}>{t('speeddate.door.arrived')}</button>
                <button type="button" className="secondary" disabled={save.isPending || p.status === 'no_show'} aria-label={t('speeddate.door.noShowFor', { name: p.name })} onClick={() => save.mutate({ personId: p.personId, status: 'no_show' })}>{t('speeddate.door.noShow')}</button>
              </div>
            </td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}

function Seating({ event }: { event: Speeddate }) {
  const { t, i18n } = useTranslation();
  const names = new Map(event.participants.map((p) => [p.personId, p.name]));
  const tables = event.participants.filter((p) => p.role === 'professional' && p.tableNo).sort((a, b) => (a.tableNo ?? 0) - (b.tableNo ?? 0));
  if (event.seats.length === 0) return <p className="muted">{t('speeddate.seating.none')}</p>;
  return (
    <DataTable caption={t('speeddate.seating.title')} columns={[t('speeddate.seating.round'), ...tables.map((p) => `${t('speeddate.table', { table: p.tableNo })}: ${p.name}`)]}>
      {event.roundTimes.map((r) => (
        <tr key={r.round}>
          <th scope="row">{r.round} <span className="muted">{time(r.startAt, i18n.language)}</span></th>
          {tables.map((p) => <td key={p.personId}>{event.seats.filter((s) => s.round === r.round && s.professionalId === p.personId).map((s) => names.get(s.teacherId) ?? '').join(', ') || '—'}</td>)}
        </tr>
      ))}
    </DataTable>
  );
}

function MyRoute({ event, personId }: { event: Speeddate; personId: string }) {
  const { t, i18n } = useTranslation();
  const names = new Map(event.participants.map((p) => [p.personId, p]));
  const mine = event.seats.filter((s) => s.teacherId === personId || s.professionalId === personId);
  if (mine.length === 0) return <p className="muted">{t('speeddate.seating.none')}</p>;
  return (
    <DataTable caption={t('speeddate.route.title')} columns={[t('speeddate.seating.round'), t('speeddate.route.time'), t('speeddate.route.table'), t('speeddate.route.with')]}>
      {event.roundTimes.map((r) => {
        const seat = mine.find((s) => s.round === r.round);
        return (
          <tr key={r.round}>
            <td>{r.round}</td>
            <td>{time(r.startAt, i18n.language)}–{time(r.endAt, i18n.language)}</td>
            <td>{seat ? seat.tableNo : '—'}</td>
            <td>{seat ? (seat.teacherId === personId ? names.get(seat.professionalId)?.name : t('speeddate.route.teacher')) : t('speeddate.route.pause')}</td>
          </tr>
        );
      })}
    </DataTable>
  );
}

function Choices({ event }: { event: Speeddate }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<string[]>(event.myChoices);
  const save = useSave(event, 'put', '/choices');
  if (event.met.length === 0) return null;
  return (
    <section className="section" aria-labelledby="again-title">
      <h2 id="again-title">{t('speeddate.choices.title')}</h2>
      <p className="muted">{t('speeddate.choices.help')}</p>
      <form className="form" onSubmit={(e) => { e.preventDefault(); save.mutate({ chosenIds: chosen }); }}>
        <fieldset>
          <legend>{t('speeddate.choices.legend')}</legend>
          {event.met.map((m) => (
            <label key={m.personId} className="checkbox">
              <input type="checkbox" checked={chosen.includes(m.personId)} onChange={(e) => setChosen(e.target.checked ? [...chosen, m.personId] : chosen.filter((id) => id !== m.personId))} /> {m.name}
            </label>
          ))}
        </fieldset>
        <ErrorMessage error={save.error} />
        {save.isSuccess ? <SuccessMessage>{t('speeddate.choices.saved')}</SuccessMessage> : null}
        <div className="button-row"><button type="submit" disabled={save.isPending}>{t('speeddate.choices.save')}</button></div>
      </form>
    </section>
  );
}

function Registration({ event }: { event: Speeddate }) {
  const { t } = useTranslation();
  const save = useSave(event, 'put', '/registration');
  if (!event.myStatus || event.openFromRound > event.rounds) return null;
  return (
    <section className="section" aria-labelledby="reg-title">
      <h2 id="reg-title">{t('speeddate.registration.title')}</h2>
      <p>{t('speeddate.registration.status')} <span className="badge">{t(`speeddate.status.${event.myStatus}`)}</span></p>
      <ErrorMessage error={save.error} />
      <div className="button-row">
        <button type="button" disabled={save.isPending || event.myStatus === 'registered' || event.myStatus === 'arrived'} onClick={() => save.mutate({ attending: true })}>{t('speeddate.registration.yes')}</button>
        <button type="button" className="secondary" disabled={save.isPending || event.myStatus === 'declined'} onClick={() => save.mutate({ attending: false })}>{t('speeddate.registration.no')}</button>
      </div>
    </section>
  );
}

/** /speeddates/:eventId — the event: registration, the door's check-in list, the seating, downloads, choices afterwards. */
export function SpeeddatePage() {
  const { eventId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { networkId, me, caps } = useNetwork();
  const query = useSpeeddate(eventId);
  return (
    <QueryView query={query}>
      {(event) => (
        <>
          <PageHeading title={event.title}>
            <Link className="button" to={`/speeddates/${event.id}/klok`}>{t('speeddate.clock.open')}</Link>
          </PageHeading>
          <p className="lead">{formatDateTime(event.startAt, i18n.language)}–{time(event.endAt, i18n.language)} · {event.place}</p>
          {caps.manageNetwork && new Date(event.endAt).getTime() < Date.now() ? <PracticeExampleLink source="speeddate_event" id={event.id} /> : null}
          <p className="muted">{[t('speeddate.event.tables', { count: event.tableCount }), t('speeddate.event.seats', { count: event.seatsPerTable }), t('speeddate.event.roundsOf', { count: event.rounds, length: t('speeddate.event.minutes', { count: event.roundMinutes }) })].join(', ')}</p>
          {event.mutual.length > 0 ? (
            <section className="section" aria-labelledby="mutual-title">
              <h2 id="mutual-title">{t('speeddate.mutual.title')}</h2>
              <ul>{event.mutual.map((m) => <li key={`${m.teacherId}-${m.professionalId}`}>{m.teacherName} ↔ {m.professionalName}</li>)}</ul>
              <p><Link to="/twinning">{t('speeddate.mutual.toTwinning')}</Link></p>
            </section>
          ) : null}
          {new Date(event.endAt).getTime() < Date.now() ? (
            <>
              {event.myStatus ? <PracticeEvaluationCard source="speeddate_event" id={event.id} networkId={networkId} /> : null}
              {caps.manageNetwork ? <PracticeEvaluationSummary source="speeddate_event" id={event.id} /> : null}
            </>
          ) : null}
          <Registration event={event} />
          {event.canManage ? (
            <>
              <p className="button-row">
                <a href={`/api/networks/${networkId}/speeddates/${event.id}/route-cards.pdf`} download>{t('speeddate.download.cards')}</a>
                <a href={`/api/networks/${networkId}/speeddates/${event.id}/rotation?format=xlsx`} download>{t('speeddate.download.xlsx')}</a>
                <a href={`/api/networks/${networkId}/speeddates/${event.id}/rotation?format=csv`} download>{t('speeddate.download.csv')}</a>
              </p>
              <CheckInList event={event} />
              <section className="section" aria-labelledby="seating-title">
                <h2 id="seating-title">{t('speeddate.seating.title')}</h2>
                <div style={{ overflowX: 'auto' }}><Seating event={event} /></div>
              </section>
            </>
          ) : (
            <section className="section" aria-labelledby="route-title">
              <h2 id="route-title">{t('speeddate.route.title')}</h2>
              <MyRoute event={event} personId={me.id} />
            </section>
          )}
          <Choices event={event} />
        </>
      )}
    </QueryView>
  );
}
