import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../../api/client.ts';
import { proposalEditResultSchema, PROPOSAL_TEXT_MAX } from '../../../../../src/domain/cocreation/proposal/schema.ts';
import { proposalEditDiff, proposalEditRebase } from '../../../../../src/domain/cocreation/proposal/rules.ts';
import type { BoardProposal } from '../../../../../src/domain/cocreation/session/schema.ts';

type Status = 'saved' | 'saving' | 'retrying' | 'failed';

/**
 * Writing a proposal together: what you type is sent as one edit at a time (against the version
 * you saw); the server merges it with what others typed meanwhile, and anything you typed while
 * waiting is carried over onto the merged text. Nothing anyone typed is lost. A refused edit
 * (session ended, not your group's proposal) stops sending and says why; a lost connection or a
 * rate limit tries again after a pause.
 */
export function ProposalEditor({ sessionId, proposal, label }: { sessionId: string; proposal: BoardProposal; label: string }) {
  const { t } = useTranslation();
  const [local, setLocal] = useState(proposal.text);
  const [status, setStatus] = useState<Status>('saved');
  const [attempt, setAttempt] = useState(0);
  const [message, setMessage] = useState('');
  const state = useRef({ base: proposal.text, version: proposal.version, local: proposal.text, inflight: false });
  // The newest text and version the board has shown, also while an edit of ours is on its way.
  const latest = useRef({ text: proposal.text, version: proposal.version });
  if (proposal.version > latest.current.version) latest.current = { text: proposal.text, version: proposal.version };

  const setText = (text: string) => {
    state.current.local = text;
    setLocal(text);
  };

  // Someone else's edit arrived on the board.
  useEffect(() => {
    const s = state.current;
    if (s.inflight || proposal.version <= s.version) return;
    const merged = proposalEditRebase(s.base, s.local, proposal.text);
    s.base = proposal.text;
    s.version = proposal.version;
    setText(merged);
  }, [proposal.version, proposal.text]);

  // Send what was typed, one edit at a time, shortly after typing pauses.
  useEffect(() => {
    const s = state.current;
    if (s.inflight || local === s.base || status === 'failed') return;
    const timer = setTimeout(() => {
      const sent = s.local;
      s.inflight = true;
      setStatus('saving');
      api.post(`/cocreation/sessions/${sessionId}/proposals/${proposal.id}/edits`, { baseVersion: s.version, op: proposalEditDiff(s.base, sent) }, proposalEditResultSchema)
        .then((result) => {
          // The board may already show edits made after ours: continue from the newest text.
          const newest = latest.current.version > result.version ? latest.current : { text: result.text, version: result.version };
          const merged = proposalEditRebase(sent, s.local, newest.text);
          s.base = newest.text;
          s.version = newest.version;
          s.inflight = false;
          setText(merged);
          setStatus('saved');
          setMessage('');
        }, (e: unknown) => {
          s.inflight = false;
          const final = e instanceof ApiError && e.status >= 400 && e.status < 500 && e.status !== 409 && e.status !== 429;
          setStatus(final ? 'failed' : 'retrying');
          setMessage(e instanceof ApiError ? e.message : t('cocreation.error'));
          if (!final) setAttempt((n) => n + 1);
        });
    }, status === 'retrying' ? 2000 : 300);
    return () => clearTimeout(timer);
  }, [local, sessionId, proposal.id, t, status, attempt]);

  const id = `proposal-${proposal.id}`;
  return (
    <div className="field cc-editor">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} value={local} onChange={(e) => setText(e.target.value)} rows={6} maxLength={PROPOSAL_TEXT_MAX} aria-describedby={`${id}-status`} />
      <p className="field-hint" id={`${id}-status`} aria-live="polite">
        {status === 'saving' ? t('cocreation.editor.saving') : status === 'saved' ? t('cocreation.editor.saved') : status === 'retrying' ? t('cocreation.editor.retrying') : ''}
      </p>
      {message && <p className="field-error" role="alert">{message}</p>}
    </div>
  );
}
