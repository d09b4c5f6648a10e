import { AppError } from '../../../lib/errors.ts';
import type { Actor, Deps, RequestInfo } from '../auth/types.ts';
import { policyAuthorize, policyInstitutionScope } from '../auth/policy.ts';
import { recordAudit, recordAccountAudit } from '../network/mutations.ts';
import { deleteSessionsOfPerson, markSessionsForRotation } from '../auth/mutations.ts';
import { listProgrammes } from '../programme/data.ts';
import { listPeople, listMembershipsOfPerson, countNetworkRole, countMembershipsOfPerson, getPerson } from './data.ts';
import { deleteMemberships, replacePersonProgrammes, revokeCalendarFeeds, updatePerson as patchPersonRow } from './mutations.ts';
import type { Me, Person, PersonPatch, Role, Locale } from './schema.ts';

type PersonRow = Awaited<ReturnType<typeof listPeople>>[number];
const present = (row: PersonRow): Person => ({ ...row, roles: row.roles.map((r) => ({ ...r, role: r.role as Role })) });

export async function listNetworkPeople(deps: Deps, actor: Actor, networkId: string): Promise<Person[]> {
  const nid = policyAuthorize(actor, networkId, 'people:read');
  const scope = policyInstitutionScope(actor, networkId, 'people:read');
  return (await listPeople(deps.db, nid, scope === 'all' ? {} : { institutionIds: scope })).map(present);
}

/** Loads a person the actor may manage, or throws NOT_FOUND / FORBIDDEN. */
async function loadManageable(deps: Deps, actor: Actor, networkId: string, personId: string) {
  const readable = policyAuthorize(actor, networkId, 'people:read');
  const scope = policyInstitutionScope(actor, networkId, 'people:read');
  const [row] = await listPeople(deps.db, readable, { personId, ...(scope === 'all' ? {} : { institutionIds: scope }) });
  if (!row) throw new AppError('NOT_FOUND');
  const manageScope = policyInstitutionScope(actor, networkId, 'people:manage');
  const manageable = manageScope === 'all' || (row.roles.length > 0 && row.roles.every((r) => r.institutionId !== null && manageScope.includes(r.institutionId)));
  if (!manageable) throw new AppError('FORBIDDEN');
  return { nid: readable, row, manageScope };
}

export async function readPerson(deps: Deps, actor: Actor, networkId: string, personId: string): Promise<Person> {
  if (personId === actor.personId) {
    const nid = policyAuthorize(actor, networkId, 'network:read');
    const [row] = await listPeople(deps.db, nid, { personId });
    if (row) return present(row);
  }
  const nid = policyAuthorize(actor, networkId, 'people:read');
  const scope = policyInstitutionScope(actor, networkId, 'people:read');
  const [row] = await listPeople(deps.db, nid, { personId, ...(scope === 'all' ? {} : { institutionIds: scope }) });
  if (!row) throw new AppError('NOT_FOUND');
  return present(row);
}

export async function updatePerson(deps: Deps, actor: Actor, networkId: string, personId: string, patch: PersonPatch): Promise<Person> {
  const { nid, row, manageScope } = await loadManageable(deps, actor, networkId, personId);
  if (patch.programmeIds) {
    const found = await listProgrammes(deps.db, nid, { ids: patch.programmeIds });
    const allowed = found.filter((p) => manageScope === 'all' || manageScope.includes(p.institutionId));
    const missing = patch.programmeIds.filter((id) => !allowed.some((p) => p.id === id));
    if (missing.length) {
      throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'programmeIds', code: 'FIELD_UNKNOWN_PROGRAMME' }] });
    }
  }
  await deps.db.transaction(async (tx) => {
    if (patch.name) await patchPersonRow(tx, personId, { name: patch.name });
    if (patch.programmeIds) await replacePersonProgrammes(tx, nid, personId, [...new Set(patch.programmeIds)]);
    await recordAudit(tx, nid, actor.personId, 'update', 'person', personId, patch);
  });
  void row;
  return readPerson(deps, actor, networkId, personId);
}

/**
 * Removes a person from this network: their roles and programmes here go, and their calendar feed
 * of this network stops answering. When this was their last network, every session of theirs ends
 * and every feed is revoked. Their account stays; what they entered here stays with the network.
 */
export async function removePerson(deps: Deps, actor: Actor, networkId: string, personId: string): Promise<void> {
  const { nid, row } = await loadManageable(deps, actor, networkId, personId);
  if (row.roles.some((r) => r.role === 'network_coordinator') && (await countNetworkRole(deps.db, nid, 'network_coordinator')) <= 1) {
    throw new AppError('LAST_COORDINATOR');
  }
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    await deleteMemberships(tx, nid, personId);
    await revokeCalendarFeeds(tx, personId, now, nid);
    const lastMembership = (await countMembershipsOfPerson(tx, personId)) === 0;
    if (lastMembership) {
      await deleteSessionsOfPerson(tx, personId);
      await revokeCalendarFeeds(tx, personId, now);
    } else {
      await markSessionsForRotation(tx, personId);
    }
    await recordAudit(tx, nid, actor.personId, 'remove', 'person', personId, { email: row.email, signedOut: lastMembership });
  });
}

export async function readMe(deps: Deps, actor: Actor): Promise<Me> {
  // The session loader already read the memberships with their names; other callers may not have.
  const named = actor.memberships.every((m) => m.networkName !== undefined && m.institutionName !== undefined);
  const memberships = named
    ? actor.memberships.map((m) => ({ ...m, networkName: m.networkName ?? '', institutionName: m.institutionName ?? null }))
    : await listMembershipsOfPerson(deps.db, actor.personId);
  return {
    id: actor.personId, name: actor.name, email: actor.email, locale: actor.locale,
    memberships: memberships.map((m) => ({ ...m, role: m.role as Role })),
  };
}

export async function updateMe(
  deps: Deps, actor: Actor, patch: { name?: string | undefined; locale?: Locale | undefined }, request: RequestInfo,
): Promise<Me> {
  const clean: { name?: string; locale?: string } = {};
  if (patch.name) clean.name = patch.name;
  if (patch.locale) clean.locale = patch.locale;
  if (Object.keys(clean).length > 0) {
    await deps.db.transaction(async (tx) => {
      await patchPersonRow(tx, actor.personId, clean);
      await recordAccountAudit(tx, actor.personId, 'profile_update', { ...clean, ip: request.ip });
    });
  }
  const person = await getPerson(deps.db, actor.personId);
  return readMe(deps, { ...actor, name: person!.name, locale: person!.locale === 'en' ? 'en' : 'nl' });
}

/** Ends every session of a person of this network (the beheerder, e.g. after a lost laptop). */
export async function endPersonSessions(deps: Deps, actor: Actor, networkId: string, personId: string): Promise<void> {
  const nid = policyAuthorize(actor, networkId, 'platform:manage');
  const [row] = await listPeople(deps.db, nid, { personId });
  if (!row) throw new AppError('NOT_FOUND');
  await deps.db.transaction(async (tx) => {
    await deleteSessionsOfPerson(tx, personId);
    await recordAudit(tx, nid, actor.personId, 'end_sessions', 'person', personId, null);
  });
}

/** Ends every session of the actor, this one included ("log out everywhere"). */
export async function endOwnSessions(deps: Deps, actor: Actor, request: RequestInfo): Promise<void> {
  await deps.db.transaction(async (tx) => {
    await deleteSessionsOfPerson(tx, actor.personId);
    await recordAccountAudit(tx, actor.personId, 'end_sessions', { ip: request.ip });
  });
}
