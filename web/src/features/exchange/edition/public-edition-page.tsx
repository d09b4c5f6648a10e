import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { useMe } from '../../../app/session.tsx';
import { PageHeading } from '../../../components/page-heading.tsx';
import { ErrorMessage, Loading } from '../../../components/status.tsx';
import { formatDay } from '../time.ts';
import { editionPublicSchema } from '../../../../../src/domain/exchange/edition/schema.ts';

/** The announcement anyone with the link can read (the invitation e-mails point here). */
export function PublicEditionPage() {
  const { t, i18n } = useTranslation();
  const { slug = '' } = useParams();
  const me = useMe();
  const edition = useQuery({ queryKey: ['public-edition', slug], queryFn: () => api.get(`/public/editions/${encodeURIComponent(slug)}`, editionPublicSchema) });
  if (edition.isPending) return <Loading />;
  if (edition.error) return <><PageHeading title={t('exchange.public.notFound')} /><ErrorMessage error={edition.error} /></>;
  const e = edition.data;
  const target = `/uitwisseling/aanmelden/${e.editionId}`;
  const sides = (['a', 'b'] as const).map((side) => ({ label: side === 'a' ? e.sideALabel : e.sideBLabel, names: e.institutions.filter((i) => i.side === side).map((i) => i.name) }));
  return (
    <>
      <PageHeading title={e.name} />
      <p className="lead">{t('exchange.public.lead', { network: e.networkName })}</p>
      {e.description ? <p>{e.description}</p> : null}
      <dl className="facts">
        <div><dt>{t('exchange.list.window')}</dt><dd>{formatDay(e.windowStart, i18n.language)} – {formatDay(e.windowEnd, i18n.language)}</dd></div>
        <div><dt>{t('exchange.form.registrationDeadline')}</dt><dd>{formatDay(e.registrationDeadline, i18n.language)}</dd></div>
        <div><dt>{t('exchange.form.creditedHours')}</dt><dd>{e.creditedHours} <span className="field-hint">{t('exchange.form.creditedHoursHelp')}</span></dd></div>
        <div><dt>{t('exchange.form.groupSize')}</dt><dd>{t(`exchange.form.${e.groupSize}`)}</dd></div>
      </dl>
      <h2>{t('exchange.public.how')}</h2>
      <ol className="steps">
        <li>{t('exchange.public.step1')}</li>
        <li>{t('exchange.public.step2')}</li>
        <li>{t('exchange.public.step3')}</li>
        <li>{t('exchange.public.step4')}</li>
      </ol>
      <h2>{t('exchange.public.who')}</h2>
      <ul>
        {sides.map((s) => <li key={s.label}><strong>{s.label}</strong>: {s.names.join(', ') || '—'}</li>)}
      </ul>
      <div className="card">
        {e.registrationOpen ? (
          me.data ? (
            <Link to={target} className="button-link">{t('exchange.public.register')}</Link>
          ) : (
            <>
              <p>{t('exchange.public.loginFirst')}</p>
              <Link to={`/inloggen?next=${encodeURIComponent(target)}`} className="button-link">{t('exchange.public.login')}</Link>
            </>
          )
        ) : (
          <p>{t(`exchange.public.closed.${e.status}`, { defaultValue: t('exchange.public.closedDefault') })}</p>
        )}
      </div>
    </>
  );
}
