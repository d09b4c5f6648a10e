import type { Board, BoardChange, BoardDelta, Consensus, Domain, Mark } from './schema.ts';
import { COCREATION_STEPS } from './schema.ts';

// Pure rules of a session: the default framework, join codes, consensus, balanced subgroups and
// which step allows what. No clock, no database (the browser imports these too).

/** The four domains of the Beroepsbeeld mbo-docent (BVMBO and MBO Raad), as the default framework. */
export function sessionDefaultFramework(locale: 'nl' | 'en'): Domain[] {
  if (locale === 'en') {
    return [
      { key: 'providing-education', label: 'Providing education for students', description: 'Designing, teaching and coaching: the teacher provides education that fits students and their future occupation, at school and at the workplace.' },
      { key: 'renewing-education', label: 'Renewing vocational education', description: 'The teacher keeps education in step with the occupation and the labour market, and helps renew the curriculum with colleagues and companies.' },
      { key: 'organising-education', label: 'Organising education', description: 'The teacher works within the team and the institution on planning, assessment and the quality of the programme.' },
      { key: 'learning-together', label: 'Learning with and from colleagues', description: 'The teacher develops professionally, learns with and from colleagues in the team, the institution and the field, and reflects on their own practice.' },
    ];
  }
  return [
    { key: 'providing-education', label: 'Verzorgen van onderwijs aan studenten', description: 'Ontwerpen, uitvoeren en begeleiden: de docent verzorgt onderwijs dat past bij studenten en hun toekomstige beroep, op school en in de beroepspraktijk.' },
    { key: 'renewing-education', label: 'Vernieuwen van beroepsonderwijs', description: 'De docent houdt het onderwijs bij de tijd met het beroep en de arbeidsmarkt, en vernieuwt het curriculum samen met collega’s en bedrijven.' },
    { key: 'organising-education', label: 'Organiseren van onderwijs', description: 'De docent werkt in het team en de instelling aan planning, examinering en de kwaliteit van de opleiding.' },
    { key: 'learning-together', label: 'Leren met en van collega’s', description: 'De docent ontwikkelt zich professioneel, leert met en van collega’s in team, instelling en werkveld, en reflecteert op de eigen praktijk.' },
  ];
}

export const SESSION_DEFAULT_STEP_MINUTES = [15, 15, 25, 20, 10];
export const SESSION_DEFAULT_DOT_BUDGET = 3;
/** How long a join code works after the session was created. */
export const SESSION_CODE_DAYS = 14;
/** Letters and digits that cannot be mistaken for each other on a projector. */
export const SESSION_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const SESSION_CODE_LENGTH = 6;

/** A join code from random bytes (the caller supplies them: no randomness here). */
export function sessionCodeFromBytes(bytes: Uint8Array): string {
  let code = '';
  for (let i = 0; i < SESSION_CODE_LENGTH; i++) code += SESSION_CODE_ALPHABET[(bytes[i] ?? 0) % SESSION_CODE_ALPHABET.length];
  return code;
}

/** Normalises what someone typed as a code: case, spaces and dashes do not matter. */
export function sessionCodeNormalise(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

/**
 * Where a statement stands: 'open' with fewer than three marks; 'agree' or 'disagree' when at
 * least 70 % share that mark; otherwise 'split' (there is discussion).
 */
export function sessionConsensus(counts: Record<Mark, number>): Consensus {
  const total = counts.agree + counts.disagree + counts.unsure;
  if (total < 3) return 'open';
  if (counts.agree / total >= 0.7) return 'agree';
  if (counts.disagree / total >= 0.7) return 'disagree';
  return 'split';
}

export interface SubgroupMember {
  id: string;
  institutionId: string | null;
}

/**
 * Deals participants into `count` subgroups balanced across institutions: institutions in turn
 * (largest first), one person at a time, round the groups. Result: participant id → group index.
 * Deterministic for the same input order.
 */
export function sessionSubgroupsBalance(members: readonly SubgroupMember[], count: number): Map<string, number> {
  const byInstitution = new Map<string, string[]>();
  for (const m of members) {
    const key = m.institutionId ?? '';
    byInstitution.set(key, [...(byInstitution.get(key) ?? []), m.id]);
  }
  const queues = [...byInstitution.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0])).map(([, ids]) => [...ids]);
  const order: string[] = [];
  for (const queue of queues) order.push(...queue);
  const result = new Map<string, number>();
  order.forEach((id, i) => result.set(id, i % Math.max(1, count)));
  return result;
}

