import type { Board } from '../session/schema.ts';
import type { ProfileContent, ProfileDiff } from './schema.ts';

// Pure: turning a finished session's board into profile content, and comparing two versions.

/**
 * What the session agreed per domain (accepted and amended proposals, with who decided), where
 * discussion remains (statements without consensus, objections, rejected proposals), and the
 * follow-up agreements.
 */
export function profileContentBuild(board: Board, deciders: ReadonlyMap<string, string>, decidedOn: string, sessionId: string): ProfileContent {
  return {
    profileName: board.profileName,
    sessionId,
    sessionTitle: board.title,
    decidedOn,
    domains: board.framework.map((d) => {
      const proposals = board.proposals.filter((p) => p.domainKey === d.key);
      const agreed = proposals
        .filter((p) => (p.decision === 'accepted' || p.decision === 'amended') && (p.decidedText ?? '').trim())
        .map((p) => ({ text: (p.decidedText ?? '').trim(), outcome: p.decision as 'accepted' | 'amended', decidedBy: deciders.get(p.id) ?? null }));
      const discussion = [
        ...board.statements.filter((s) => s.consensus === 'split' && (s.domainKey === d.key || (s.attached[d.key] ?? 0) > 0)).map((s) => s.text),
        ...proposals.filter((p) => p.decision !== 'rejected').flatMap((p) => p.objections.filter(Boolean)),
        ...proposals.filter((p) => !p.decision && p.text.trim()).map((p) => p.text.trim()),
      ];
      return { key: d.key, label: d.label, description: d.description, agreed, discussion: [...new Set(discussion)] };
    }),
    rejected: board.proposals.filter((p) => p.decision === 'rejected' && p.text.trim()).map((p) => ({ domainKey: p.domainKey, text: p.text.trim() })),
    agreements: board.agreements.map((a) => ({ title: a.title, ownerName: a.ownerName, dueDate: a.dueDate })),
  };
}

/** What changed per domain between two versions (by domain key; texts compared whole). */
export function profileDiffCompute(previous: { version: number; content: ProfileContent } | null, next: ProfileContent): ProfileDiff {
  const before = new Map((previous?.content.domains ?? []).map((d) => [d.key, d.agreed.map((a) => a.text)]));
  const keys = [...next.domains.map((d) => d.key), ...[...before.keys()].filter((k) => !next.domains.some((d) => d.key === k))];
  return {
    previousVersion: previous?.version ?? null,
    domains: keys.map((key) => {
      const now = next.domains.find((d) => d.key === key);
      const old = before.get(key) ?? [];
      const current = now?.agreed.map((a) => a.text) ?? [];
      const label = now?.label ?? previous?.content.domains.find((d) => d.key === key)?.label ?? key;
      return { key, label, added: current.filter((t) => !old.includes(t)), removed: old.filter((t) => !current.includes(t)), kept: current.filter((t) => old.includes(t)) };
    }),
    agreementsAdded: next.agreements.map((a) => a.title).filter((t) => !(previous?.content.agreements ?? []).some((a) => a.title === t)),
    agreementsRemoved: (previous?.content.agreements ?? []).map((a) => a.title).filter((t) => !next.agreements.some((a) => a.title === t)),
  };
}
