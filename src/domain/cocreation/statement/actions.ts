import { randomUUID } from 'node:crypto';
import { AppError } from '../../../lib/errors.ts';
import type { Actor, Deps } from '../../foundation/auth/types.ts';
import { runParticipantChange } from '../participant/actions.ts';
import type { Domain, Mark } from '../session/schema.ts';
import { getStatement } from './data.ts';
import { createStatement, upsertMark, replaceAttachments } from './mutations.ts';
import type { StatementInput, StatementResult } from './schema.ts';

// Step 1: post statements and mark them; step 2: attach them to the framework's domains.

function checkDomains(framework: unknown, keys: string[]) {
  const known = new Set((framework as Domain[]).map((d) => d.key));
  const unknown = keys.findIndex((k) => !known.has(k));
  if (unknown >= 0) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'domainKey', code: 'FIELD_COCREATION_UNKNOWN_DOMAIN' }] });
}

export async function postCocreationStatement(deps: Deps, sessionId: string, token: string | undefined, actor: Actor | undefined, input: StatementInput): Promise<StatementResult> {
  // The id is chosen first: the change announces which statement it adds.
  const statementId = randomUUID();
  return runParticipantChange(deps, sessionId, token, actor, 'statement', async (tx, nid, session, participant) => {
    checkDomains(session.framework, [input.domainKey]);
    const id = await createStatement(tx, nid, { id: statementId, sessionId, participantId: participant.id, domainKey: input.domainKey, text: input.text }, deps.now());
    return { id, seq: session.seq };
  }, { statementId });
}

export async function markCocreationStatement(deps: Deps, sessionId: string, token: string | undefined, actor: Actor | undefined, statementId: string, mark: Mark | null): Promise<StatementResult> {
  return runParticipantChange(deps, sessionId, token, actor, 'mark', async (tx, nid, session, participant) => {
    if (!(await getStatement(tx, nid, sessionId, statementId))) throw new AppError('NOT_FOUND');
    await upsertMark(tx, nid, statementId, participant.id, mark);
    return { id: statementId, seq: session.seq };
  }, { statementId });
}

export async function attachCocreationStatement(deps: Deps, sessionId: string, token: string | undefined, actor: Actor | undefined, statementId: string, domainKeys: string[]): Promise<StatementResult> {
  return runParticipantChange(deps, sessionId, token, actor, 'attach', async (tx, nid, session, participant) => {
    if (!(await getStatement(tx, nid, sessionId, statementId))) throw new AppError('NOT_FOUND');
    checkDomains(session.framework, domainKeys);
    await replaceAttachments(tx, nid, statementId, participant.id, [...new Set(domainKeys)]);
    return { id: statementId, seq: session.seq };
  }, { statementId });
}
