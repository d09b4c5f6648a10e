import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../../api/client.ts';
import { proposalEditResultSchema, PROPOSAL_TEXT_MAX } from '../../../../../src/domain/cocreation/proposal/schema.ts';
import { proposalEditDiff, proposalEditRebase } from '../../../../../src/domain/cocreation/proposal/rules.ts';
import type { BoardProposal } from '../../../../../src/domain/cocreation/session/schema.ts';

/**
 * Writing a proposal together: what you type is sent as one edit at a time (against the version
 * you saw); the server merges it with what others typed meanwhile, and anything you typed while
 * waiting is carried over onto the merged text. Nothing anyone typed is lost.
 */
export function ProposalEditor({ sessionId, proposal, label }: { sessionId: string; proposal: BoardProposal; label: string }) {
  const { t } = useTranslation();
  const [local, setLocal] = useState(proposal.text);
  const [status, setStatus] = useState<'saved' | 'saving' | 'error'>('saved');
  const [message, setMessage] = useState('');
  const state = useRef({ base: proposal.text, version: proposal.version, local: proposal.text, inflight: false });

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
    if (s.inflight || local === s.base) return;
    const timer = setTimeout(() => {
      const sent = s.local;
      s.inflight = true;
      setStatus('saving');
      api.post(`/cocreation/sessions/${sessionId}/proposals/${proposal.id}/edits`, { baseVersion: s.version, op: proposalEditDiff(s.base, sent) }, proposalEditResultSchema)
        .then((result) => {
          const merged = proposalEditRebase(sent, s.local, result.text);
          s.base = result.text;
          s.version = result.version;
          s.inflight = false;
          setText(merged);
          setStatus('saved');
          setMessage('');
        }, (e: unknown) => {
          s.inflight = false;
          setStatus('error');
          setMessage(e instanceof ApiError ? e.message : t('cocreation.error'));
        });
    }, 300);
    return () => clearTimeout(timer);
  }, [local, sessionId, proposal.id, t, status]);

  const id = `proposal-${proposal.id}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} value={local} onChange={(e) => setText(e.target.value)} rows={6} maxLength={PROPOSAL_TEXT_MAX} style={{ width: '100%', boxSizing: 'border-box' }} />
      <p className="field-hint" aria-live="polite">{status === 'saving' ? t('cocreation.editor.saving') : status === 'saved' ? t('cocreation.editor.saved') : ''}</p>
      {message && <p className="field-error" role="alert">{message}</p>}
    </div>
  );
}
