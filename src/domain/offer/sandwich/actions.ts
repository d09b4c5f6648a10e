import { AppError } from '../../../lib/errors.ts';
import type { Actor, Deps } from '../../foundation/auth/types.ts';
import { policyAuthorize } from '../../foundation/auth/policy.ts';
import { recordAudit } from '../../foundation/network/mutations.ts';
import { policyOfferCanHost, policyOfferManager, policyOwnInstitutions } from '../offer/policy.ts';
import { sandwichKinds, type OfferKind } from '../offer/schema.ts';
import { getActiveRegistration } from '../registration/data.ts';
import { updateOwnSandwich } from '../registration/mutations.ts';
import { registrationPhase } from '../registration/rules.ts';
import { getSandwichSession, listParticipants } from './data.ts';
import { updateSessionPlan } from './mutations.ts';
import { sandwichMayWrite, sandwichVisibility } from './rules.ts';
import type { Sandwich, SandwichOwnInput, SandwichPlanInput, SandwichRole } from './schema.ts';

async function load(deps: Deps, actor: Actor, networkId: string, sessionId: string) {
  const nid = policyAuthorize(actor, networkId, 'network:read');
  const row = await getSandwichSession(deps.db, nid, sessionId);
  if (!row) throw new AppError('NOT_FOUND');
  if (!(sandwichKinds as readonly string[]).includes(row.offer.kind)) throw new AppError('OFFER_NO_SANDWICH');
  const participants = await listParticipants(deps.db, nid, sessionId);
  const own = await getActiveRegistration(deps.db, nid, sessionId, actor.personId);
  const mine = participants.find((p) => p.registration.personId === actor.personId);
  const ownInstitutions = policyOwnInstitutions(actor, networkId);
  let role: SandwichRole | null = null;
  if (mine) role = 'participant';
  else if (policyOfferManager(actor, networkId)) role = 'manager';
  else if (policyOfferCanHost(actor, networkId, row.offer.hostInstitutionId)) role = 'host';
  else if (participants.some((p) => p.registration.institutionId && ownInstitutions.includes(p.registration.institutionId))) role = 'colleague';
  return { nid, row, participants, own, role };
}

/** The three phases of one session as the viewer may see them; others are refused. */
export async function readSandwich(deps: Deps, actor: Actor, networkId: string, sessionId: string): Promise<Sandwich> {
  const { row, participants, own, role } = await load(deps, actor, networkId, sessionId);
  if (!role && !own) throw new AppError('FORBIDDEN');
  const effective: SandwichRole = role ?? 'colleague';
  const see = role ? sandwichVisibility(effective) : { plan: true, questions: false, takeaways: false, feedback: false };
  return {
    sessionId, offerId: row.offer.id, offerTitle: row.offer.title, kind: row.offer.kind as OfferKind, hostName: row.hostName,
    startAt: row.session.startAt.toISOString(), endAt: row.session.endAt.toISOString(), phase: registrationPhase(row.session.startAt, row.session.endAt, deps.now()),
    role: effective, preparation: row.offer.preparation,
    agenda: see.plan ? row.session.agenda : null, tasks: see.plan ? row.session.tasks : null,
    takeaways: see.takeaways ? row.session.takeaways : null, feedback: see.feedback ? row.session.feedback : null,
    questions: see.questions ? participants.map((p) => ({ personName: p.personName, institutionName: p.institutionName, learningQuestions: p.registration.learningQuestions })) : null,
    mine: own ? { learningQuestions: own.learningQuestions, notes: own.notes } : null,
  };
}

/** A participant's own learning questions (before) and notes (during). */
export async function saveOwnSandwich(deps: Deps, actor: Actor, networkId: string, sessionId: string, input: SandwichOwnInput): Promise<Sandwich> {
  const { nid, own } = await load(deps, actor, networkId, sessionId);
  if (!own) throw new AppError('FORBIDDEN');
  await deps.db.transaction(async (tx) => {
    await updateOwnSandwich(tx, nid, own.id, input, deps.now());
    await recordAudit(tx, nid, actor.personId, 'update', 'offer_sandwich_own', sessionId, { fields: Object.keys(input) });
  });
  return readSandwich(deps, actor, networkId, sessionId);
}

/** The group's agenda and tasks (school and company), takeaways and feedback (the group). */
export async function saveSandwichPlan(deps: Deps, actor: Actor, networkId: string, sessionId: string, input: SandwichPlanInput): Promise<Sandwich> {
  const { nid, role } = await load(deps, actor, networkId, sessionId);
  const fields = (['agenda', 'tasks', 'takeaways', 'feedback'] as const).filter((k) => input[k] !== undefined);
  if (!role || fields.some((f) => !sandwichMayWrite(role, f))) throw new AppError('FORBIDDEN');
  await deps.db.transaction(async (tx) => {
    await updateSessionPlan(tx, nid, sessionId, input, deps.now());
    await recordAudit(tx, nid, actor.personId, 'update', 'offer_sandwich', sessionId, { fields });
  });
  return readSandwich(deps, actor, networkId, sessionId);
}
