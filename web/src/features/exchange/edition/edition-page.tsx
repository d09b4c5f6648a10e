import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { editionStatuses } from '../../../../../src/domain/exchange/edition/schema.ts';
import { api } from '../../../api/client.ts';
import { useNetwork } from '../../../app/session.tsx';
import { PageHeading } from '../../../components/page-heading.tsx';
import { ConfirmDialog, Dialog } from '../../../components/dialog.tsx';
import { ErrorMessage, Loading, SuccessMessage } from '../../../components/status.tsx';
import { EditionForm } from './edition-form.tsx';
import { EditionStatusBadge } from './status-badge.tsx';
import { FunnelSection } from '../registration/funnel-section.tsx';
import { MatchingSection } from '../match/matching-section.tsx';
import { RegistrationsSection } from '../registration/registrations-section.tsx';
import { ReportSection } from '../report/report-section.tsx';
import { VisitsSection } from '../visit/visits-section.tsx';
import { ek, useEdition } from '../queries.ts';
import { formatDay } from '../time.ts';
import type { Edition, EditionStatus } from '../types.ts';
import { editionSchema } from '../../../../../src/domain/exchange/edition/schema.ts';
import { PracticeExampleLink } from '../../../components/practice-example-link.tsx';

const TABS = ['settings', 'funnel', 'registrations', 'matching', 'visits', 'report'] as const;
type Tab = (typeof TABS)[number];

/** The life cycle as an ordered list; the allowed next steps as buttons (publishing happens from a run). */
function StatusStepper({ edition }: { edition: Edition }) {
  const { t } = useTranslation();
  const { networkId } = useNetwork();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState<EditionStatus | null>(null);
  const [done, setDone] = useState('');
  const current = editionStatuses.indexOf(edition.status);
  const transition = useMutation({
    mutationFn: (to: EditionStatus) => api.post(`/networks/${networkId}/editions/${edition.id}/transition`, { to }, editionSchema),
    onSuccess: (saved) => {
      setAsking(null);
      setDone(t('exchange.stepper.done', { status: t(`exchange.status.${saved.status}`) }));
      void queryClient.invalidateQueries({ queryKey: ek(networkId) });
    },
  });
  const next = edition.allowedTransitions.filter((s) => s !== 'published');
  return (
    <section aria-labelledby="stepper-title" className="card">
      <h2 id="stepper-title">{t('exchange.stepper.title')}</h2>
      <ol className="stepper">
        {editionStatuses.map((s, i) => (
          <li key={s} className={i < current ? 'step-past' : undefined} aria-current={s === edition.status ? 'step' : undefined}>
            {t(`exchange.status.${s}`)}
            {i < current ? <span className="sr-only"> ({t('exchange.stepper.past')})</span> : null}
          </li>
        ))}
      </ol>
      <p>{t(`exchange.stepper.help.${edition.status}`)}</p>
      {done ? <SuccessMessage>{done}</SuccessMessage> : null}
      <ErrorMessage error={transition.error} />
      <div className="button-row">
        {next.map((s) => {
          const forward = editionStatuses.indexOf(s) > current;
          return (
            <button key={s} type="button" className={forward ? undefined : 'button-secondary'} disabled={transition.isPending}
              onClick={() => { transition.reset(); setDone(''); if (s === 'registration_open') setAsking(s); else transition.mutate(s); }}>
              {forward ? t(`exchange.stepper.to.${s}`) : t('exchange.stepper.back', { status: t(`exchange.status.${s}`) })}
            </button>
          );
        })}
        {edition.status === 'matching' ? <span className="field-hint">{t('exchange.stepper.publishHint')}</span> : null}
      </div>
      <ConfirmDialog
        open={asking !== null}
        title={t('exchange.stepper.openTitle')}
        message={t('exchange.stepper.openMessage', { count: edition.institutions.length })}
        confirmLabel={t('exchange.stepper.to.registration_open')}
        busy={transition.isPending}
        error={<ErrorMessage error={transition.error} />}
        onConfirm={() => asking && transition.mutate(asking)}
        onClose={() => setAsking(null)}
      />
    </section>
  );
}

