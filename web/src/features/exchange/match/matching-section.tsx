import { editionIsMatchable } from '../../../../../src/domain/exchange/edition/rules.ts';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { useNetwork } from '../../../app/session.tsx';
import { ConfirmDialog } from '../../../components/dialog.tsx';
import { SelectField } from '../../../components/field.tsx';
import { EmptyState, ErrorMessage, Loading, SuccessMessage } from '../../../components/status.tsx';
import { formatDateTime } from '../../../components/format.ts';
import { ProposalView } from './proposal-view.tsx';
import { ek, usePairRules, useRegistrations, useRun, useRuns } from '../queries.ts';
import type { Edition, Run, RunCompare } from '../types.ts';
import { runCompareSchema, runSchema } from '../../../../../src/domain/exchange/match/schema.ts';
import { DataTable } from '../../../components/data-table.tsx';
import { RowButton } from '../../../components/row-actions.tsx';


function RunProgress({ run }: { run: Run }) {
  const { t } = useTranslation();
  const label = t('exchange.run.progressLabel', { number: run.number });
  return (
    <div className="progress-wrap">
      <label htmlFor={`progress-${run.id}`}>{label}</label>
      <progress id={`progress-${run.id}`} max={100} value={run.progress} aria-valuetext={t('exchange.run.progressText', { progress: run.progress, phase: t(`exchange.phase.${run.phase}`, { defaultValue: run.phase }) })}>
        {run.progress}%
      </progress>
      <p role="status" aria-live="polite">
        {t('exchange.run.progressText', { progress: run.progress, phase: t(`exchange.phase.${run.phase}`, { defaultValue: run.phase }) })}
      </p>
    </div>
  );
}

function RunSummary({ run }: { run: Run }) {
  const { t } = useTranslation();
  const s = run.summary;
  if (!s) return null;
  const gap = s.dualBound !== 0 ? Math.abs((s.objective - s.dualBound) / s.dualBound) * 100 : 0;
  return (
    <>
      <ul className="stat-list">
        <li className="stat"><span className="stat-value">{s.matchedPercent}%</span>{t('exchange.run.matched', { pairs: t('exchange.count.pairs', { count: s.pairs }), registered: t('exchange.count.registrations', { count: s.registered }) })}</li>
        <li className="stat"><span className="stat-value">{s.visits}</span>{t('exchange.run.visits')}</li>
        <li className="stat">
          <span className="stat-value">{s.objective.toFixed(1)}</span>
          {t('exchange.run.objective', { bound: s.dualBound.toFixed(1) })}{' '}
          {s.optimal ? <span className="badge badge-optimal">{t('exchange.run.optimal')}</span> : <span className="badge badge-warning">{t('exchange.run.gap', { gap: gap.toFixed(1) })}</span>}
        </li>
        <li className="stat"><span className="stat-value">{s.violations}</span>{t('exchange.run.violations')}</li>
      </ul>
      {s.violations > 0 ? <p className="status status-error" role="alert">{t('exchange.run.violationsWarning', { count: s.violations })}</p> : null}
      {Object.keys(s.unmatchedByReason).length > 0 ? (
        <p>{t('exchange.run.unmatchedBy')}{' '}
          {Object.entries(s.unmatchedByReason).map(([code, n]) => `${t(`exchange.unmatched.${code}`, { defaultValue: code })} (${n})`).join('; ')}
        </p>
      ) : null}
      <WhatIfs whatIfs={s.whatIfs ?? []} />
    </>
  );
}

