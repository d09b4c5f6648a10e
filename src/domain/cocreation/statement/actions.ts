import { randomUUID } from 'node:crypto';
import { AppError } from '../../../lib/errors.ts';
import type { Actor, Deps } from '../../foundation/auth/types.ts';
import { runParticipantChange } from '../participant/actions.ts';
import type { Domain, Mark } from '../session/schema.ts';
import { createStatement, upsertMarkOnStatement, replaceAttachmentsOnStatement } from './mutations.ts';
import type { StatementInput, StatementResult } from './schema.ts';

// Step 1: post statements and mark them; step 2: attach them to the framework's domains.

/** Whether every key names a domain of the framework. */
function domainsKnown(framework: unknown, keys: string[]): boolean {
  const known = new Set((framework as Domain[]).map((d) => d.key));
  return keys.every((k) => known.has(k));
}

const unknownDomain = () => new AppError('VALIDATION_FAILED', { fields: [{ path: 'domainKey', code: 'FIELD_COCREATION_UNKNOWN_DOMAIN' }] });

export async function postCocreationStatement(deps: Deps, sessionId: string, token: string | undefined, actor: Actor | undefined, input: StatementInput): Promise<StatementResult> {
  // The id is chosen first: the change announces which statement it adds.
  const statementId = randomUUID();
  return runParticipantChange(deps, sessionId, token, actor, 'statement', async (tx, nid, session, participant) => {
    if (!domainsKnown(session.framework, [input.domainKey])) throw unknownDomain();
    const id = await createStatement(tx, nid, { id: statementId, sessionId, participantId: participant.id, domainKey: input.domainKey, text: input.text }, deps.now());
    return { id, seq: session.seq };
  }, { statementId });
}

export async function markCocreationStatement(deps: Deps, sessionId: string, token: string | undefined, actor: Actor | undefined, statementId: string, mark: Mark | null): Promise<StatementResult> {
  return runParticipantChange(deps, sessionId, token, actor, 'mark', async (tx, nid, session, participant) => {
    if (!(await upsertMarkOnStatement(tx, nid, sessionId, statementId, participant.id, mark))) throw new AppError('NOT_FOUND');
    return { id: statementId, seq: session.seq };
  }, { statementId });
}

export async function attachCocreationStatement(deps: Deps, sessionId: string, token: string | undefined, actor: Actor | undefined, statementId: string, domainKeys: string[]): Promise<StatementResult> {
  const keys = [...new Set(domainKeys)];
  return runParticipantChange(deps, sessionId, token, actor, 'attach', async (tx, nid, session, participant) => {
    const valid = domainsKnown(session.framework, keys);
    if (!(await replaceAttachmentsOnStatement(tx, nid, sessionId, statementId, participant.id, keys, valid))) throw new AppError('NOT_FOUND');
    if (!valid) throw unknownDomain();
    return { id: statementId, seq: session.seq };
  }, { statementId });
}
