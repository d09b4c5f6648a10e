import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { and, eq } from 'drizzle-orm';
import { harnessStart, type Harness } from '../../support/harness.ts';
import { makeNetwork } from '../../support/factories.ts';
import { cocreationProposals, cocreationVotes, cocreationConsents, cocreationMarks, cocreationAttachments } from '../../../src/db/schema/index.ts';
import { createCocreationSession, moveCocreationStep } from '../../../src/domain/cocreation/session/actions.ts';
import { joinCocreationSession } from '../../../src/domain/cocreation/participant/actions.ts';
import { consentCocreationProposal, decideCocreationProposal, voteCocreationProposal } from '../../../src/domain/cocreation/proposal/actions.ts';
import { attachCocreationStatement, markCocreationStatement, postCocreationStatement } from '../../../src/domain/cocreation/statement/actions.ts';
import { makeFacilitator } from './support.ts';

// The write path of a participant's choice: the dot budget holds under parallel votes, and a vote
// costs a handful of round trips to the database (recognise + count, BEGIN, lock and count the
// change, check and write, COMMIT).

let h: Harness;
let nid: string;

beforeAll(async () => {
  h = await harnessStart();
  nid = (await makeNetwork(h.deps.db)).id;
});

afterAll(async () => {
  await h?.stop();
});

/** A session in step `step` with budget `dotBudget`, `extra` more proposals than the framework gives, and one joined phone. */
async function sessionWithPhone(dotBudget: number, extra = 0, step = 4) {
  const actor = await makeFacilitator(h, nid);
  const session = await createCocreationSession(h.deps, actor, nid, { title: 'Stemmen', profileName: 'startende docent', dotBudget });
  const phone = await joinCocreationSession(h.deps, undefined, { code: session.code, displayName: 'Sam' });
  const board = await moveCocreationStep(h.deps, actor, nid, session.id, step);
  if (extra > 0) {
    await h.deps.db.insert(cocreationProposals).values(Array.from({ length: extra }, (_, i) => ({
      networkId: nid, sessionId: session.id, domainKey: board.framework[0]!.key, position: 100 + i,
    })));
  }
  const proposals = await h.deps.db.select({ id: cocreationProposals.id }).from(cocreationProposals).where(eq(cocreationProposals.sessionId, session.id));
  return { actor, session, phone, proposalIds: proposals.map((p) => p.id) };
}

/** How many queries `run` sends to PostgreSQL (every pg client's query call while it runs). */
async function countQueries(run: () => Promise<unknown>): Promise<number> {
  const original = pg.Client.prototype.query;
  let count = 0;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    count++;
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    await run();
  } finally {
    pg.Client.prototype.query = original;
  }
  return count;
}