/** What a relaxed re-run would give each group of unmatched people: advice, never applied by itself. */
function WhatIfs({ whatIfs }: { whatIfs: NonNullable<NonNullable<Run['summary']>['whatIfs']> }) {
  const { t } = useTranslation();
  if (whatIfs.length === 0) return null;
  return (
    <section aria-labelledby="what-if-title" className="what-if" data-testid="what-if">
      <h4 id="what-if-title">{t('exchange.whatIf.title')}</h4>
      <p className="field-hint">{t('exchange.whatIf.intro')}</p>
      <ul className="plain-list">
        {whatIfs.map((w) => (
          <li key={`${w.reason}-${w.change}`}>
            {t(`exchange.whatIf.${w.change}`, { count: w.people })}:{' '}
            <strong>{w.morePairs > 0 ? t('exchange.whatIf.more', { count: w.morePairs }) : t('exchange.whatIf.none')}</strong>
            {w.morePairs > 0 ? <> ({t('exchange.whatIf.groupMatched', { count: w.groupMatched })})</> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function RunView({ edition, runId }: { edition: Edition; runId: string }) {
  const { t } = useTranslation();
  const { networkId } = useNetwork();
  const queryClient = useQueryClient();
  const run = useRun(edition.id, runId);
  const [publishing, setPublishing] = useState(false);
  const publish = useMutation({
    mutationFn: () => api.post(`/networks/${networkId}/editions/${edition.id}/runs/${runId}/publish`),
    onSuccess: () => {
      setPublishing(false);
      void queryClient.invalidateQueries({ queryKey: ek(networkId) });
    },
  });
  const status = run.data?.status;
  useEffect(() => {
    if (status === 'done' || status === 'failed') void queryClient.invalidateQueries({ queryKey: ek(networkId, 'runs', edition.id), exact: true });
  }, [status, queryClient, networkId, edition.id]);
  if (run.isPending) return <Loading />;
  if (run.error) return <ErrorMessage error={run.error} />;
  const r = run.data;
  const editable = edition.status === 'matching' || edition.status === 'registration_open';
  return (
    <section aria-labelledby="run-title" className="section">
      <div className="section-heading">
        <h3 id="run-title">{t('exchange.run.title', { number: r.number })}</h3>
        {r.status === 'done' ? (
          <a href={`/api/networks/${networkId}/editions/${edition.id}/runs/${r.id}/input`} download={`matching-run-${r.number}.json`}>{t('exchange.run.downloadInput')}</a>
        ) : null}
      </div>
      {r.status === 'queued' || r.status === 'running' ? <RunProgress run={r} /> : null}
      {r.status === 'failed' ? <p className="status status-error" role="alert">{t('exchange.run.failed', { error: r.error ?? '' })}</p> : null}
      {r.status === 'done' ? (
        <>
          <p role="status" className="status status-success">{t('exchange.run.done')}</p>
          <RunSummary run={r} />
          {r.proposal && r.proposal.visitsInPast > 0 ? <p className="status status-warning" role="alert">{t('exchange.publish.pastWarning', { count: r.proposal.visitsInPast })}</p> : null}
          {edition.status === 'matching' ? (
            <div className="button-row publish-row">
              <button type="button" onClick={() => { publish.reset(); setPublishing(true); }}>{t('exchange.publish.button', { number: r.number })}</button>
            </div>
          ) : edition.status === 'registration_open' ? <p className="field-hint">{t('exchange.publish.needsMatching')}</p> : null}
          {publish.isSuccess ? <SuccessMessage>{t('exchange.publish.done')}</SuccessMessage> : null}
          {r.proposal ? <ProposalView proposal={r.proposal} run={r} editable={editable} /> : null}
        </>
      ) : null}
      <ConfirmDialog
        open={publishing}
        title={t('exchange.publish.title')}
        message={[
          t('exchange.publish.message', { number: r.number, pairs: t('exchange.count.pairs', { count: r.summary?.pairs ?? 0 }), visits: t('exchange.count.visits', { count: r.summary?.visits ?? 0 }) }),
          r.proposal && r.proposal.visitsInPast > 0 ? t('exchange.publish.pastWarning', { count: r.proposal.visitsInPast }) : '',
        ].filter(Boolean).join(' ')}
        confirmLabel={t('exchange.publish.confirm')}
        busy={publish.isPending}
        error={<ErrorMessage error={publish.error} />}
        onConfirm={() => publish.mutate()}
        onClose={() => setPublishing(false)}
      />
    </section>
  );
}

function PairRules({ edition }: { edition: Edition }) {
  const { t } = useTranslation();
  const { networkId } = useNetwork();
  const queryClient = useQueryClient();
  const rules = usePairRules(edition.id);
  const registrations = useRegistrations(edition.id);
  const [form, setForm] = useState({ a: '', b: '', kind: 'pin' });
  const invalidate = () => queryClient.invalidateQueries({ queryKey: ek(networkId, 'pair-rules', edition.id) });
  const add = useMutation({
    mutationFn: () => api.post(`/networks/${networkId}/editions/${edition.id}/pair-rules`, { aPersonId: form.a, bPersonId: form.b, kind: form.kind }),
    onSuccess: () => { void invalidate(); setForm({ a: '', b: '', kind: 'pin' }); },
  });
  const remove = useMutation({ mutationFn: (id: string) => api.delete(`/networks/${networkId}/editions/${edition.id}/pair-rules/${id}`), onSuccess: () => void invalidate() });
  const active = (registrations.data ?? []).filter((r) => !r.withdrawn);
  const editable = editionIsMatchable(edition.status);
  return (
    <section aria-labelledby="rules-title" className="section">
      <h3 id="rules-title">{t('exchange.rules.title')}</h3>
      <p>{t('exchange.rules.intro')}</p>
      {rules.isPending ? <Loading /> : null}
      <ErrorMessage error={rules.error ?? remove.error} />
      {rules.data && rules.data.length === 0 ? <p className="muted">{t('exchange.rules.empty')}</p> : null}
      {rules.data && rules.data.length > 0 ? (
        <ul className="plain-list">
          {rules.data.map((r) => (
            <li key={r.id} className="button-row">
              <span className={`badge ${r.kind === 'pin' ? 'badge-accepted' : 'badge-rejected'}`}>{t(`exchange.rules.${r.kind}`)}</span>
              <span>{r.aName} ↔ {r.bName}</span>
              {editable ? (
                <button type="button" className="button-danger-outline button-small" onClick={() => remove.mutate(r.id)} disabled={remove.isPending}>
                  {t('exchange.rules.remove')}<span className="sr-only"> {r.aName} ↔ {r.bName}</span>
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {editable && active.length > 0 ? (
        <form className="filters" onSubmit={(e) => { e.preventDefault(); if (form.a && form.b) add.mutate(); }}>
          <SelectField label={edition.sideALabel} value={form.a} onChange={(e) => setForm({ ...form, a: e.target.value })}>
            <option value="">{t('exchange.rules.choose')}</option>
            {active.filter((r) => r.side === 'a').map((r) => <option key={r.personId} value={r.personId}>{r.personName} ({r.institutionName})</option>)}
          </SelectField>
          <SelectField label={edition.sideBLabel} value={form.b} onChange={(e) => setForm({ ...form, b: e.target.value })}>
            <option value="">{t('exchange.rules.choose')}</option>
            {active.filter((r) => r.side === 'b').map((r) => <option key={r.personId} value={r.personId}>{r.personName} ({r.institutionName})</option>)}
          </SelectField>
          <SelectField label={t('exchange.rules.kind')} value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value })}>
            <option value="pin">{t('exchange.rules.pin')}</option>
            <option value="forbid">{t('exchange.rules.forbid')}</option>
          </SelectField>
          <div className="button-row">
            <button type="submit" disabled={!form.a || !form.b || add.isPending}>{t('exchange.rules.add')}</button>
          </div>
          <ErrorMessage error={add.error} />
        </form>
      ) : null}
    </section>
  );
}

function CompareRuns({ edition, runs }: { edition: Edition; runs: Run[] }) {
  const { t } = useTranslation();
  const { networkId } = useNetwork();
  const done = runs.filter((r) => r.status === 'done');
  // Until chosen: the newest run against the one before it.
  const [chosenA, setA] = useState('');
  const [chosenB, setB] = useState('');
  const a = chosenA || done[1]?.id || '';
  const b = chosenB || done[0]?.id || '';
  const [asked, setAsked] = useState<{ a: string; b: string } | null>(null);
  const compare = useQuery({
    queryKey: ek(networkId, 'compare', edition.id, asked?.a, asked?.b),
    queryFn: () => api.get(`/networks/${networkId}/editions/${edition.id}/runs/compare?a=${asked!.a}&b=${asked!.b}`, runCompareSchema),
    enabled: Boolean(asked),
  });
  if (done.length < 2) return null;
  const list = (title: string, items: RunCompare['kept']) => (
    <div>
      <h4>{title} ({items.length})</h4>
      {items.length === 0 ? <p className="muted">{t('exchange.compare.none')}</p> : <ul>{items.map((i) => <li key={`${i.aId}-${i.bId}`}>{i.names}</li>)}</ul>}
    </div>
  );
  return (
    <section aria-labelledby="compare-title" className="section">
      <h3 id="compare-title">{t('exchange.compare.title')}</h3>
      <form className="filters" onSubmit={(e) => { e.preventDefault(); if (a && b) setAsked({ a, b }); }}>
        <SelectField label={t('exchange.compare.a')} value={a} onChange={(e) => setA(e.target.value)}>
          {done.map((r) => <option key={r.id} value={r.id}>{t('exchange.run.title', { number: r.number })}</option>)}
        </SelectField>
        <SelectField label={t('exchange.compare.b')} value={b} onChange={(e) => setB(e.target.value)}>
          {done.map((r) => <option key={r.id} value={r.id}>{t('exchange.run.title', { number: r.number })}</option>)}
        </SelectField>
        <div className="button-row"><button type="submit" disabled={!a || !b || a === b}>{t('exchange.compare.submit')}</button></div>
      </form>
      {compare.isFetching ? <Loading /> : null}
      <ErrorMessage error={compare.error} />
      {compare.data ? (
        <div className="pair-people">
          {list(t('exchange.compare.kept'), compare.data.kept)}
          {list(t('exchange.compare.onlyA', { number: compare.data.a.number }), compare.data.onlyInA)}
          {list(t('exchange.compare.onlyB', { number: compare.data.b.number }), compare.data.onlyInB)}
        </div>
      ) : null}
    </section>
  );
}

/** Matching: start a run, watch it, read the proposal, pin or forbid pairs, compare, publish. */
export function MatchingSection({ edition }: { edition: Edition }) {
  const { t, i18n } = useTranslation();
  const { networkId } = useNetwork();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const runs = useRuns(edition.id);
  const selected = params.get('run') ?? runs.data?.[0]?.id ?? null;
  const select = (id: string) => {
    const next = new URLSearchParams(params);
    next.set('run', id);
    setParams(next, { replace: true });
  };
  const start = useMutation({
    mutationFn: () => api.post(`/networks/${networkId}/editions/${edition.id}/runs`, {}, runSchema),
    onSuccess: (run) => {
      queryClient.setQueryData(ek(networkId, 'runs', edition.id, run.id), run);
      void queryClient.invalidateQueries({ queryKey: ek(networkId, 'runs', edition.id), exact: true });
      select(run.id);
    },
  });
  const canRun = editionIsMatchable(edition.status);
  const sorted = [...(runs.data ?? [])].sort((x, y) => y.number - x.number);
  return (
    <section aria-labelledby="matching-title" className="section">
      <div className="section-heading">
        <h2 id="matching-title">{t('exchange.tabs.matching')}</h2>
        {canRun ? <button type="button" onClick={() => start.mutate()} disabled={start.isPending}>{start.isPending ? t('common.busy') : t('exchange.run.start')}</button> : null}
      </div>
      <p>{canRun ? t('exchange.run.intro') : t('exchange.run.notNow', { status: t(`exchange.status.${edition.status}`) })}</p>
      <ErrorMessage error={start.error} />
      {runs.isPending ? <Loading /> : null}
      <ErrorMessage error={runs.error} />
      {runs.data && runs.data.length === 0 ? (
        <EmptyState title={t('exchange.run.empty')}><p>{t('exchange.run.emptyHelp')}</p></EmptyState>
      ) : null}
      {sorted.length > 0 ? (
        <DataTable caption={t('exchange.run.listCaption')} columns={[t('exchange.run.number'), t('exchange.list.status'), t('exchange.run.started'), { label: t('exchange.run.matchedCol'), className: 'num' }, t('common.actions')]}>
          {sorted.map((r) => (
            <tr key={r.id} aria-current={r.id === selected ? 'true' : undefined}>
              <th scope="row">{t('exchange.run.title', { number: r.number })}</th>
              <td><span className={`badge badge-${r.status}`}>{t(`exchange.runStatus.${r.status}`)}</span>{r.summary?.optimal ? <> <span className="badge badge-optimal">{t('exchange.run.optimal')}</span></> : null}</td>
              <td>{formatDateTime(r.createdAt, i18n.language)}</td>
              <td className="num">{r.summary ? `${r.summary.matchedPercent}%` : '—'}</td>
              <td className="actions">
                <RowButton label={t('exchange.run.show')} name={t('exchange.run.title', { number: r.number })} onClick={() => select(r.id)} pressed={r.id === selected} />
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      {selected ? <RunView key={selected} edition={edition} runId={selected} /> : null}
      <PairRules edition={edition} />
      <CompareRuns edition={edition} runs={sorted} />
    </section>
  );
}
