import { editionIsPublished } from '../edition/rules.ts';
import { AppError } from '../../../lib/errors.ts';
import { zonedToUtc, dateAddDays } from '../../../lib/time.ts';
import type { Actor, AuthorizedNetworkId, Deps } from '../../foundation/auth/types.ts';
import { policyAuthorize, policyInstitutionScope } from '../../foundation/auth/policy.ts';
import { recordAudit } from '../../foundation/network/mutations.ts';
import { listProgrammes } from '../../foundation/programme/data.ts';
import { listPeople } from '../../foundation/person/data.ts';
import { listLocations } from '../../foundation/institution/data.ts';
import { listEditionInstitutions } from '../edition/data.ts';
import { loadEdition } from '../edition/actions.ts';
import { listRegistrations, getRegistration, countLessonsInWindow } from './data.ts';
import { upsertRegistration, withdrawRegistration as markWithdrawn, updateRegistrationWaitlist } from './mutations.ts';
import type { Registration, RegistrationInput } from './schema.ts';

type RegistrationRow = Awaited<ReturnType<typeof listRegistrations>>[number];

function isManager(actor: Actor, networkId: string) {
  return actor.memberships.some((m) => m.networkId === networkId && (m.role === 'network_coordinator' || m.role === 'admin'));
}

function present(row: RegistrationRow, lessons: Map<string, number>): Registration {
  return {
    id: row.id, editionId: row.editionId, personId: row.personId, personName: row.personName, email: row.email,
    institutionId: row.institutionId, institutionName: row.institutionName, side: row.side as 'a' | 'b',
    programmeIds: row.programmeIds, wishes: row.wishes as Registration['wishes'], preferredPersonIds: row.preferredPersonIds,
    travelMode: row.travelMode as Registration['travelMode'], maxTravelMinutes: row.maxTravelMinutes, baseLocationId: row.baseLocationId,
    unavailableDates: row.unavailableDates, note: row.note, withdrawn: row.withdrawnAt !== null, lessonsInWindow: lessons.get(row.personId) ?? 0,
    waitlist: row.waitlist,
  };
}

async function lessonsFor(deps: Deps, nid: AuthorizedNetworkId, edition: { windowStart: string; windowEnd: string }, rows: RegistrationRow[]) {
  return countLessonsInWindow(deps.db, nid, rows.map((r) => r.personId), zonedToUtc(edition.windowStart, '00:00'), zonedToUtc(dateAddDays(edition.windowEnd, 1), '00:00'));
}

/** A teacher registers themself; a coordinator may register a teacher of the network on their behalf. */
export async function registerForEdition(deps: Deps, actor: Actor, networkId: string, editionId: string, personId: string, input: RegistrationInput): Promise<Registration> {
  const nid = policyAuthorize(actor, networkId, 'network:read');
  const self = personId === actor.personId;
  const manager = isManager(actor, networkId);
  if (!self) policyAuthorize(actor, networkId, 'people:manage');
  const edition = await loadEdition(deps, nid, editionId);
  const open = edition.status === 'registration_open' || (manager && ['announced', 'matching'].includes(edition.status));
  if (!open) throw new AppError('REGISTRATION_CLOSED');
  const participating = await listEditionInstitutions(deps.db, nid, editionId);
  const roles = self
    ? actor.memberships.filter((m) => m.networkId === networkId)
    : ((await listPeople(deps.db, nid, { personId }))[0]?.roles ?? []);
  const teaching = roles.find((r) => r.role === 'teacher' && participating.some((p) => p.institutionId === r.institutionId));
  if (!teaching) throw new AppError('NOT_PARTICIPATING');
  if (!self && !manager) {
    const scope = policyInstitutionScope(actor, networkId, 'people:manage');
    if (scope !== 'all' && !scope.includes(teaching.institutionId!)) throw new AppError('FORBIDDEN');
  }
  const institutionId = teaching.institutionId!;
  const side = participating.find((p) => p.institutionId === institutionId)!.side as 'a' | 'b';
  const programmes = await listProgrammes(deps.db, nid, { institutionId });
  const fields: { path: string; code: string }[] = [];
  if (input.programmeIds.some((id) => !programmes.some((p) => p.id === id))) fields.push({ path: 'programmeIds', code: 'FIELD_UNKNOWN_PROGRAMME' });
  const locations = await listLocations(deps.db, nid, institutionId);
  if (input.baseLocationId && !locations.some((l) => l.id === input.baseLocationId)) fields.push({ path: 'baseLocationId', code: 'FIELD_UNKNOWN_LOCATION' });
  if (input.unavailableDates.some((d) => d < edition.windowStart || d > edition.windowEnd)) fields.push({ path: 'unavailableDates', code: 'FIELD_DATE_OUTSIDE_WINDOW' });
  if (input.preferredPersonIds.includes(personId)) fields.push({ path: 'preferredPersonIds', code: 'FIELD_INVALID' });
  if (fields.length) throw new AppError('VALIDATION_FAILED', { fields });
  const baseLocationId = input.baseLocationId ?? locations[0]?.id ?? null;
  await deps.db.transaction(async (tx) => {
    await upsertRegistration(tx, nid, { ...input, baseLocationId, editionId, personId, institutionId, side, unavailableDates: [...new Set(input.unavailableDates)].sort() }, deps.now());
    await recordAudit(tx, nid, actor.personId, 'register', 'edition', editionId, { personId });
  });
  const row = (await getRegistration(deps.db, nid, editionId, personId))!;
  return present(row, await lessonsFor(deps, nid, edition, [row]));
}

