import { useParams, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../../api/client.ts';
import { useNetwork } from '../../../app/session.tsx';
import { PageHeading } from '../../../components/page-heading.tsx';
import { ErrorMessage, QueryView } from '../../../components/status.tsx';
import { formatDateTime } from '../../../components/format.ts';
import { leerlabSessionSchema, type Plan, type PlanOption } from '../../../../../src/domain/leerlab/session/schema.ts';
import { leerlabPath, lk, useLeerlab, usePlan } from '../queries.ts';
import { LeerlabNav } from '../leerlab/leerlab-nav.tsx';
import { RulesForm } from './rules-form.tsx';

function OptionCard({ option, rank, leerlabId, chosen }: { option: PlanOption; rank: number; leerlabId: string; chosen: boolean }) {
  const { t, i18n } = useTranslation();
  const { networkId } = useNetwork();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const choose = useMutation({
    mutationFn: () => api.post(leerlabPath(networkId, leerlabId, '/plan'), { direction: option.direction, weekday: option.weekday, start: option.start }, z.array(leerlabSessionSchema)),
    onSuccess: () => { void queryClient.invalidateQueries({ queryKey: lk(networkId, leerlabId) }); void navigate(`/leerlabs/${leerlabId}/sessies`); },
  });
  const title = t('leerlab.plan.optionTitle', { rank, day: t(`leerlab.weekday.${option.weekday}`), start: option.start, end: option.end });
  return (
    <li className="card">
      <h3>{title}</h3>
      <p><strong>{t('leerlab.plan.score', { score: option.score })}</strong>{chosen ? <> <span className="badge badge-planned">{t('leerlab.plan.current')}</span></> : null}</p>
      <ul className="plain-list">
        <li>{t('leerlab.plan.sessions', { count: option.sessions.length })}</li>
        {option.sessions[0] ? <li>{t('leerlab.plan.first', { when: formatDateTime(option.sessions[0].start, i18n.language), leave: formatDateTime(option.sessions[0].leaveAt, i18n.language) })}</li> : null}
        <li>{t('leerlab.plan.penalties', { late: option.penalties.late, edge: option.penalties.edge, skipped: option.penalties.skipped })}</li>
      </ul>
      {option.skipped.length ? (
        <details>
          <summary>{t('leerlab.plan.skipped', { count: option.skipped.length })}</summary>
          <ul>{option.skipped.map((s) => <li key={s.date}>{s.date}: {s.message}</li>)}</ul>
        </details>
      ) : null}
      <ErrorMessage error={choose.error} />
      <button type="button" onClick={() => choose.mutate()} disabled={choose.isPending} aria-label={t('leerlab.plan.chooseNamed', { option: title })}>{t('leerlab.plan.choose')}</button>
    </li>
  );
}

function Direction({ d, leerlabId, current }: { d: Plan['directions'][number]; leerlabId: string; current: { weekday: number; start: string } | undefined }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={`ll-dir-${d.direction}`} className="section">
      <h2 id={`ll-dir-${d.direction}`}>{t(`leerlab.direction.${d.direction}`)}</h2>
      {d.emptyMessage ? <p className="status status-warning" role="status">{d.emptyMessage}</p> : (
        <>
          <p className="muted">{t('leerlab.plan.feasible', { count: d.feasible })}</p>
          <ol className="pair-people plain-list">
            {d.options.map((o, i) => <OptionCard key={`${o.weekday}-${o.start}`} option={o} rank={i + 1} leerlabId={leerlabId} chosen={current?.weekday === o.weekday && current.start === o.start} />)}
          </ol>
        </>
      )}
      <details>
        <summary>{t('leerlab.plan.funnel')}</summary>
        <ul>{d.funnel.map((f) => <li key={f.constraint}>{t(`leerlab.constraint.${f.constraint}`)}: {f.remaining}</li>)}</ul>
        <p>{t('leerlab.plan.rejectedCount', { count: d.rejected.length })}</p>
        <ul>{d.rejected.slice(0, 60).map((r) => <li key={`${r.weekday}-${r.start}`}>{t(`leerlab.weekday.${r.weekday}`)} {r.start}: {r.message}</li>)}</ul>
      </details>
    </section>
  );
}

export function PlanningPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const leerlab = useLeerlab(id);
  const plan = usePlan(id);
  return (
    <>
      <PageHeading title={t('leerlab.plan.title', { name: leerlab.data?.name ?? '' })} />
      <LeerlabNav id={id} coordinator />
      <p className="lead">{t('leerlab.plan.lead')}</p>
      {leerlab.data ? <RulesForm key={JSON.stringify(leerlab.data.rules)} leerlab={leerlab.data} /> : null}
      <QueryView query={plan}>
        {(p) => (
          <>
            <p className="muted">{t('leerlab.plan.travel', { count: p.travelMinutes })}</p>
            {p.directions.map((d) => {
              const pattern = leerlab.data?.patterns.find((x) => x.direction === d.direction);
              return <Direction key={d.direction} d={d} leerlabId={id} current={pattern} />;
            })}
          </>
        )}
      </QueryView>
    </>
  );
}
