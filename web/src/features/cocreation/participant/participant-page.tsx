import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../../api/client.ts';
import { participantStateSchema, type ParticipantState } from '../../../../../src/domain/cocreation/participant/schema.ts';
import { statementResultSchema, STATEMENT_TEXT_MAX } from '../../../../../src/domain/cocreation/statement/schema.ts';
import { consentInputSchema, consentResultSchema, voteResultSchema } from '../../../../../src/domain/cocreation/proposal/schema.ts';
import { markValues, type Mark } from '../../../../../src/domain/cocreation/session/schema.ts';
import { useLiveBoard } from '../session/live-board.ts';
import { StepClock } from '../session/step-clock.tsx';
import { StatementCounts } from '../session/statement-counts.tsx';
import { ProposalEditor } from './proposal-editor.tsx';
import { useMe } from '../../../app/session.tsx';
import { PracticeEvaluationCard } from '../../../components/practice-evaluation-card.tsx';

/** After the session: a participant who joined logged in as themselves evaluates it (the card shows only in the session's own network). */
function EndedEvaluation({ sessionId }: { sessionId: string }) {
  const me = useMe();
  const networks = [...new Set((me.data?.memberships ?? []).map((m) => m.networkId))];
  return <>{networks.map((networkId) => <PracticeEvaluationCard key={networkId} source="cocreation_session" id={sessionId} networkId={networkId} />)}</>;
}

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
  const [reasonErrors, setReasonErrors] = useState<Record<string, boolean>>({});
  // A ticked domain shows at once; it follows the server once the change is stored (or undone when refused).
  const [attaching, setAttaching] = useState<Record<string, string[]>>({});
  const { board, offsetMs } = useLiveBoard(sessionId, !notJoined);
  const loadMe = useCallback(() => api.get(`/cocreation/sessions/${sessionId}/me`, participantStateSchema).then(setMe, (e: unknown) => {
    if (e instanceof ApiError && (e.status === 401 || e.status === 404)) setNotJoined(true);
  }), [sessionId]);
  useEffect(() => { void loadMe(); }, [loadMe]);
  // A new step or new groups can change what is mine (my subgroup, my dots): read it again.
  const groupsKey = board ? `${board.step}:${board.subgroups.map((g) => `${g.id}=${g.members.length}`).join(',')}` : '';
  useEffect(() => { if (groupsKey) void loadMe(); }, [groupsKey, loadMe]);
  const act = async (run: () => Promise<unknown>) => {
    setMessage('');
    try {
      await run();
      await loadMe();
    } catch (e) {
      setMessage(e instanceof ApiError ? [e.message, ...e.fields.map((f) => f.message)].filter(Boolean).join(' ') : t('cocreation.error'));
    }
  };
  if (notJoined) {
    return (
      <div className="cc-phone">
        <h1>{t('cocreation.join.title')}</h1>
        <div className="empty-state">
          <p className="empty-title">{t('cocreation.participant.notJoined')}</p>
          <p><Link className="button-link" to="/meedoen">{t('cocreation.participant.toJoin')}</Link></p>
        </div>
      </div>
    );
  }
  if (!board || !me) return <p role="status">{t('cocreation.loading')}</p>;
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
  const object = (proposalId: string) => {
    const input = { position: 'objection' as const, reason: reasons[proposalId] ?? '' };
    if (!consentInputSchema.safeParse(input).success) {
      setReasonErrors({ ...reasonErrors, [proposalId]: true });
      document.getElementById(`reason-${proposalId}`)?.focus();
      return;
    }
    setReasonErrors({ ...reasonErrors, [proposalId]: false });
    void act(() => api.put(`${live}/proposals/${proposalId}/consent`, input, consentResultSchema));
  };
  const mine = board.proposals.filter((p) => p.subgroupId !== null && p.subgroupId === me.subgroupId);
  const myGroup = board.subgroups.find((g) => g.id === me.subgroupId);
  return (
    <div className="cc-phone">
      <h1>{board.title}</h1>
      <p className="muted">{t('cocreation.participant.you', { name: me.displayName })}</p>
      <StepClock board={board} offsetMs={offsetMs} />
      {message && <p className="status status-error" role="alert">{message}</p>}
      {board.step === 0 && <p className="empty-state">{t('cocreation.participant.waiting')}</p>}
      {board.step === 6 && <p className="status status-success">{t('cocreation.participant.ended')}</p>}
      {board.step === 6 && <EndedEvaluation sessionId={sessionId} />}

      {board.step === 1 && (
        <form className="form card" onSubmit={post} aria-labelledby="st-new">
          <h2 id="st-new">{t('cocreation.participant.newStatement')}</h2>
          <div className="field">
            <label htmlFor="st-domain">{t('cocreation.participant.domain')}</label>
            <select id="st-domain" value={chosenDomain} onChange={(e) => setDomainKey(e.target.value)}>
              {board.framework.map((d) => <option key={d.key} value={d.key}>{d.label}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="st-text">{t('cocreation.participant.statement')}</label>
            <textarea id="st-text" value={text} onChange={(e) => setText(e.target.value)} required maxLength={STATEMENT_TEXT_MAX} rows={3} aria-describedby="st-count" />
            <p className="field-hint" id="st-count">{t('cocreation.participant.charactersLeft', { count: STATEMENT_TEXT_MAX - text.length })}</p>
          </div>
          <div className="button-row"><button type="submit">{t('cocreation.participant.post')}</button></div>
        </form>
      )}

      {(board.step === 1 || board.step === 2) && (
        <section className="section" aria-labelledby="st-list">
          <h2 id="st-list">{t('cocreation.participant.statements')}</h2>
          {board.step === 2 && <p>{t('cocreation.participant.attachIntro')}</p>}
          {board.statements.length === 0 && <p className="empty-state">{t(board.step === 1 ? 'cocreation.participant.noStatements' : 'cocreation.participant.noStatementsLater')}</p>}
          <ul className="plain-list">
            {board.statements.map((s) => (
              <li key={s.id}>
                <article className="card" aria-labelledby={`st-${s.id}`}>
                  <p className="cc-statement-text break" id={`st-${s.id}`}>{s.text}</p>
                  <p className="muted">{label(s.domainKey)}</p>
                  <StatementCounts statement={s} />
                  <div className="button-row" role="group" aria-label={t('cocreation.participant.markFor', { text: s.text.slice(0, 40) })}>
                    {markValues.map((m: Mark) => (
                      <button key={m} type="button" className={`button-small${me.marks[s.id] === m ? '' : ' button-secondary'}`} aria-pressed={me.marks[s.id] === m}
                        onClick={() => act(() => api.put(`${live}/statements/${s.id}/mark`, { mark: me.marks[s.id] === m ? null : m }, statementResultSchema))}>
                        {t(`cocreation.mark.${m}`)}
                      </button>
                    ))}
                  </div>
                  {board.step === 2 && (
                    <fieldset className="cc-attach">
                      <legend>{t('cocreation.participant.attach')}</legend>
                      {board.framework.map((d) => {
                        const attached = attaching[s.id] ?? me.attachments[s.id] ?? [];
                        const on = attached.includes(d.key);
                        const attach = () => {
                          const domainKeys = on ? attached.filter((k) => k !== d.key) : [...attached, d.key];
                          setAttaching((current) => ({ ...current, [s.id]: domainKeys }));
                          void act(() => api.put(`${live}/statements/${s.id}/domains`, { domainKeys }, statementResultSchema))
                            .finally(() => setAttaching((current) => Object.fromEntries(Object.entries(current).filter(([key, keys]) => key !== s.id || keys !== domainKeys))));
                        };
                        return (
                          <label key={d.key} className="checkbox">
                            <input type="checkbox" checked={on} onChange={attach} />
                            {d.label} ({s.attached[d.key] ?? 0})
                          </label>
                        );
                      })}
                    </fieldset>
                  )}
                </article>
              </li>
            ))}
          </ul>
          {board.step === 2 && (
            <>
              <h2>{t('cocreation.participant.domains')}</h2>
              {board.framework.map((d) => <details key={d.key} className="card"><summary>{d.label}</summary><p>{d.description}</p></details>)}
            </>
          )}
        </section>
      )}

      {board.step === 3 && (
        <section className="section" aria-labelledby="pr-mine">
          <h2 id="pr-mine">{t('cocreation.participant.writeTogether')}</h2>
          {myGroup && <p className="muted">{t('cocreation.participant.yourGroup', { name: myGroup.name, members: myGroup.members.join(', ') })}</p>}
          {mine.length === 0 ? <p className="empty-state">{t('cocreation.participant.noGroup')}</p> : (
            <>
              <p>{t('cocreation.participant.writeHint')}</p>
              {mine.map((p) => <ProposalEditor key={p.id} sessionId={sessionId} proposal={p} label={label(p.domainKey)} />)}
            </>
          )}
        </section>
      )}

      {board.step === 4 && (
        <section className="section" aria-labelledby="pr-vote">
          <h2 id="pr-vote">{t('cocreation.participant.vote', { count: me.dotsLeft })}</h2>
          <p>{t('cocreation.participant.voteHint')}</p>
          {board.proposals.length === 0 && <p className="empty-state">{t('cocreation.participant.noProposals')}</p>}
          {board.proposals.map((p) => {
            const myDots = me.votes[p.id] ?? 0;
            const consent = me.consents[p.id];
            const shown = board.currentProposalId === p.id;
            const invalid = reasonErrors[p.id] === true;
            return (
              <article key={p.id} className={`card${shown ? ' cc-card-current' : ''}`} aria-labelledby={`pr-${p.id}`}>
                <h3 id={`pr-${p.id}`}>{label(p.domainKey)}{p.subgroupName ? ` · ${t('cocreation.group', { name: p.subgroupName })}` : ''}</h3>
                {shown && <p><span className="badge badge-pending">{t('cocreation.participant.onScreen')}</span></p>}
                <p className="cc-proposal-text break">{p.text || '—'}</p>
                {p.decision ? <p><strong>{t(`cocreation.decision.${p.decision}`)}</strong></p> : (
                  <>
                    <div className="cc-dots" role="group" aria-label={t('cocreation.participant.dotsFor', { domain: label(p.domainKey) })}>
                      <button type="button" className="button-secondary" disabled={myDots === 0} onClick={() => act(() => api.put(`${live}/proposals/${p.id}/dots`, { dots: myDots - 1 }, voteResultSchema))} aria-label={t('cocreation.participant.lessDots')}>−</button>
                      <span aria-live="polite">{t('cocreation.participant.myDots', { count: myDots })} · {t('cocreation.dots', { count: p.dots })}</span>
                      <button type="button" disabled={me.dotsLeft === 0} onClick={() => act(() => api.put(`${live}/proposals/${p.id}/dots`, { dots: myDots + 1 }, voteResultSchema))} aria-label={t('cocreation.participant.moreDots')}>+</button>
                    </div>
                    <div className="field">
                      <label htmlFor={`reason-${p.id}`}>{t('cocreation.participant.reason')}</label>
                      <textarea id={`reason-${p.id}`} rows={2} maxLength={1000} value={reasons[p.id] ?? ''} aria-invalid={invalid || undefined} aria-describedby={invalid ? `reason-error-${p.id}` : undefined}
                        onChange={(e) => setReasons({ ...reasons, [p.id]: e.target.value })} />
                      {invalid && <p className="field-error" id={`reason-error-${p.id}`} role="alert">{t('cocreation.participant.reasonRequired')}</p>}
                    </div>
                    <div className="button-row" role="group" aria-label={t('cocreation.participant.consentFor', { domain: label(p.domainKey) })}>
                      <button type="button" className={`button-small${consent?.position === 'consent' ? '' : ' button-secondary'}`} aria-pressed={consent?.position === 'consent'}
                        onClick={() => act(() => api.put(`${live}/proposals/${p.id}/consent`, { position: 'consent' }, consentResultSchema))}>{t('cocreation.participant.consent')}</button>
                      <button type="button" className={`button-small ${consent?.position === 'objection' ? 'button-danger' : 'button-danger-outline'}`} aria-pressed={consent?.position === 'objection'}
                        onClick={() => object(p.id)}>{t('cocreation.participant.object')}</button>
                    </div>
                  </>
                )}
              </article>
            );
          })}
        </section>
      )}

      {board.step >= 5 && (
        <section className="section" aria-labelledby="ag-list">
          <h2 id="ag-list">{t('cocreation.agreements')}</h2>
          {board.agreements.length === 0 ? <p className="empty-state">{t('cocreation.participant.noAgreements')}</p> : (
            <ul>{board.agreements.map((a) => <li key={a.id} className="break">{a.title} — {a.ownerName}, {a.dueDate}</li>)}</ul>
          )}
        </section>
      )}
    </div>
  );
}
