import { AppError } from '../../../lib/errors.ts';
import type { Actor, Deps } from '../auth/types.ts';
import { policyAuthorize } from '../auth/policy.ts';
import { recordAudit } from '../network/mutations.ts';
import { getInstitution, listInstitutions, listLocations, getLocation, countInstitutionMembers } from './data.ts';
import {
  createInstitution as insertInstitution, updateInstitution as patchInstitution, deleteInstitution as removeInstitution,
  createLocation as insertLocation, updateLocation as patchLocation, deleteLocation as removeLocation,
} from './mutations.ts';
import type { Institution, InstitutionInput, InstitutionPatch, Location, LocationInput } from './schema.ts';

export async function listNetworkInstitutions(deps: Deps, actor: Actor, networkId: string): Promise<Institution[]> {
  const nid = policyAuthorize(actor, networkId, 'network:read');
  return listInstitutions(deps.db, nid);
}

export async function readInstitution(deps: Deps, actor: Actor, networkId: string, id: string): Promise<Institution> {
  const nid = policyAuthorize(actor, networkId, 'network:read');
  const row = await getInstitution(deps.db, nid, id);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function createInstitution(deps: Deps, actor: Actor, networkId: string, input: InstitutionInput): Promise<Institution> {
  const nid = policyAuthorize(actor, networkId, 'institution:create');
  const id = await deps.db.transaction(async (tx) => {
    const id = await insertInstitution(tx, nid, input);
    await recordAudit(tx, nid, actor.personId, 'create', 'institution', id, input);
    return id;
  });
  return (await getInstitution(deps.db, nid, id))!;
}

export async function updateInstitution(deps: Deps, actor: Actor, networkId: string, id: string, patch: InstitutionPatch): Promise<Institution> {
  policyAuthorize(actor, networkId, 'network:read');
  const nid = policyAuthorize(actor, networkId, 'institution:manage', id);
  if (!(await getInstitution(deps.db, nid, id))) throw new AppError('NOT_FOUND');
  await deps.db.transaction(async (tx) => {
    await patchInstitution(tx, nid, id, patch);
    await recordAudit(tx, nid, actor.personId, 'update', 'institution', id, patch);
  });
  return (await getInstitution(deps.db, nid, id))!;
}

export async function deleteInstitution(deps: Deps, actor: Actor, networkId: string, id: string): Promise<void> {
  const nid = policyAuthorize(actor, networkId, 'institution:create');
  if (!(await getInstitution(deps.db, nid, id))) throw new AppError('NOT_FOUND');
  if ((await countInstitutionMembers(deps.db, nid, id)) > 0) throw new AppError('INSTITUTION_IN_USE');
  await deps.db.transaction(async (tx) => {
    await removeInstitution(tx, nid, id);
    await recordAudit(tx, nid, actor.personId, 'delete', 'institution', id, null);
  });
}

function presentLocation(row: Awaited<ReturnType<typeof listLocations>>[number]): Location {
  return {
    id: row.id, institutionId: row.institutionId, name: row.name, address: row.address, postcode: row.postcode,
    city: row.city, latitude: row.latitude, longitude: row.longitude,
  };
}

export async function listInstitutionLocations(deps: Deps, actor: Actor, networkId: string, institutionId: string): Promise<Location[]> {
  const nid = policyAuthorize(actor, networkId, 'network:read');
  if (!(await getInstitution(deps.db, nid, institutionId))) throw new AppError('NOT_FOUND');
  return (await listLocations(deps.db, nid, institutionId)).map(presentLocation);
}

export async function createLocation(deps: Deps, actor: Actor, networkId: string, institutionId: string, input: LocationInput): Promise<Location> {
  policyAuthorize(actor, networkId, 'network:read');
  const nid = policyAuthorize(actor, networkId, 'institution:manage', institutionId);
  if (!(await getInstitution(deps.db, nid, institutionId))) throw new AppError('NOT_FOUND');
  const id = await deps.db.transaction(async (tx) => {
    const id = await insertLocation(tx, nid, institutionId, input);
    await recordAudit(tx, nid, actor.personId, 'create', 'location', id, input);
    return id;
  });
  return presentLocation((await getLocation(deps.db, nid, id))!);
}

export async function updateLocation(deps: Deps, actor: Actor, networkId: string, id: string, patch: Partial<LocationInput>): Promise<Location> {
  const readable = policyAuthorize(actor, networkId, 'network:read');
  const existing = await getLocation(deps.db, readable, id);
  if (!existing) throw new AppError('NOT_FOUND');
  const nid = policyAuthorize(actor, networkId, 'institution:manage', existing.institutionId);
  await deps.db.transaction(async (tx) => {
    await patchLocation(tx, nid, id, patch);
    await recordAudit(tx, nid, actor.personId, 'update', 'location', id, patch);
  });
  return presentLocation((await getLocation(deps.db, nid, id))!);
}

export async function deleteLocation(deps: Deps, actor: Actor, networkId: string, id: string): Promise<void> {
  const readable = policyAuthorize(actor, networkId, 'network:read');
  const existing = await getLocation(deps.db, readable, id);
  if (!existing) throw new AppError('NOT_FOUND');
  const nid = policyAuthorize(actor, networkId, 'institution:manage', existing.institutionId);
  await deps.db.transaction(async (tx) => {
    await removeLocation(tx, nid, id);
    await recordAudit(tx, nid, actor.personId, 'delete', 'location', id, existing);
  });
}
