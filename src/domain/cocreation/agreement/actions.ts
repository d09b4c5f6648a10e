import { AppError } from '../../../lib/errors.ts';
import type { Actor, Deps } from '../../foundation/auth/types.ts';
import { recordAudit } from '../../foundation/network/mutations.ts';
import { lockSessionForChange, readBoard } from '../session/actions.ts';
import { policyCocreationFacilitate } from '../session/policy.ts';
import { sessionActivityAllowed } from '../session/rules.ts';
import type { Board } from '../session/schema.ts';
import { getAgreement } from './data.ts';
import { createAgreement, deleteAgreement } from './mutations.ts';
import type { AgreementInput } from './schema.ts';

// Step 5: the facilitator writes down the follow-up agreements the group makes.

export async function createCocreationAgreement(deps: Deps, actor: Actor, networkId: string, sessionId: string, input: AgreementInput): Promise<Board> {
  const nid = policyCocreationFacilitate(actor, networkId);
  await deps.db.transaction(async (tx) => {
    const session = await lockSessionForChange(tx, nid, sessionId);
    if (!sessionActivityAllowed('agreement', session.step)) throw new AppError('COCREATION_STEP_CLOSED', { params: { step: session.step } });
    const id = await createAgreement(tx, nid, sessionId, input, deps.now());
    await recordAudit(tx, nid, actor.personId, 'cocreation.agreement.create', 'cocreation_agreement', id, { title: input.title });
  });
  return readBoard(deps, nid, sessionId);
}

export async function deleteCocreationAgreement(deps: Deps, actor: Actor, networkId: string, sessionId: string, id: string): Promise<Board> {
  const nid = policyCocreationFacilitate(actor, networkId);
  await deps.db.transaction(async (tx) => {
    await lockSessionForChange(tx, nid, sessionId);
    if (!(await getAgreement(tx, nid, sessionId, id))) throw new AppError('NOT_FOUND');
    await deleteAgreement(tx, nid, id);
  });
  return readBoard(deps, nid, sessionId);
}
