import { useEffect, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { api, ApiError } from '../../../api/client.ts';
import { useNetwork } from '../../../app/session.tsx';
import { PageHeading } from '../../../components/page-heading.tsx';
import { boardSchema, sessionDetailSchema, type SessionDetail } from '../../../../../src/domain/cocreation/session/schema.ts';
import { useLiveBoard } from './live-board.ts';
import { StepClock } from './step-clock.tsx';

/** The facilitator's controls: code and QR, subgroups, moving everyone from step to step, decisions, agreements, ending. */
export function SessionControlPage() {
  const { t } = useTranslation();
  const { networkId } = useNetwork();
  const { id = '' } = useParams();
  const [detail, setDetail] = useState<SessionDetail | null>(null);
  const [message, setMessage] = useState('');
  const { board, setBoard, offsetMs } = useLiveBoard(id);
  const [groupCount, setGroupCount] = useState(4);
  const [amend, setAmend] = useState<Record<string, string>>({});
  const [agreement, setAgreement] = useState({ title: '', ownerName: '', ownerEmail: '', dueDate: '' });
  const sessionUrl = `/networks/${networkId}/cocreation-sessions/${id}`;
  const reload = () => api.get(sessionUrl, sessionDetailSchema).then(setDetail, () => undefined);
  useEffect(() => { void reload(); }, [id, networkId]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => { if (board && detail && board.participantCount !== detail.participantCount) void reload(); }, [board?.participantCount]); // eslint-disable-line react-hooks/exhaustive-deps
  const act = async (run: () => Promise<unknown>) => {
    setMessage('');
    try {
      await run();
      await reload();
    } catch (e) {
      setMessage(e instanceof ApiError ? [e.message, ...e.fields.map((f) => f.message)].filter(Boolean).join(' ') : t('cocreation.error'));
    }
  };
  const step = (to: number) => act(async () => setBoard(await api.post(`${sessionUrl}/step`, { step: to }, boardSchema)));
  if (!detail || !board) return <p>{t('cocreation.loading')}</p>;
  const label = (key: string) => board.framework.find((d) => d.key === key)?.label ?? key;
  return (
    <>
      <PageHeading title={detail.title}>
        <Link className="button button-secondary" to={`/cocreatie/${id}/scherm`}>{t('cocreation.control.projector')}</Link>
      </PageHeading>
      <p className="lead">{detail.profileName}</p>
      <StepClock board={board} offsetMs={offsetMs} />
      {message && <p className="field-error" role="alert">{message}</p>}
      <div className="card" style={{ display: 'flex', flexWrap: 'wrap', gap: '1rem', alignItems: 'center' }}>
        <img src={`/api${sessionUrl}/qr.svg`} alt={t('cocreation.control.qrAlt', { code: detail.code })} width={140} height={140} />
        <div>
          <p>{t('cocreation.control.code')} <strong style={{ fontSize: '1.6rem', letterSpacing: '0.15em' }} data-testid="join-code">{detail.code}</strong></p>
          <p className="break">{detail.joinUrl}</p>
          <p>{t('cocreation.participants', { count: detail.participantCount })}</p>
        </div>
      </div>
      {board.step < 6 && (
        <div className="button-row" role="group" aria-label={t('cocreation.control.steps')}>
          {board.step > 0 && <button type="button" className="button button-secondary" onClick={() => step(board.step - 1)}>{t('cocreation.control.previous')}</button>}
          {board.step < 5 && <button type="button" className="button" onClick={() => step(board.step + 1)}>{t('cocreation.control.next', { step: t(`cocreation.step.${board.step + 1}`) })}</button>}
          {board.step === 5 && <button type="button" className="button" onClick={() => act(async () => { const r = await api.post(`${sessionUrl}/end`, {}, z.object({ board: boardSchema, profileVersionId: z.uuid() })); setBoard(r.board); })}>{t('cocreation.control.end')}</button>}
        </div>
      )}
      {board.step === 6 && detail.profileVersionId && <p><Link to={`/beroepsbeeld/${detail.profileVersionId}`}>{t('cocreation.control.toProfile')}</Link></p>}

      <section className="section" aria-labelledby="cc-groups">
        <h2 id="cc-groups">{t('cocreation.control.subgroups')}</h2>
        {board.step < 3 && (
          <form className="button-row" onSubmit={(e) => { e.preventDefault(); void act(() => api.put(`${sessionUrl}/subgroups`, { count: groupCount }, sessionDetailSchema)); }}>
            <label htmlFor="cc-count">{t('cocreation.control.groupCount')}</label>
            <input id="cc-count" type="number" min={1} max={12} value={groupCount} onChange={(e) => setGroupCount(Number(e.target.value))} style={{ width: '5rem' }} />
            <button type="submit" className="button button-secondary">{t('cocreation.control.makeGroups')}</button>
          </form>
        )}
        <ul>{board.subgroups.map((g) => <li key={g.id}>{t('cocreation.group', { name: g.name })}: {g.members.join(', ') || '—'}</li>)}</ul>
      </section>

      {board.step === 4 && (
        <section className="section" aria-labelledby="cc-decide">
          <h2 id="cc-decide">{t('cocreation.control.decide')}</h2>
          {board.proposals.map((p) => (
            <div key={p.id} className="card">
              <h3>{label(p.domainKey)} {p.subgroupName && `· ${t('cocreation.group', { name: p.subgroupName })}`}</h3>
              <p className="break">{p.text || '—'}</p>
              <p>{t('cocreation.dots', { count: p.dots })} · {t('cocreation.consents', { count: p.consents })} · {t('cocreation.objections', { count: p.objections.length })}</p>
              {p.objections.length > 0 && <ul>{p.objections.map((o, i) => <li key={i} className="break">{o}</li>)}</ul>}
              {p.decision ? <p><strong>{t(`cocreation.decision.${p.decision}`)}</strong>{p.decidedText && p.decision === 'amended' ? `: ${p.decidedText}` : ''}</p> : (
                <>
                  <div className="field">
                    <label htmlFor={`amend-${p.id}`}>{t('cocreation.control.amendedText')}</label>
                    <textarea id={`amend-${p.id}`} value={amend[p.id] ?? p.text} onChange={(e) => setAmend({ ...amend, [p.id]: e.target.value })} rows={3} maxLength={5000} />
                  </div>
                  <div className="button-row">
                    <button type="button" className="button button-secondary" onClick={() => act(() => api.post(`${sessionUrl}/present`, { proposalId: p.id }, boardSchema))} aria-pressed={board.currentProposalId === p.id}>{t('cocreation.control.present')}</button>
                    <button type="button" className="button" onClick={() => act(() => api.post(`${sessionUrl}/proposals/${p.id}/decision`, { outcome: 'accepted' }, boardSchema))}>{t('cocreation.decision.accepted')}</button>
                    <button type="button" className="button button-secondary" onClick={() => act(() => api.post(`${sessionUrl}/proposals/${p.id}/decision`, { outcome: 'amended', text: amend[p.id] ?? p.text }, boardSchema))}>{t('cocreation.decision.amended')}</button>
                    <button type="button" className="button button-danger-outline" onClick={() => act(() => api.post(`${sessionUrl}/proposals/${p.id}/decision`, { outcome: 'rejected' }, boardSchema))}>{t('cocreation.decision.rejected')}</button>
                  </div>
                </>
              )}
            </div>
          ))}
        </section>
      )}

      {board.step === 5 && (
        <section className="section" aria-labelledby="cc-agree">
          <h2 id="cc-agree">{t('cocreation.agreements')}</h2>
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
            <div className="button-row"><button type="submit" className="button">{t('cocreation.agreement.add')}</button></div>
          </form>
        </section>
      )}
      {board.agreements.length > 0 && (
        <ul aria-label={t('cocreation.agreements')}>{board.agreements.map((a) => <li key={a.id} className="break">{a.title} — {a.ownerName}, {a.dueDate}</li>)}</ul>
      )}
    </>
  );
}
