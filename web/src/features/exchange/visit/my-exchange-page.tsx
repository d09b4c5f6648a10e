import { editionIsPublished } from '../../../../../src/domain/exchange/edition/rules.ts';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { useNetwork } from '../../../app/session.tsx';
import { PageHeading } from '../../../components/page-heading.tsx';
import { EmptyState, ErrorMessage, Loading, SuccessMessage } from '../../../components/status.tsx';
import { CalendarFeedSection } from './calendar-feed-section.tsx';
import { ek, useEdition, useMyExchange } from '../queries.ts';
import { formatDay, formatSpan, formatTime } from '../time.ts';
import type { Edition, Evaluation, MyExchange, MyVisit, Reflection } from '../types.ts';
import { SubmitRow } from '../../../components/field.tsx';

function ReflectionForm({ visit }: { visit: MyVisit }) {
  const { t } = useTranslation();
  const { networkId } = useNetwork();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<Reflection>(visit.reflection ?? { observed: '', learned: '', apply: '' });
  const save = useMutation({
    mutationFn: () => api.put(`/networks/${networkId}/visits/${visit.id}/reflection`, form),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ek(networkId, 'my-exchange') }),
  });
  const field = (key: keyof Reflection) => {
    const id = `reflection-${visit.id}-${key}`;
    return (
      <div className="field">
        <label htmlFor={id}>{t(`exchange.reflection.${key}`)}</label>
        <textarea id={id} rows={3} value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} />
      </div>
    );
  };
  return (
    <form className="form" onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
      <ErrorMessage error={save.error} />
      {field('observed')}
      {field('learned')}
      {field('apply')}
      <SubmitRow busy={save.isPending} label={t('exchange.reflection.save')}>
        {save.isSuccess ? <span role="status" className="muted">{t('exchange.reflection.saved')}</span> : null}
      </SubmitRow>
    </form>
  );
}

function VisitCard({ visit }: { visit: MyVisit }) {
  const { t, i18n } = useTranslation();
  const { networkId } = useNetwork();
  const queryClient = useQueryClient();
  const checkIn = useMutation({
    mutationFn: () => api.post(`/networks/${networkId}/visits/${visit.id}/check-in`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ek(networkId, 'my-exchange') }),
  });
  // Open at first for a checked-in visit without a reflection; after that the teacher decides.
  const [initiallyOpen] = useState(() => visit.checkedIn && !visit.reflection);
  const title = visit.role === 'observer' ? t('exchange.visit.youObserve', { name: visit.partnerName }) : t('exchange.visit.observesYou', { name: visit.partnerName });
  const mapUrl = `https://www.openstreetmap.org/search?query=${encodeURIComponent(visit.address)}`;
  return (
    <li className="card" aria-labelledby={`visit-${visit.id}`}>
      <h3 id={`visit-${visit.id}`}>{title} <span className={`badge badge-${visit.status}`}>{t(`exchange.visitStatus.${visit.status}`)}</span></h3>
      <dl className="facts">
        <div><dt>{t('exchange.proposal.when')}</dt><dd>{formatSpan(visit.lessonStart, visit.lessonEnd, i18n.language)}</dd></div>
        {visit.role === 'observer' ? (
          <div><dt>{t('exchange.proposal.travel')}</dt><dd>{t('exchange.visit.leaveReturnShort', { leave: formatTime(visit.leaveAt, i18n.language), back: formatTime(visit.returnBy, i18n.language) })}</dd></div>
        ) : null}
        <div><dt>{t('exchange.proposal.where')}</dt><dd>{visit.locationName}<br />{visit.address} (<a href={mapUrl} target="_blank" rel="noopener noreferrer">{t('exchange.visit.map')}<span className="sr-only"> {t('exchange.visit.newWindow')}</span></a>)</dd></div>
      </dl>
      {visit.status !== 'cancelled' ? (
        <>
          <div className="button-row">
            {visit.checkedIn ? <span className="badge badge-accepted">{t('exchange.visit.checkedIn')}</span> : (
              <button type="button" onClick={() => checkIn.mutate()} disabled={checkIn.isPending}>{t('exchange.visit.checkIn')}<span className="sr-only"> {title}</span></button>
            )}
          </div>
          <ErrorMessage error={checkIn.error} />
          <details open={initiallyOpen}>
            <summary>{visit.reflection ? t('exchange.reflection.edit') : t('exchange.reflection.title')}<span className="sr-only"> {title}</span></summary>
            <ReflectionForm visit={visit} />
          </details>
        </>
      ) : null}
    </li>
  );
}

