import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { useNetwork } from '../../../app/session.tsx';
import { PageHeading } from '../../../components/page-heading.tsx';
import { QueryView } from '../../../components/status.tsx';
import { LastingEffectBlock } from '../../../components/lasting-effect.tsx';
import type { OfferEvaluation, OfferLastingEffect } from '../../../../../src/domain/offer/report/schema.ts';
import { offerReportSchema } from '../../../../../src/domain/offer/report/schema.ts';
import { ok } from '../queries.ts';

const pct = (v: number | null) => (v === null ? '—' : `${v} %`);

/** One host's lasting effect in a table cell: "4 van 6" who now do something (partly) differently. */
function EffectCell({ effect }: { effect: OfferLastingEffect }) {
  const { t } = useTranslation();
  if (effect.answered === 0) return <>—</>;
  if (!effect.counts) return <>{t('offer.report.effectTooFew')}</>;
  return <>{t('offer.report.effectCell', { count: effect.counts.changed + effect.counts.partly, total: effect.answered })}</>;
}

const oneDecimal = (value: number, language: string) => new Intl.NumberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);

/** How teachers valued a host's company visits: "4,3 uit 5 (12 antwoorden)", or why no figure shows. */
function EvaluationCell({ evaluation }: { evaluation: OfferEvaluation }) {
  const { t, i18n } = useTranslation();
  if (evaluation.count === 0) return <>—</>;
  if (!evaluation.shown || evaluation.mean === null) return <>{t('offer.report.evaluationTooFew')}</>;
  return <>{t('offer.report.evaluationCell', { mean: oneDecimal(evaluation.mean, i18n.language), count: evaluation.count })}</>;
}

/** /aanbod/cijfers — participation per host, school and kind, fill rate, waitlists, feedback; XLSX/CSV. */
export function OfferReportPage() {
  const { t, i18n } = useTranslation();
  const { networkId } = useNetwork();
  const report = useQuery({ queryKey: ok(networkId, 'report'), queryFn: () => api.get(`/networks/${networkId}/offer-report`, offerReportSchema) });
  return (
    <>
      <PageHeading title={t('offer.report.title')} />
      <QueryView query={report} isEmpty={(r) => r.totals.offers === 0} emptyTitle={t('offer.report.empty')} emptyHelp={t('offer.report.emptyHelp')}>
        {(r) => (
          <>
            <p className="lead">{t(r.scope === 'own' ? 'offer.report.own' : 'offer.report.network')}</p>
            <p className="button-row">
              <a className="button-link" href={`/api/networks/${networkId}/offer-report.xlsx`}>{t('offer.report.xlsx')}</a>
              <a className="button-link" href={`/api/networks/${networkId}/offer-report.csv`}>{t('offer.report.csv')}</a>
            </p>
            <ul className="stat-list">
              <li className="stat"><span className="stat-value">{r.totals.offers}</span> <span className="stat-label">{t('offer.report.offers')}</span></li>
              <li className="stat"><span className="stat-value">{r.totals.confirmed}</span> <span className="stat-label">{t('offer.report.confirmed')}</span></li>
              <li className="stat"><span className="stat-value">{r.totals.waitlisted}</span> <span className="stat-label">{t('offer.report.waitlisted')}</span></li>
              <li className="stat"><span className="stat-value">{pct(r.totals.fillPercent)}</span> <span className="stat-label">{t('offer.report.fill')}</span></li>
              <li className="stat"><span className="stat-value">{r.totals.hours}</span> <span className="stat-label">{t('offer.report.hours')}</span></li>
              {r.totals.evaluation.shown && r.totals.evaluation.mean !== null && (
                <li className="stat"><span className="stat-value">{oneDecimal(r.totals.evaluation.mean, i18n.language)}</span> <span className="stat-label">{t('offer.report.evaluationStat')}</span></li>
              )}
            </ul>
            <h2>{t('offer.report.byCompany')}</h2>
            <div className="table-wrap">
              <table>
                <thead><tr><th scope="col">{t('offer.report.host')}</th><th scope="col">{t('offer.report.offers')}</th><th scope="col">{t('offer.report.confirmed')}</th><th scope="col">{t('offer.report.waitlisted')}</th><th scope="col">{t('offer.report.fill')}</th><th scope="col">{t('offer.report.effectColumn')}</th><th scope="col">{t('offer.report.evaluationColumn')}</th></tr></thead>
                <tbody>{r.byCompany.map((c) => <tr key={c.hostInstitutionId}><th scope="row">{c.hostName}</th><td className="num">{c.offers}</td><td className="num">{c.confirmed}</td><td className="num">{c.waitlisted}</td><td className="num">{pct(c.fillPercent)}</td><td><EffectCell effect={c.lastingEffect} /></td><td><EvaluationCell evaluation={c.evaluation} /></td></tr>)}</tbody>
              </table>
            </div>
            <h2>{t('offer.report.bySchool')}</h2>
            <div className="table-wrap">
              <table>
                <thead><tr><th scope="col">{t('offer.report.school')}</th><th scope="col">{t('offer.report.participants')}</th><th scope="col">{t('offer.report.waitlisted')}</th><th scope="col">{t('offer.report.hours')}</th></tr></thead>
                <tbody>{r.bySchool.map((s) => <tr key={s.institutionId ?? '-'}><th scope="row">{s.institutionName}</th><td className="num">{s.participants}</td><td className="num">{s.waitlisted}</td><td className="num">{s.hours}</td></tr>)}</tbody>
              </table>
            </div>
            <h2>{t('offer.report.byKind')}</h2>
            <div className="table-wrap">
              <table>
                <thead><tr><th scope="col">{t('offer.report.kind')}</th><th scope="col">{t('offer.report.offers')}</th><th scope="col">{t('offer.report.confirmed')}</th><th scope="col">{t('offer.report.fill')}</th></tr></thead>
                <tbody>{r.byKind.map((k) => <tr key={k.kind}><th scope="row">{t(`offer.kind.${k.kind}`)}</th><td className="num">{k.offers}</td><td className="num">{k.confirmed}</td><td className="num">{pct(k.fillPercent)}</td></tr>)}</tbody>
              </table>
            </div>
            <h2>{t('offer.report.feedback')}</h2>
            {r.byCompany.every((c) => c.feedback.length === 0) ? <p className="muted">{t('offer.report.noFeedback')}</p> : (
              <ul className="plain-list">{r.byCompany.flatMap((c) => c.feedback.map((f, i) => <li key={`${c.hostInstitutionId}-${i}`}><strong>{c.hostName}</strong>: {f}</li>))}</ul>
            )}
            <LastingEffectBlock effect={r.totals.lastingEffect} prefix="offer.report.effect" level={2} />
          </>
        )}
      </QueryView>
    </>
  );
}
