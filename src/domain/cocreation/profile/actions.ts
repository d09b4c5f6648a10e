import { AppError } from '../../../lib/errors.ts';
import { zonedDate } from '../../../lib/time.ts';
import type { Actor, Deps } from '../../foundation/auth/types.ts';
import { recordAudit } from '../../foundation/network/mutations.ts';
import { lockSessionForChange, readBoard } from '../session/actions.ts';
import { updateSessionStep } from '../session/mutations.ts';
import { policyCocreationFacilitate, policyCocreationRead } from '../session/policy.ts';
import { COCREATION_STEP_ENDED, type Board } from '../session/schema.ts';
import { getLatestProfileVersion, getPreviousProfileVersion, getProfileVersion, listDeciders, listProfileVersions } from './data.ts';
import { createProfileVersion } from './mutations.ts';
import { profileContentBuild, profileDiffCompute } from './rules.ts';
import type { ProfileContent, ProfileVersion, ProfileVersionSummary } from './schema.ts';

// The outcome of a session: ending it writes the next version of the network's profile.

type VersionRow = NonNullable<Awaited<ReturnType<typeof getProfileVersion>>>;

function presentSummary(row: VersionRow): ProfileVersionSummary {
  const v = row.version;
  const content = v.content as ProfileContent;
  return {
    id: v.id, profileName: v.profileName, version: v.version, sessionId: v.sessionId, sessionTitle: content.sessionTitle,
    createdByName: row.createdByName, createdAt: v.createdAt.toISOString(),
  };
}

/** Ends the session for everyone and stores what it agreed as the profile's next version. */
export async function endCocreationSession(deps: Deps, actor: Actor, networkId: string, sessionId: string): Promise<{ board: Board; profileVersionId: string }> {
  const nid = policyCocreationFacilitate(actor, networkId);
  const profileVersionId = await deps.db.transaction(async (tx) => {
    const session = await lockSessionForChange(tx, nid, sessionId);
    const board = await readBoard(deps, nid, sessionId, tx);
    const content = profileContentBuild(board, await listDeciders(tx, nid, sessionId), zonedDate(deps.now()), sessionId);
    const latest = await getLatestProfileVersion(tx, nid, session.profileName);
    const version = (latest?.version ?? 0) + 1;
    const id = await createProfileVersion(tx, nid, { profileName: session.profileName, version, sessionId, content, createdBy: actor.personId }, deps.now());
    await updateSessionStep(tx, nid, sessionId, COCREATION_STEP_ENDED, deps.now());
    await recordAudit(tx, nid, actor.personId, 'cocreation.session.end', 'cocreation_session', sessionId, { profileVersion: version });
    return id;
  });
  return { board: await readBoard(deps, nid, sessionId), profileVersionId };
}

export async function listCocreationProfileVersions(deps: Deps, actor: Actor, networkId: string): Promise<ProfileVersionSummary[]> {
  const nid = policyCocreationRead(actor, networkId);
  return (await listProfileVersions(deps.db, nid)).map(presentSummary);
}

export async function readCocreationProfileVersion(deps: Deps, actor: Actor, networkId: string, id: string): Promise<ProfileVersion> {
  const nid = policyCocreationRead(actor, networkId);
  const row = await getProfileVersion(deps.db, nid, id);
  if (!row) throw new AppError('NOT_FOUND');
  const previous = await getPreviousProfileVersion(deps.db, nid, row.version.profileName, row.version.version);
  const content = row.version.content as ProfileContent;
  return {
    ...presentSummary(row),
    content,
    diff: profileDiffCompute(previous ? { version: previous.version, content: previous.content as ProfileContent } : null, content),
  };
}
