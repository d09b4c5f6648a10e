import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../../api/client.ts';
import { participantStateSchema, type ParticipantState } from '../../../../../src/domain/cocreation/participant/schema.ts';
import { statementResultSchema } from '../../../../../src/domain/cocreation/statement/schema.ts';
import { voteResultSchema } from '../../../../../src/domain/cocreation/proposal/schema.ts';
import { markValues, type Mark } from '../../../../../src/domain/cocreation/session/schema.ts';
import { useLiveBoard } from '../session/live-board.ts';
import { StepClock } from '../session/step-clock.tsx';
import { ProposalEditor } from './proposal-editor.tsx';

/** A participant's phone: the current step and what they can do in it; a reload comes back here with nothing lost. */
export function ParticipantPage() {
  const { t } = useTranslation();
  const { sessionId = '' } = useParams();
  const [me, setMe] = useState<ParticipantState | null>(null);
  const [notJoined, setNotJoined] = useState(false);
  const [message, setMessage] = useState('');
  const [domainKey, setDomainKey] = useState('');
  const [text, setText] = useState('');
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const { board, offsetMs } = useLiveBoard(sessionId, !notJoined);
  const loadMe = useCallback(() => api.get(`/cocreation/sessions/${sessionId}/me`, participantStateSchema).then(setMe, (e: unknown) => {
    if (e instanceof ApiError && (e.status === 401 || e.status === 404)) setNotJoined(true);
  }), [sessionId]);
  useEffect(() => { void loadMe(); }, [loadMe]);
  const act = async (run: () => Promise<unknown>) => {
    setMessage('');
    try {
      await run();
      await loadMe();
    } catch (e) {
      setMessage(e instanceof ApiError ? [e.message, ...e.fields.map((f) => f.message)].filter(Boolean).join(' ') : t('cocreation.error'));
    }
  };
  if (notJoined) return <p>{t('cocreation.participant.notJoined')} <Link to="/meedoen">{t('cocreation.join.title')}</Link></p>;
  if (!board || !me) return <p>{t('cocreation.loading')}</p>;
  const live = `/cocreation/sessions/${sessionId}`;
  const label = (key: string) => board.framework.find((d) => d.key === key)?.label ?? key;
  const chosenDomain = domainKey || board.framework[0]?.key || '';
  const post = (event: FormEvent) => {
    event.preventDefault();
    void act(async () => {
      await api.post(`${live}/statements`, { domainKey: chosenDomain, text }, statementResultSchema);
      setText('');
    });
  };
  return (
    <div style={{ maxWidth: '100%', overflowWrap: 'anywhere' }}>
      <h1 style={{ fontSize: '1.5rem', margin: '0 0 0.25rem' }}>{board.title}</h1>
      <p className="muted">{t('cocreation.participant.you', { name: me.displayName })}</p>
      <StepClock board={board} offsetMs={offsetMs} />
      {message && <p className="field-error" role="alert">{message}</p>}
      {board.step === 0 && <p>{t('cocreation.participant.waiting')}</p>}
      {board.step === 6 && <p>{t('cocreation.participant.ended')}</p>}

      {board.step === 1 && (
        <form className="form" onSubmit={post}>
          <div className="field">
            <label htmlFor="st-domain">{t('cocreation.participant.domain')}</label>
            <select id="st-domain" value={chosenDomain} onChange={(e) => setDomainKey(e.target.value)}>
              {board.framework.map((d) => <option key={d.key} value={d.key}>{d.label}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="st-text">{t('cocreation.participant.statement')}</label>
            <textarea id="st-text" value={text} onChange={(e) => setText(e.target.value)} required maxLength={280} rows={3} style={{ width: '100%', boxSizing: 'border-box' }} />
          </div>
          <div className="button-row"><button type="submit" className="button">{t('cocreation.participant.post')}</button></div>
        </form>
      )}

      {(board.step === 1 || board.step === 2) && (
        <section className="section" aria-labelledby="st-list">
          <h2 id="st-list">{t('cocreation.participant.statements')}</h2>
          {board.statements.length === 0 && <p className="muted">{t('cocreation.participant.noStatements')}</p>}
          {board.statements.map((s) => (
            <div key={s.id} className="card">
              <p className="break" style={{ margin: 0 }}>{s.text}</p>
              <p className="muted" style={{ margin: '0.25rem 0' }}>{label(s.domainKey)} · {t(`cocreation.consensus.${s.consensus}`)} ({s.agree}/{s.disagree}/{s.unsure})</p>
              <div className="button-row" role="group" aria-label={t('cocreation.participant.markFor', { text: s.text.slice(0, 40) })}>
                {markValues.map((m: Mark) => (
                  <button key={m} type="button" className={`button button-small ${me.marks[s.id] === m ? '' : 'button-secondary'}`} aria-pressed={me.marks[s.id] === m}
                    onClick={() => act(() => api.put(`${live}/statements/${s.id}/mark`, { mark: me.marks[s.id] === m ? null : m }, statementResultSchema))}>
                    {t(`cocreation.mark.${m}`)}
                  </button>
                ))}
              </div>
              {board.step === 2 && (
                <fieldset style={{ border: 0, padding: 0, margin: '0.5rem 0 0' }}>
                  <legend>{t('cocreation.participant.attach')}</legend>
                  {board.framework.map((d) => {
                    const on = (me.attachments[s.id] ?? []).includes(d.key);
                    return (
                      <label key={d.key} className="checkbox">
                        <input type="checkbox" checked={on} onChange={() => act(() => api.put(`${live}/statements/${s.id}/domains`, {
                          domainKeys: on ? (me.attachments[s.id] ?? []).filter((k) => k !== d.key) : [...(me.attachments[s.id] ?? []), d.key],
                        }, statementResultSchema))} />
                        {d.label} ({s.attached[d.key] ?? 0})
                      </label>
                    );
                  })}
                </fieldset>
              )}
            </div>
          ))}
          {board.step === 2 && board.framework.map((d) => <details key={d.key}><summary>{d.label}</summary><p>{d.description}</p></details>)}
        </section>
      )}

      {board.step === 3 && (
        <section className="section" aria-labelledby="pr-mine">
          <h2 id="pr-mine">{t('cocreation.participant.writeTogether')}</h2>
          {board.proposals.filter((p) => p.subgroupId === me.subgroupId).map((p) => (
            <ProposalEditor key={p.id} sessionId={sessionId} proposal={p} label={label(p.domainKey)} />
          ))}
        </section>
      )}

      {board.step === 4 && (
        <section className="section" aria-labelledby="pr-vote">
          <h2 id="pr-vote">{t('cocreation.participant.vote', { count: me.dotsLeft })}</h2>
          {board.proposals.map((p) => {
            const mine = me.votes[p.id] ?? 0;
            const consent = me.consents[p.id];
            return (
              <div key={p.id} className="card" style={board.currentProposalId === p.id ? { borderWidth: 3 } : undefined}>
                <h3 style={{ margin: 0 }}>{label(p.domainKey)}</h3>
                <p className="break" style={{ whiteSpace: 'pre-wrap' }}>{p.text || '—'}</p>
                {p.decision ? <p><strong>{t(`cocreation.decision.${p.decision}`)}</strong></p> : (
                  <>
                    <div className="button-row" role="group" aria-label={t('cocreation.participant.dotsFor', { domain: label(p.domainKey) })}>
                      <button type="button" className="button button-small button-secondary" disabled={mine === 0} onClick={() => act(() => api.put(`${live}/proposals/${p.id}/dots`, { dots: mine - 1 }, voteResultSchema))} aria-label={t('cocreation.participant.lessDots')}>−</button>
                      <span aria-live="polite">{t('cocreation.participant.myDots', { count: mine })} · {t('cocreation.dots', { count: p.dots })}</span>
                      <button type="button" className="button button-small" disabled={me.dotsLeft === 0} onClick={() => act(() => api.put(`${live}/proposals/${p.id}/dots`, { dots: mine + 1 }, voteResultSchema))} aria-label={t('cocreation.participant.moreDots')}>+</button>
                    </div>
                    <div className="field">
                      <label htmlFor={`reason-${p.id}`}>{t('cocreation.participant.reason')}</label>
                      <input id={`reason-${p.id}`} maxLength={1000} value={reasons[p.id] ?? ''} onChange={(e) => setReasons({ ...reasons, [p.id]: e.target.value })} />
                    </div>
                    <div className="button-row">
                      <button type="button" className={`button button-small ${consent?.position === 'consent' ? '' : 'button-secondary'}`} aria-pressed={consent?.position === 'consent'}
                        onClick={() => act(() => api.put(`${live}/proposals/${p.id}/consent`, { position: 'consent' }))}>{t('cocreation.participant.consent')}</button>
                      <button type="button" className={`button button-small ${consent?.position === 'objection' ? 'button-danger' : 'button-danger-outline'}`} aria-pressed={consent?.position === 'objection'}
                        onClick={() => act(() => api.put(`${live}/proposals/${p.id}/consent`, { position: 'objection', reason: reasons[p.id] ?? '' }))}>{t('cocreation.participant.object')}</button>
                    </div>
                  </>
                )}
              </div>
            );
          })}
        </section>
      )}

      {board.step >= 5 && board.agreements.length > 0 && (
        <section className="section" aria-labelledby="ag-list">
          <h2 id="ag-list">{t('cocreation.agreements')}</h2>
          <ul>{board.agreements.map((a) => <li key={a.id} className="break">{a.title} — {a.ownerName}, {a.dueDate}</li>)}</ul>
        </section>
      )}
    </div>
  );
}