function SettingsSection({ edition }: { edition: Edition }) {
  const { t, i18n } = useTranslation();
  const { networkId } = useNetwork();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [saved, setSaved] = useState(false);
  const remove = useMutation({
    mutationFn: () => api.delete(`/networks/${networkId}/editions/${edition.id}`),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ek(networkId, 'editions'), exact: true });
      navigate('/uitwisseling');
    },
  });
  const r = edition.rules;
  const publicUrl = `${window.location.origin}/uitwisseling/${edition.publicSlug}`;
  return (
    <section aria-labelledby="settings-title" className="section">
      <div className="section-heading">
        <h2 id="settings-title">{t('exchange.tabs.settings')}</h2>
        <div className="button-row">
          <button type="button" onClick={() => { setSaved(false); setEditing(true); }}>{t('exchange.settings.edit')}</button>
          {edition.status === 'draft' ? <button type="button" className="button-danger-outline" onClick={() => { remove.reset(); setDeleting(true); }}>{t('exchange.settings.delete')}</button> : null}
        </div>
      </div>
      {saved ? <SuccessMessage>{t('exchange.settings.saved')}</SuccessMessage> : null}
      {edition.description ? <p>{edition.description}</p> : null}
      <dl className="facts">
        <div><dt>{t('exchange.list.window')}</dt><dd>{formatDay(edition.windowStart, i18n.language)} – {formatDay(edition.windowEnd, i18n.language)}</dd></div>
        <div><dt>{t('exchange.form.announcementDate')}</dt><dd>{formatDay(edition.announcementDate, i18n.language)}</dd></div>
        <div><dt>{t('exchange.form.registrationDeadline')}</dt><dd>{formatDay(edition.registrationDeadline, i18n.language)}</dd></div>
        <div><dt>{t('exchange.form.creditedHours')}</dt><dd>{edition.creditedHours}</dd></div>
        <div><dt>{t('exchange.form.groupSize')}</dt><dd>{t(`exchange.form.${edition.groupSize}`)}</dd></div>
        <div><dt>{t('exchange.settings.day')}</dt><dd>{r.dayStart}–{r.dayEnd}</dd></div>
        <div><dt>{t('exchange.form.maxVisitsPerDay')}</dt><dd>{r.maxVisitsPerDay}</dd></div>
        <div><dt>{t('exchange.form.hostCapacity')}</dt><dd>{r.hostCapacity}</dd></div>
        <div><dt>{t('exchange.settings.lessons')}</dt><dd>{[r.avoidFirstLesson ? t('exchange.form.avoidFirstLesson') : '', r.avoidLastLesson ? t('exchange.form.avoidLastLesson') : ''].filter(Boolean).join('; ') || '—'}</dd></div>
        <div><dt>{t('exchange.form.avoid')}</dt><dd>{r.avoid.map((a) => `${t(`exchange.weekday.${a.weekday}`)} ${a.start}–${a.end}`).join('; ') || '—'}</dd></div>
      </dl>
      <h3>{t('exchange.settings.publicTitle')}</h3>
      {edition.status === 'draft' ? <p className="muted">{t('exchange.settings.publicDraft')}</p> : null}
      <p><a href={publicUrl} className="break">{publicUrl}</a></p>
      <h3>{t('exchange.settings.institutionsTitle')}</h3>
      <div className="pair-people">
        {(['a', 'b'] as const).map((side) => (
          <div key={side}>
            <h4>{side === 'a' ? edition.sideALabel : edition.sideBLabel}</h4>
            {edition.institutions.filter((i) => i.side === side).length === 0 ? (
              <p className="status status-warning">{t('exchange.settings.sideEmpty')}</p>
            ) : (
              <ul>{edition.institutions.filter((i) => i.side === side).map((i) => <li key={i.institutionId}><Link to={`/instellingen/${i.institutionId}`}>{i.name}</Link> ({t(`kind.${i.kind}`)})</li>)}</ul>
            )}
          </div>
        ))}
      </div>
      <Dialog open={editing} title={t('exchange.settings.edit')} onClose={() => setEditing(false)}>
        <EditionForm edition={edition} onDone={() => { setEditing(false); setSaved(true); }} />
      </Dialog>
      <ConfirmDialog
        open={deleting}
        title={t('exchange.settings.deleteTitle')}
        message={t('exchange.settings.deleteMessage', { name: edition.name })}
        confirmLabel={t('exchange.settings.delete')}
        busy={remove.isPending}
        error={<ErrorMessage error={remove.error} />}
        onConfirm={() => remove.mutate()}
        onClose={() => setDeleting(false)}
      />
    </section>
  );
}

/** One edition for the coordinator: life cycle, settings, recruitment, registrations, matching, visits, report. */
export function EditionPage() {
  const { t } = useTranslation();
  const { editionId = '' } = useParams();
  const [params] = useSearchParams();
  const edition = useEdition(editionId);
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'settings';
  if (edition.isPending) return <Loading />;
  if (edition.error) return <><PageHeading title={t('exchange.list.title')} /><ErrorMessage error={edition.error} /></>;
  const e = edition.data;
  return (
    <>
      <p><Link to="/uitwisseling">{t('exchange.detail.back')}</Link></p>
      <PageHeading title={e.name}><EditionStatusBadge status={e.status} /></PageHeading>
      <StatusStepper edition={e} />
      {e.status === 'evaluation' || e.status === 'closed' ? <PracticeExampleLink source="exchange_edition" id={e.id} /> : null}
      <nav className="tabs" aria-label={t('exchange.detail.tabsLabel')}>
        <ul>
          {TABS.map((k) => (
            <li key={k}>
              <Link to={`?tab=${k}`} aria-current={k === tab ? 'page' : undefined} replace>{t(`exchange.tabs.${k}`)}</Link>
            </li>
          ))}
        </ul>
      </nav>
      {tab === 'settings' ? <SettingsSection edition={e} /> : null}
      {tab === 'funnel' ? <FunnelSection edition={e} /> : null}
      {tab === 'registrations' ? <RegistrationsSection edition={e} /> : null}
      {tab === 'matching' ? <MatchingSection edition={e} /> : null}
      {tab === 'visits' ? <VisitsSection edition={e} /> : null}
      {tab === 'report' ? <ReportSection edition={e} /> : null}
    </>
  );
}
