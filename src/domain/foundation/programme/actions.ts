import { AppError } from '../../../lib/errors.ts';
import type { Actor, Deps } from '../auth/types.ts';
import { policyAuthorize } from '../auth/policy.ts';
import { recordAudit } from '../network/mutations.ts';
import { getInstitution } from '../institution/data.ts';
import { getIscedLabel } from '../reference/data.ts';
import { listProgrammes, getProgramme, countProgrammeTeachers } from './data.ts';
import { createProgramme as insertProgramme, updateProgramme as patchProgramme, deleteProgramme as removeProgramme } from './mutations.ts';
import { programmeIscedKnown } from './rules.ts';
import type { Programme, ProgrammeInput, ProgrammePatch, ProgrammeLevel } from './schema.ts';

function present(row: Awaited<ReturnType<typeof listProgrammes>>[number], locale: 'nl' | 'en'): Programme {
  return { ...row, level: row.level as ProgrammeLevel, iscedLabel: getIscedLabel(row.iscedCode, locale) };
}

function assertIsced(code: string | undefined) {
  if (code !== undefined && !programmeIscedKnown(code)) {
    throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'iscedCode', code: 'FIELD_UNKNOWN_ISCED' }] });
  }
}

export async function listNetworkProgrammes(deps: Deps, actor: Actor, networkId: string, institutionId?: string): Promise<Programme[]> {
  const nid = policyAuthorize(actor, networkId, 'network:read');
  return (await listProgrammes(deps.db, nid, institutionId ? { institutionId } : {})).map((r) => present(r, actor.locale));
}

export async function createProgramme(deps: Deps, actor: Actor, networkId: string, input: ProgrammeInput): Promise<Programme> {
  policyAuthorize(actor, networkId, 'network:read');
  const nid = policyAuthorize(actor, networkId, 'institution:manage', input.institutionId);
  if (!(await getInstitution(deps.db, nid, input.institutionId))) {
    throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'institutionId', code: 'FIELD_UNKNOWN_INSTITUTION' }] });
  }
  assertIsced(input.iscedCode);
  const id = await deps.db.transaction(async (tx) => {
    const id = await insertProgramme(tx, nid, input);
    await recordAudit(tx, nid, actor.personId, 'create', 'programme', id, input);
    return id;
  });
  return present((await getProgramme(deps.db, nid, id))!, actor.locale);
}

export async function updateProgramme(deps: Deps, actor: Actor, networkId: string, id: string, patch: ProgrammePatch): Promise<Programme> {
  const readable = policyAuthorize(actor, networkId, 'network:read');
  const existing = await getProgramme(deps.db, readable, id);
  if (!existing) throw new AppError('NOT_FOUND');
  const nid = policyAuthorize(actor, networkId, 'institution:manage', existing.institutionId);
  assertIsced(patch.iscedCode);
  await deps.db.transaction(async (tx) => {
    await patchProgramme(tx, nid, id, patch);
    await recordAudit(tx, nid, actor.personId, 'update', 'programme', id, patch);
  });
  return present((await getProgramme(deps.db, nid, id))!, actor.locale);
}

export async function deleteProgramme(deps: Deps, actor: Actor, networkId: string, id: string): Promise<void> {
  const readable = policyAuthorize(actor, networkId, 'network:read');
  const existing = await getProgramme(deps.db, readable, id);
  if (!existing) throw new AppError('NOT_FOUND');
  const nid = policyAuthorize(actor, networkId, 'institution:manage', existing.institutionId);
  if ((await countProgrammeTeachers(deps.db, nid, id)) > 0) throw new AppError('PROGRAMME_IN_USE');
  await deps.db.transaction(async (tx) => {
    await removeProgramme(tx, nid, id);
    await recordAudit(tx, nid, actor.personId, 'delete', 'programme', id, existing);
  });
}