/** A sensible number of subgroups: about four people each, at most one per domain pair, at least one. */
export function sessionSubgroupCount(participants: number, domains: number): number {
  return Math.max(1, Math.min(domains, Math.ceil(participants / 4)));
}

/** Which (subgroup, domain) pairs get a proposal: every domain at least once, every subgroup at least once. */
export function sessionProposalPairs(subgroups: number, domains: number): { subgroup: number; domain: number }[] {
  const pairs: { subgroup: number; domain: number }[] = [];
  const n = Math.max(subgroups, domains);
  for (let i = 0; i < n; i++) pairs.push({ subgroup: i % Math.max(1, subgroups), domain: i % domains });
  return pairs;
}

export type SessionActivity = 'statement' | 'mark' | 'attach' | 'edit' | 'vote' | 'consent' | 'decide' | 'agreement';

/** The step in which participants (or the facilitator) may do something. */
export function sessionActivityAllowed(activity: SessionActivity, step: number): boolean {
  switch (activity) {
    case 'statement': return step === 1;
    case 'mark': return step === 1 || step === 2;
    case 'attach': return step === 2;
    case 'edit': return step === 3;
    case 'vote':
    case 'consent':
    case 'decide': return step === 4;
    case 'agreement': return step === 5;
  }
}

export function sessionStepValid(step: number): boolean {
  return Number.isInteger(step) && step >= 0 && step <= COCREATION_STEPS;
}

function upsertById<T extends { id: string }>(list: T[], changed: T[]): T[] {
  if (changed.length === 0) return list;
  const byId = new Map(changed.map((x) => [x.id, x]));
  const next = list.map((x) => {
    const update = byId.get(x.id);
    if (update) byId.delete(x.id);
    return update ?? x;
  });
  return byId.size ? [...next, ...byId.values()] : next;
}

/**
 * The board after a delta: unchanged when the board already has it, null when the board is
 * behind `delta.from - 1` (a change was missed: read the whole board again).
 */
export function sessionBoardApply(board: Board, delta: BoardDelta): Board | null {
  if (delta.seq <= board.seq) return board;
  if (board.seq < delta.from - 1) return null;
  return {
    ...board,
    seq: delta.seq,
    serverNow: delta.serverNow,
    statements: upsertById(board.statements, delta.statements),
    proposals: upsertById(board.proposals, delta.proposals),
  };
}

/**
 * The notification of a change between app servers: `<session>:<seq>`, plus `:s:<id>` when the
 * change touched one statement or `:p:<id>` when it touched one proposal. This is that suffix.
 */
export function sessionChangeSuffix(change: BoardChange): string {
  return !change ? '' : 'statementId' in change ? `:s:${change.statementId}` : `:p:${change.proposalId}`;
}

/** Reads a notification back; null when it names no session (the listener reconnected). */
export function sessionChangeParse(payload: string): { sessionId: string; seq: number; change: BoardChange } | null {
  const [sessionId, seq, kind, id] = payload.split(':');
  if (!sessionId || !seq || !Number.isInteger(Number(seq))) return null;
  const change: BoardChange = kind === 's' && id ? { statementId: id } : kind === 'p' && id ? { proposalId: id } : undefined;
  return { sessionId, seq: Number(seq), change };
}
