import { useEffect, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { api, ApiError } from '../../../api/client.ts';
import { useNetwork } from '../../../app/session.tsx';
import { PageHeading } from '../../../components/page-heading.tsx';
import { ConfirmDialog } from '../../../components/dialog.tsx';
import { boardSchema, sessionDetailSchema, type SessionDetail } from '../../../../../src/domain/cocreation/session/schema.ts';
import { useLiveBoard } from './live-board.ts';
import { StepClock } from './step-clock.tsx';
import { StatementCounts } from './statement-counts.tsx';
import { PracticeExampleLink } from '../../../components/practice-example-link.tsx';
import { PracticeEvaluationSummary } from '../../../components/practice-evaluation-card.tsx';

/** The facilitator's controls: code and QR, subgroups, moving everyone from step to step, decisions, agreements, ending. */
export function SessionControlPage() {
  const { t } = useTranslation();
  const { networkId, caps } = useNetwork();
  const { id = '' } = useParams();
  const [detail, setDetail] = useState<SessionDetail | null>(null);
  const [message, setMessage] = useState('');
  const { board, setBoard, offsetMs } = useLiveBoard(id);
  const [groupCount, setGroupCount] = useState(4);
  const [amend, setAmend] = useState<Record<string, string>>({});
  const [agreement, setAgreement] = useState({ title: '', ownerName: '', ownerEmail: '', dueDate: '' });
  const [ending, setEnding] = useState(false);
  const [busy, setBusy] = useState(false);
  const sessionUrl = `/networks/${networkId}/cocreation-sessions/${id}`;
  const reload = () => api.get(sessionUrl, sessionDetailSchema).then(setDetail, () => undefined);
  useEffect(() => { void reload(); }, [id, networkId]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => { if (board && detail && board.participantCount !== detail.participantCount) void reload(); }, [board?.participantCount]); // eslint-disable-line react-hooks/exhaustive-deps
  const errorText = (e: unknown) => (e instanceof ApiError ? [e.message, ...e.fields.map((f) => f.message)].filter(Boolean).join(' ') : t('cocreation.error'));
  const act = async (run: () => Promise<unknown>): Promise<boolean> => {
    setMessage('');
    setBusy(true);
    try {
      await run();
      await reload();
      return true;
    } catch (e) {
      setMessage(errorText(e));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const step = (to: number) => act(async () => setBoard(await api.post(`${sessionUrl}/step`, { step: to }, boardSchema)));
  const end = () => act(async () => {
    const r = await api.post(`${sessionUrl}/end`, {}, z.object({ board: boardSchema, profileVersionId: z.uuid() }));
    setBoard(r.board);
  }).then(() => setEnding(false));
  if (!detail || !board) return <p role="status">{t('cocreation.loading')}</p>;
  const label = (key: string) => board.framework.find((d) => d.key === key)?.label ?? key;
  return (
    <>
      <PageHeading title={detail.title}>
        <Link className="button-link button-secondary" to={`/cocreatie/${id}/scherm`} target="_blank" rel="noopener">
          {t('cocreation.control.projector')}<span className="sr-only"> {t('cocreation.control.newWindow')}</span>
        </Link>
      </PageHeading>
      <p className="lead">{detail.profileName}</p>
      <StepClock board={board} offsetMs={offsetMs} />
      {message && <p className="status status-error" role="alert">{message}</p>}
      {board.step < 6 && (
        <div className="button-row" role="group" aria-label={t('cocreation.control.steps')}>
          {board.step > 0 && <button type="button" className="button-secondary" disabled={busy} onClick={() => step(board.step - 1)}>{t('cocreation.control.previous')}</button>}
          {board.step < 5 && <button type="button" disabled={busy} onClick={() => step(board.step + 1)}>{t('cocreation.control.next', { step: t(`cocreation.step.${board.step + 1}`) })}</button>}
          {board.step === 5 && <button type="button" disabled={busy} onClick={() => setEnding(true)}>{t('cocreation.control.end')}</button>}
        </div>
      )}
      {board.step === 6 && detail.profileVersionId && (
        <p className="status status-success">{t('cocreation.control.ended')} <Link to={`/beroepsbeeld/${detail.profileVersionId}`}>{t('cocreation.control.toProfile')}</Link></p>
      )}
      {board.step === 6 && caps.manageNetwork ? <PracticeExampleLink source="cocreation_session" id={id} /> : null}
      {board.step === 6 && caps.manageNetwork ? <PracticeEvaluationSummary source="cocreation_session" id={id} /> : null}
      <ConfirmDialog
        open={ending}
        title={t('cocreation.control.endTitle')}
        message={t('cocreation.control.endText', { count: board.proposals.filter((p) => !p.decision).length })}
        confirmLabel={t('cocreation.control.endConfirm')}
        busy={busy}
        error={message ? <p className="field-error" role="alert">{message}</p> : null}
        onConfirm={() => void end()}
        onClose={() => setEnding(false)}
      />

      <div className="card cc-qr-card">
        <img src={`/api${sessionUrl}/qr.svg`} alt={t('cocreation.control.qrAlt', { code: detail.code })} width={140} height={140} />
        <div>
          <p>{t('cocreation.control.code')} <strong className="cc-code" data-testid="join-code">{detail.code}</strong></p>
          <p className="break">{detail.joinUrl}</p>
          <p>{t('cocreation.participants', { count: detail.participantCount })}</p>
        </div>
      </div>

      {(board.step === 1 || board.step === 2) && (
        <section className="section" aria-labelledby="cc-statements">
          <h2 id="cc-statements">{t('cocreation.participant.statements')}</h2>
          {board.statements.length === 0 ? <p className="empty-state">{t('cocreation.control.noStatements')}</p> : (
            <ul className="plain-list">
              {board.statements.map((s) => (
                <li key={s.id} className="card">
                  <article aria-label={s.text.slice(0, 60)}>
                    <p className="cc-statement-text break">{s.text}</p>
                    <p className="muted">{label(s.domainKey)}</p>
                    <StatementCounts statement={s} />
                  </article>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      <section className="section" aria-labelledby="cc-groups">
        <h2 id="cc-groups">{t('cocreation.control.subgroups')}</h2>
        {board.step < 3 && (
          <form className="cc-group-form" onSubmit={(e) => { e.preventDefault(); void act(() => api.put(`${sessionUrl}/subgroups`, { count: groupCount }, sessionDetailSchema)); }}>
            <div className="field">
              <label htmlFor="cc-count">{t('cocreation.control.groupCount')}</label>
              <input id="cc-count" type="number" min={1} max={12} value={groupCount} onChange={(e) => setGroupCount(Number(e.target.value))} />
            </div>
            <button type="submit" className="button-secondary" disabled={busy}>{t('cocreation.control.makeGroups')}</button>
          </form>
        )}
        {board.subgroups.length === 0 ? <p className="muted">{t('cocreation.control.noGroups')}</p> : (
          <ul>{board.subgroups.map((g) => <li key={g.id}>{t('cocreation.group', { name: g.name })}: {g.members.join(', ') || '—'}</li>)}</ul>
        )}
      </section>

      {board.step === 3 && (
        <section className="section" aria-labelledby="cc-writing">
          <h2 id="cc-writing">{t('cocreation.control.writing')}</h2>
          {board.proposals.map((p) => (
            <article key={p.id} className="card" aria-label={label(p.domainKey)}>
              <h3>{label(p.domainKey)}{p.subgroupName && ` · ${t('cocreation.group', { name: p.subgroupName })}`}</h3>
              {p.text ? <p className="cc-proposal-text break">{p.text}</p> : <p className="muted">{t('cocreation.projector.writing')}</p>}
            </article>
          ))}
        </section>
      )}

      {board.step === 4 && (
        <section className="section" aria-labelledby="cc-decide">
          <h2 id="cc-decide">{t('cocreation.control.decide')}</h2>
          {board.proposals.map((p) => (
            <article key={p.id} className={`card${board.currentProposalId === p.id ? ' cc-card-current' : ''}`} aria-labelledby={`cc-p-${p.id}`}>
              <h3 id={`cc-p-${p.id}`}>{label(p.domainKey)}{p.subgroupName && ` · ${t('cocreation.group', { name: p.subgroupName })}`}</h3>
              <p className="cc-proposal-text break">{p.text || '—'}</p>
              <p className="cc-counts">{t('cocreation.dots', { count: p.dots })} · {t('cocreation.consents', { count: p.consents })} · {t('cocreation.objections', { count: p.objections.length })}</p>
              {p.objections.length > 0 && (
                <>
                  <h4>{t('cocreation.control.objections')}</h4>
                  <ul>{p.objections.map((o, i) => <li key={i} className="break">{o}</li>)}</ul>
                </>
              )}
              <div className="button-row">
                <button type="button" className="button-secondary" disabled={busy} onClick={() => act(() => api.post(`${sessionUrl}/present`, { proposalId: board.currentProposalId === p.id ? null : p.id }, boardSchema))} aria-pressed={board.currentProposalId === p.id}>{t('cocreation.control.present')}</button>
              </div>
              {p.decision ? <p><strong>{t(`cocreation.decision.${p.decision}`)}</strong>{p.decidedText && p.decision === 'amended' ? `: ${p.decidedText}` : ''}</p> : (
                <>
                  <div className="field">
                    <label htmlFor={`amend-${p.id}`}>{t('cocreation.control.amendedText')}</label>
                    <textarea id={`amend-${p.id}`} value={amend[p.id] ?? p.text} onChange={(e) => setAmend({ ...amend, [p.id]: e.target.value })} rows={3} maxLength={5000} />
                  </div>
                  <div className="button-row" role="group" aria-label={t('cocreation.control.decision')}>
                    <button type="button" disabled={busy} onClick={() => act(() => api.post(`${sessionUrl}/proposals/${p.id}/decision`, { outcome: 'accepted' }, boardSchema))}>{t('cocreation.decision.accepted')}</button>
                    <button type="button" className="button-secondary" disabled={busy} onClick={() => act(() => api.post(`${sessionUrl}/proposals/${p.id}/decision`, { outcome: 'amended', text: amend[p.id] ?? p.text }, boardSchema))}>{t('cocreation.decision.amended')}</button>
                    <button type="button" className="button-danger-outline" disabled={busy} onClick={() => act(() => api.post(`${sessionUrl}/proposals/${p.id}/decision`, { outcome: 'rejected' }, boardSchema))}>{t('cocreation.decision.rejected')}</button>
                  </div>
                </>
              )}
            </article>
          ))}
        </section>
      )}

      {board.step === 5 && (
        <section className="section" aria-labelledby="cc-agree">
          <h2 id="cc-agree">{t('cocreation.control.newAgreement')}</h2>
          <p className="muted">{t('cocreation.control.agreementHint')}</p>
          <form className="form card" onSubmit={(e: FormEvent) => {
            e.preventDefault();
            void act(async () => {
              await api.post(`${sessionUrl}/agreements`, { title: agreement.title, ownerName: agreement.ownerName, ...(agreement.ownerEmail ? { ownerEmail: agreement.ownerEmail } : {}), dueDate: agreement.dueDate }, boardSchema);
              setAgreement({ title: '', ownerName: '', ownerEmail: '', dueDate: '' });
            });
          }}>
            <div className="field"><label htmlFor="ag-title">{t('cocreation.agreement.title')}</label><input id="ag-title" required maxLength={300} value={agreement.title} onChange={(e) => setAgreement({ ...agreement, title: e.target.value })} /></div>
            <div className="field"><label htmlFor="ag-owner">{t('cocreation.agreement.owner')}</label><input id="ag-owner" required maxLength={120} value={agreement.ownerName} onChange={(e) => setAgreement({ ...agreement, ownerName: e.target.value })} /></div>
            <div className="field"><label htmlFor="ag-email">{t('cocreation.agreement.email')}</label><input id="ag-email" type="email" value={agreement.ownerEmail} onChange={(e) => setAgreement({ ...agreement, ownerEmail: e.target.value })} /></div>
            <div className="field"><label htmlFor="ag-due">{t('cocreation.agreement.due')}</label><input id="ag-due" type="date" required value={agreement.dueDate} onChange={(e) => setAgreement({ ...agreement, dueDate: e.target.value })} /></div>
            <div className="button-row"><button type="submit" disabled={busy}>{t('cocreation.agreement.add')}</button></div>
          </form>
        </section>
      )}
      {board.step >= 5 && (
        <section className="section" aria-labelledby="cc-agreements">
          <h2 id="cc-agreements">{t('cocreation.agreements')}</h2>
          {board.agreements.length === 0 ? <p className="muted">{t('cocreation.noAgreements')}</p> : (
            <ul>
              {board.agreements.map((a) => (
                <li key={a.id} className="break">
                  {a.title} — {a.ownerName}, {a.dueDate}
                  {board.step === 5 && (
                    <button type="button" className="button-ghost button-small" disabled={busy} onClick={() => act(() => api.delete(`${sessionUrl}/agreements/${a.id}`, boardSchema))} aria-label={t('cocreation.control.removeAgreement', { title: a.title })}>
                      {t('common.delete')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </>
  );
}