describe('a participant\'s vote', () => {
  it('never exceeds the dot budget: 20 parallel one-dot votes on 20 proposals with budget 5, exactly 5 accepted', async () => {
    const { session, phone, proposalIds } = await sessionWithPhone(5, 20);
    expect(proposalIds.length).toBeGreaterThanOrEqual(20);
    const results = await Promise.allSettled(proposalIds.slice(0, 20).map((id) => voteCocreationProposal(h.deps, session.id, phone.token, undefined, id, 1)));
    const accepted = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(accepted.length).toBe(5);
    expect(refused.map((r) => r.reason.code)).toEqual(Array(15).fill('COCREATION_DOT_BUDGET'));
    const stored = await h.deps.db.select({ dots: cocreationVotes.dots }).from(cocreationVotes).where(eq(cocreationVotes.participantId, phone.participantId));
    expect(stored.reduce((sum, v) => sum + v.dots, 0)).toBe(5);
    // Every accepted vote has its own change number: the session's changes stay in order.
    const seqs = accepted.map((r) => (r as PromiseFulfilledResult<{ seq: number }>).value.seq);
    expect(new Set(seqs).size).toBe(5);
  });

  it('moves dots between proposals within the budget, and 0 takes them back', async () => {
    const { session, phone, proposalIds } = await sessionWithPhone(3);
    const [p1, p2] = proposalIds as [string, string];
    expect(await voteCocreationProposal(h.deps, session.id, phone.token, undefined, p1, 3)).toMatchObject({ dots: 3, dotsLeft: 0 });
    await expect(voteCocreationProposal(h.deps, session.id, phone.token, undefined, p2, 1)).rejects.toMatchObject({ code: 'COCREATION_DOT_BUDGET' });
    // Changing the dots on the same proposal counts only the other proposals' dots.
    expect(await voteCocreationProposal(h.deps, session.id, phone.token, undefined, p1, 1)).toMatchObject({ dots: 1, dotsLeft: 2 });
    expect(await voteCocreationProposal(h.deps, session.id, phone.token, undefined, p2, 2)).toMatchObject({ dots: 2, dotsLeft: 0 });
    expect(await voteCocreationProposal(h.deps, session.id, phone.token, undefined, p1, 0)).toMatchObject({ dots: 0, dotsLeft: 1 });
    const stored = await h.deps.db.select({ proposalId: cocreationVotes.proposalId, dots: cocreationVotes.dots }).from(cocreationVotes).where(eq(cocreationVotes.participantId, phone.participantId));
    expect(stored).toEqual([{ proposalId: p2, dots: 2 }]);
  });

  it('answers a missing or decided proposal, a closed step, an unknown session and a stranger as before, writing nothing', async () => {
    const { actor, session, phone, proposalIds } = await sessionWithPhone(3);
    const p1 = proposalIds[0]!;
    await expect(voteCocreationProposal(h.deps, session.id, phone.token, undefined, '00000000-0000-4000-8000-000000000000', 1)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(voteCocreationProposal(h.deps, '00000000-0000-4000-8000-000000000000', phone.token, undefined, p1, 1)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(voteCocreationProposal(h.deps, session.id, 'not-a-token', undefined, p1, 1)).rejects.toMatchObject({ code: 'COCREATION_NOT_JOINED' });
    await expect(voteCocreationProposal(h.deps, session.id, undefined, undefined, p1, 1)).rejects.toMatchObject({ code: 'COCREATION_NOT_JOINED' });
    await expect(consentCocreationProposal(h.deps, session.id, phone.token, undefined, p1, { position: 'objection', reason: '  ' }))
      .rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await decideCocreationProposal(h.deps, actor, nid, session.id, p1, { outcome: 'accepted' });
    await expect(voteCocreationProposal(h.deps, session.id, phone.token, undefined, p1, 1)).rejects.toMatchObject({ code: 'COCREATION_DECIDED' });
    await expect(consentCocreationProposal(h.deps, session.id, phone.token, undefined, p1, { position: 'consent' })).rejects.toMatchObject({ code: 'COCREATION_DECIDED' });
    await expect(postCocreationStatement(h.deps, session.id, phone.token, undefined, { domainKey: 'providing-education', text: 'Te laat' }))
      .rejects.toMatchObject({ code: 'COCREATION_STEP_CLOSED' });
    expect(await h.deps.db.select().from(cocreationVotes).where(eq(cocreationVotes.participantId, phone.participantId))).toEqual([]);
    expect(await h.deps.db.select().from(cocreationConsents).where(and(eq(cocreationConsents.participantId, phone.participantId)))).toEqual([]);
  });

  it('costs five queries (recognise and count, BEGIN, lock and count the change, check and write, COMMIT); consent the same', async () => {
    const { session, phone, proposalIds } = await sessionWithPhone(5);
    const [p1, p2] = proposalIds as [string, string];
    const votes = [];
    for (const dots of [1, 2, 0]) votes.push(await countQueries(() => voteCocreationProposal(h.deps, session.id, phone.token, undefined, p1, dots)));
    const consent = await countQueries(() => consentCocreationProposal(h.deps, session.id, phone.token, undefined, p2, { position: 'objection', reason: 'Te vaag' }));
    console.log(JSON.stringify({ queriesPerVote: votes, queriesPerConsent: consent }));
    expect(Math.min(...votes)).toBe(5);
    expect(consent).toBe(5);
  });

  it('posts, marks and attaches statements in five queries each; a missing statement or unknown domain writes nothing', async () => {
    const { actor, session, phone } = await sessionWithPhone(3, 0, 1);
    let posted: { id: string } | undefined;
    const post = await countQueries(async () => {
      posted = await postCocreationStatement(h.deps, session.id, phone.token, undefined, { domainKey: 'providing-education', text: 'Samen ontwerpen' });
    });
    const id = posted!.id;
    const mark = await countQueries(() => markCocreationStatement(h.deps, session.id, phone.token, undefined, id, 'agree'));
    await markCocreationStatement(h.deps, session.id, phone.token, undefined, id, 'unsure');
    const marks = () => h.deps.db.select({ mark: cocreationMarks.mark }).from(cocreationMarks).where(eq(cocreationMarks.participantId, phone.participantId));
    expect(await marks()).toEqual([{ mark: 'unsure' }]);
    await markCocreationStatement(h.deps, session.id, phone.token, undefined, id, null);
    expect(await marks()).toEqual([]);
    await expect(markCocreationStatement(h.deps, session.id, phone.token, undefined, '00000000-0000-4000-8000-000000000000', 'agree')).rejects.toMatchObject({ code: 'NOT_FOUND' });

    await moveCocreationStep(h.deps, actor, nid, session.id, 2);
    const domains = async () => (await h.deps.db.select({ key: cocreationAttachments.domainKey }).from(cocreationAttachments)
      .where(eq(cocreationAttachments.statementId, id))).map((a) => a.key).sort();
    const attach = await countQueries(() => attachCocreationStatement(h.deps, session.id, phone.token, undefined, id, ['providing-education', 'learning-together']));
    expect(await domains()).toEqual(['learning-together', 'providing-education']);
    await attachCocreationStatement(h.deps, session.id, phone.token, undefined, id, ['learning-together', 'organising-education', 'learning-together']);
    expect(await domains()).toEqual(['learning-together', 'organising-education']);
    await expect(attachCocreationStatement(h.deps, session.id, phone.token, undefined, id, ['learning-together', 'no-such"domain']))
      .rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(attachCocreationStatement(h.deps, session.id, phone.token, undefined, '00000000-0000-4000-8000-000000000000', ['learning-together']))
      .rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await domains()).toEqual(['learning-together', 'organising-education']);
    await attachCocreationStatement(h.deps, session.id, phone.token, undefined, id, []);
    expect(await domains()).toEqual([]);
    console.log(JSON.stringify({ queriesPerStatement: post, queriesPerMark: mark, queriesPerAttach: attach }));
    expect([post, mark, attach]).toEqual([5, 5, 5]);
  });
});