function EvaluationForm({ edition, existing }: { edition: Edition; existing: Evaluation | null }) {
  const { t } = useTranslation();
  const { networkId } = useNetwork();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({
    overall: existing?.overall ?? 0, partnerFit: existing?.partnerFit ?? 0, organisation: existing?.organisation ?? 0,
    wouldRecommend: existing ? (existing.wouldRecommend ? 'yes' : 'no') : '', bestPart: existing?.bestPart ?? '', improve: existing?.improve ?? '',
  });
  const [missing, setMissing] = useState(false);
  const save = useMutation({
    mutationFn: () => api.put(`/networks/${networkId}/editions/${edition.id}/evaluation`, {
      overall: form.overall, partnerFit: form.partnerFit, organisation: form.organisation, wouldRecommend: form.wouldRecommend === 'yes', bestPart: form.bestPart, improve: form.improve,
    }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ek(networkId, 'my-exchange') }),
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    const incomplete = !form.overall || !form.partnerFit || !form.organisation || !form.wouldRecommend;
    setMissing(incomplete);
    if (!incomplete) save.mutate();
  }
  const rating = (key: 'overall' | 'partnerFit' | 'organisation') => (
    <fieldset>
      <legend>{t(`exchange.evaluation.${key}`)}</legend>
      <div className="rating">
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} className="radio">
            <input type="radio" name={`eval-${key}`} value={n} checked={form[key] === n} onChange={() => setForm({ ...form, [key]: n })} />
            {t('exchange.evaluation.score', { n })}
          </label>
        ))}
      </div>
    </fieldset>
  );
  return (
    <section aria-labelledby="evaluation-title" className="section card">
      <h2 id="evaluation-title">{t('exchange.evaluation.title')}</h2>
      <p>{t('exchange.evaluation.intro')}</p>
      <form className="form" onSubmit={submit} noValidate>
        {missing ? <p className="status status-error" role="alert">{t('exchange.evaluation.missing')}</p> : null}
        <ErrorMessage error={save.error} />
        {rating('overall')}
        {rating('partnerFit')}
        {rating('organisation')}
        <fieldset>
          <legend>{t('exchange.evaluation.wouldRecommend')}</legend>
          <div className="rating">
            {['yes', 'no'].map((v) => (
              <label key={v} className="radio">
                <input type="radio" name="eval-recommend" value={v} checked={form.wouldRecommend === v} onChange={() => setForm({ ...form, wouldRecommend: v })} />
                {t(`common.${v}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor="eval-best">{t('exchange.evaluation.bestPart')}</label>
          <textarea id="eval-best" rows={3} value={form.bestPart} onChange={(e) => setForm({ ...form, bestPart: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="eval-improve">{t('exchange.evaluation.improve')}</label>
          <textarea id="eval-improve" rows={3} value={form.improve} onChange={(e) => setForm({ ...form, improve: e.target.value })} />
        </div>
        <SubmitRow busy={save.isPending} label={existing ? t('exchange.evaluation.update') : t('exchange.evaluation.submit')} />
        {save.isSuccess ? <SuccessMessage>{t('exchange.evaluation.saved')}</SuccessMessage> : null}
      </form>
    </section>
  );
}

/** No dead end for the unmatched: the waiting list for a next run, the coordinator, other activities of the network. */
function UnmatchedNextSteps({ edition, mine }: { edition: Edition; mine: MyExchange }) {
  const { t } = useTranslation();
  const { networkId } = useNetwork();
  const queryClient = useQueryClient();
  const waitlist = useMutation({
    mutationFn: (on: boolean) => api.put(`/networks/${networkId}/editions/${edition.id}/waitlist`, { waitlist: on }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ek(networkId, 'my-exchange') }),
  });
  return (
    <section aria-labelledby="next-steps-title" className="section card">
      <h2 id="next-steps-title">{t('exchange.mine.nextTitle')}</h2>
      <ul className="plain-list next-steps">
        <li>
          {mine.waitlist ? <p role="status">{t('exchange.mine.waitlistIsOn')}</p> : <p className="field-hint">{t('exchange.mine.waitlistHelp')}</p>}
          <button type="button" className={mine.waitlist ? 'button-secondary' : undefined} disabled={waitlist.isPending} onClick={() => waitlist.mutate(!mine.waitlist)}>
            {mine.waitlist ? t('exchange.mine.waitlistOff') : t('exchange.mine.waitlistOn')}
          </button>
          <ErrorMessage error={waitlist.error} />
        </li>
        {mine.contacts.length > 0 ? (
          <li>
            {t('exchange.mine.contact')}{' '}
            {mine.contacts.map((c, i) => <span key={c.email}>{i > 0 ? ', ' : ''}<a href={`mailto:${c.email}`}>{c.name}</a></span>)}
          </li>
        ) : null}
        <li><Link to="/aanbod">{t('exchange.mine.otherActivities')}</Link></li>
      </ul>
    </section>
  );
}

function Status({ edition, mine }: { edition: Edition; mine: MyExchange }) {
  const { t } = useTranslation();
  switch (mine.status) {
    case 'not_registered':
      return (
        <EmptyState title={t('exchange.mine.notRegistered')}>
          {edition.status === 'registration_open' ? <p><Link to={`/uitwisseling/aanmelden/${edition.id}`}>{t('exchange.list.register')}</Link></p> : <p>{t('exchange.mine.notRegisteredClosed')}</p>}
        </EmptyState>
      );
    case 'registered':
      return (
        <div className="status status-success" role="status">
          <p>{t('exchange.mine.registered')}</p>
          <p><Link to={`/uitwisseling/aanmelden/${edition.id}`}>{t('exchange.mine.editRegistration')}</Link> · <Link to={`/rooster?week=${edition.windowStart}`}>{t('exchange.register.toTimetable')}</Link></p>
        </div>
      );
    case 'unmatched':
      return (
        <>
          <div className="status status-warning" role="status">
            <p>{t('exchange.mine.unmatched')}</p>
            {mine.unmatchedReason ? <p>{t(`exchange.unmatched.${mine.unmatchedReason}`, { defaultValue: mine.unmatchedReason })}</p> : null}
          </div>
          <UnmatchedNextSteps edition={edition} mine={mine} />
        </>
      );
    default:
      return null;
  }
}

/** My exchange: partner and contact, visits with places and times, check-in, reflection, evaluation, calendar, certificate. */
export function MyExchangePage() {
  const { t, i18n } = useTranslation();
  const { editionId = '' } = useParams();
  const { networkId } = useNetwork();
  const edition = useEdition(editionId);
  const mine = useMyExchange(editionId);
  const e = edition.data;
  const m = mine.data;
  const evaluable = e && editionIsPublished(e.status) && m?.status === 'matched';
  return (
    <>
      <p><Link to="/uitwisseling">{t('exchange.detail.back')}</Link></p>
      <PageHeading title={e ? t('exchange.mine.title', { name: e.name }) : t('exchange.list.title')} />
      {edition.isPending || mine.isPending ? <Loading /> : null}
      <ErrorMessage error={edition.error ?? mine.error} />
      {e ? <p className="lead">{t('exchange.list.windowText', { start: formatDay(e.windowStart, i18n.language), end: formatDay(e.windowEnd, i18n.language) })}</p> : null}
      {e && m ? <Status edition={e} mine={m} /> : null}
      {m && m.status === 'matched' ? (
        <>
          <section aria-labelledby="partners-title" className="section">
            <h2 id="partners-title">{t('exchange.mine.partners', { count: m.partners.length })}</h2>
            <ul className="plain-list pair-people">
              {m.partners.map((p) => (
                <li key={p.id} className="card">
                  <h3>{p.name}</h3>
                  <p>{p.institutionName}<br />{p.programmes.join(', ')}</p>
                  <p><a href={`mailto:${p.email}`}>{p.email}</a></p>
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="visits-mine-title" className="section">
            <h2 id="visits-mine-title">{t('exchange.mine.visits', { count: m.visits.length })}</h2>
            {m.visits.length === 0 ? <EmptyState title={t('exchange.mine.noVisits')}><p>{t('exchange.mine.noVisitsHelp')}</p></EmptyState> : (
              <ul className="plain-list">{m.visits.map((v) => <VisitCard key={v.id} visit={v} />)}</ul>
            )}
          </section>
          <CalendarFeedSection />
          {evaluable && e ? <EvaluationForm edition={e} existing={m.evaluation} /> : null}
          <section aria-labelledby="certificate-title" className="section card">
            <h2 id="certificate-title">{t('exchange.certificate.title')}</h2>
            <p>{m.creditedHours > 0 ? t('exchange.certificate.intro', { hours: m.creditedHours }) : t('exchange.certificate.none')}</p>
            {e ? <p className="field-hint">{t('exchange.certificate.how', { full: e.creditedHours, half: Math.round(e.creditedHours * 5) / 10 })}</p> : null}
            {m.visits.some((v) => v.status === 'done') ? (
              <p><a href={`/api/networks/${networkId}/editions/${editionId}/certificate.pdf`} download>{t('exchange.certificate.download')}</a></p>
            ) : <p className="muted">{t('exchange.certificate.notYet')}</p>}
          </section>
        </>
      ) : null}
    </>
  );
}