export async function withdrawRegistration(deps: Deps, actor: Actor, networkId: string, editionId: string, personId: string): Promise<void> {
  const nid = policyAuthorize(actor, networkId, 'network:read');
  if (personId !== actor.personId) policyAuthorize(actor, networkId, 'people:manage');
  const edition = await loadEdition(deps, nid, editionId);
  if (editionIsPublished(edition.status)) throw new AppError('REGISTRATION_CLOSED');
  const row = await getRegistration(deps.db, nid, editionId, personId);
  if (!row) throw new AppError('NOT_FOUND');
  if (personId !== actor.personId && !isManager(actor, networkId)) {
    const scope = policyInstitutionScope(actor, networkId, 'people:manage');
    if (scope !== 'all' && !scope.includes(row.institutionId)) throw new AppError('FORBIDDEN');
  }
  await deps.db.transaction(async (tx) => {
    await markWithdrawn(tx, nid, editionId, personId, deps.now());
    await recordAudit(tx, nid, actor.personId, 'withdraw', 'edition', editionId, { personId });
  });
}

/** Coordinators see every registration; a schoolcoördinator their institution's; a teacher only their own. */
export async function listEditionRegistrations(deps: Deps, actor: Actor, networkId: string, editionId: string): Promise<Registration[]> {
  const nid = policyAuthorize(actor, networkId, 'network:read');
  const edition = await loadEdition(deps, nid, editionId);
  const scope = policyInstitutionScope(actor, networkId, 'people:read');
  const rows = (await listRegistrations(deps.db, nid, editionId)).filter((r) => scope === 'all' || scope.includes(r.institutionId) || r.personId === actor.personId);
  const lessons = await lessonsFor(deps, nid, edition, rows);
  return rows.map((r) => present(r, lessons));
}

export async function readMyRegistration(deps: Deps, actor: Actor, networkId: string, editionId: string): Promise<Registration | null> {
  const nid = policyAuthorize(actor, networkId, 'network:read');
  const edition = await loadEdition(deps, nid, editionId);
  const row = await getRegistration(deps.db, nid, editionId, actor.personId);
  if (!row || row.withdrawnAt) return null;
  return present(row, await lessonsFor(deps, nid, edition, [row]));
}

/** The waiting list for a next run: a registered teacher of a published edition puts themself on it or takes themself off. */
export async function setMyWaitlist(deps: Deps, actor: Actor, networkId: string, editionId: string, waitlist: boolean): Promise<Registration> {
  const nid = policyAuthorize(actor, networkId, 'network:read');
  const edition = await loadEdition(deps, nid, editionId);
  const row = await getRegistration(deps.db, nid, editionId, actor.personId);
  if (!row || row.withdrawnAt) throw new AppError('NOT_PARTICIPATING');
  if (!editionIsPublished(edition.status)) throw new AppError('EDITION_LOCKED');
  await deps.db.transaction(async (tx) => {
    await updateRegistrationWaitlist(tx, nid, editionId, actor.personId, waitlist, deps.now());
    await recordAudit(tx, nid, actor.personId, waitlist ? 'waitlist' : 'unwaitlist', 'edition', editionId, null);
  });
  const updated = (await getRegistration(deps.db, nid, editionId, actor.personId))!;
  return present(updated, await lessonsFor(deps, nid, edition, [updated]));
}
