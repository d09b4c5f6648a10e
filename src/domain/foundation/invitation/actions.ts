import { AppError } from '../../../lib/errors.ts';
import type { Locale } from '../../../lib/i18n.ts';
import { translate } from '../messages.ts';
import type { Tx } from '../../../db/client.ts';
import type { Actor, AuthorizedNetworkId, Deps, RequestInfo } from '../auth/types.ts';
import { policyAuthorize, policyGrantableRoles, policyInstitutionScope, policyRowNetwork } from '../auth/policy.ts';
import { tokenCreate, tokenHash, addMinutes, INVITATION_DAYS } from '../auth/rules.ts';
import { getPersonByEmail } from '../auth/data.ts';
import { createSession, markSessionsForRotation } from '../auth/mutations.ts';
import { hashPassword, verifyPasswordThrottled, sessionExpiry } from '../auth/actions.ts';
import { recordAudit } from '../network/mutations.ts';
import { getNetwork } from '../network/data.ts';
import { getInstitution } from '../institution/data.ts';
import { createOutboxMessage } from '../mail/mutations.ts';
import { deliverMail } from '../mail/actions.ts';
import { createMembership, createPerson, updatePerson } from '../person/mutations.ts';
import { listInvitations, getInvitation, getInvitationByTokenHash } from './data.ts';
import { createInvitation as insertInvitation, markInvitationAccepted, markInvitationRevoked } from './mutations.ts';
import { invitationStatus, invitationRoleNeedsInstitution } from './rules.ts';
import type { Invitation, InvitationInput } from './schema.ts';

function formatDate(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' }).format(date);
}

/**
 * Creates the invitation and its e-mail in one transaction (used by the invite form and the
 * people import); returns the outbox id so the caller delivers after commit.
 */
/** Stores an invitation and returns its secret link token (only the hash is kept). */
export async function createInvitationRecord(
  tx: Tx,
  deps: Deps,
  actor: Actor,
  nid: AuthorizedNetworkId,
  input: { email: string; name: string; role: InvitationInput['role']; institutionId: string | null },
): Promise<{ invitationId: string; token: string; expiresAt: Date }> {
  const token = tokenCreate();
  const expiresAt = addMinutes(deps.now(), INVITATION_DAYS * 1440);
  const invitationId = await insertInvitation(tx, nid, { ...input, tokenHash: tokenHash(token), invitedBy: actor.personId, expiresAt });
  await recordAudit(tx, nid, actor.personId, 'invite', 'invitation', invitationId, { email: input.email, role: input.role });
  return { invitationId, token, expiresAt };
}

/**
 * Creates the invitation and its e-mail in one transaction (used by the invite form and the
 * people import); returns the outbox id so the caller delivers after commit.
 */
export async function createInvitationWithMail(
  tx: Tx,
  deps: Deps,
  actor: Actor,
  nid: AuthorizedNetworkId,
  input: { email: string; name: string; role: InvitationInput['role']; institutionId: string | null },
  request: RequestInfo,
): Promise<{ invitationId: string; mailId: string }> {
  const { invitationId, token, expiresAt } = await createInvitationRecord(tx, deps, actor, nid, input);
  const network = await getNetwork(tx, nid);
  const institution = input.institutionId ? await getInstitution(tx, nid, input.institutionId) : undefined;
  const locale = actor.locale;
  const mailId = await createOutboxMessage(tx, {
    networkId: nid,
    to: input.email,
    subject: translate(locale, 'MAIL_INVITATION_SUBJECT', { network: network!.name }),
    text: translate(locale, 'MAIL_INVITATION_TEXT', {
      name: input.name,
      inviter: actor.name,
      network: network!.name,
      role: translate(locale, `ROLE_${input.role}`),
      institution: institution ? ` (${institution.name})` : '',
      expires: formatDate(expiresAt, locale),
      link: `${request.baseUrl}/uitnodiging/${token}`,
    }),
  });
  return { invitationId, mailId };
}

/** Checks role and institution of an invitation against what the actor may grant. */
export async function checkInvitationTarget(
  tx: Tx,
  actor: Actor,
  networkId: string,
  nid: AuthorizedNetworkId,
  input: { role: InvitationInput['role']; institutionId?: string | null | undefined },
): Promise<{ path: string; code: string } | null> {
  if (!policyGrantableRoles(actor, networkId).includes(input.role)) return { path: 'role', code: 'ROLE_NOT_ALLOWED' };
  const needsInstitution = invitationRoleNeedsInstitution(input.role);
  if (needsInstitution && !input.institutionId) return { path: 'institutionId', code: 'FIELD_INSTITUTION_REQUIRED' };
  if (needsInstitution) {
    const institution = await getInstitution(tx, nid, input.institutionId!);
    const scope = policyInstitutionScope(actor, networkId, 'people:manage');
    if (!institution || (scope !== 'all' && !scope.includes(institution.id))) {
      return { path: 'institutionId', code: 'FIELD_UNKNOWN_INSTITUTION' };
    }
  }
  return null;
}

export async function createInvitation(deps: Deps, actor: Actor, networkId: string, input: InvitationInput, request: RequestInfo): Promise<Invitation> {
  const nid = policyAuthorize(actor, networkId, 'people:manage', input.institutionId ?? undefined);
  const problem = await checkInvitationTarget(deps.db, actor, networkId, nid, input);
  if (problem?.code === 'ROLE_NOT_ALLOWED') throw new AppError('ROLE_NOT_ALLOWED');
  if (problem) throw new AppError('VALIDATION_FAILED', { fields: [problem] });
  const institutionId = invitationRoleNeedsInstitution(input.role) ? input.institutionId! : null;
  const { invitationId, mailId } = await deps.db.transaction((tx) =>
    createInvitationWithMail(tx, deps, actor, nid, { email: input.email, name: input.name, role: input.role, institutionId }, request),
  );
  await deliverMail(deps, [mailId]);
  return (await listNetworkInvitations(deps, actor, networkId)).find((i) => i.id === invitationId)!;
}

export async function listNetworkInvitations(deps: Deps, actor: Actor, networkId: string): Promise<Invitation[]> {
  const nid = policyAuthorize(actor, networkId, 'people:manage');
  const scope = policyInstitutionScope(actor, networkId, 'people:manage');
  const now = deps.now();
  return (await listInvitations(deps.db, nid, scope === 'all' ? undefined : scope)).map(({ invitation: i, institutionName }) => ({
    id: i.id, email: i.email, name: i.name, role: i.role, institutionId: i.institutionId, institutionName,
    status: invitationStatus(i, now), createdAt: i.createdAt.toISOString(), expiresAt: i.expiresAt.toISOString(),
  }));
}

export async function revokeInvitation(deps: Deps, actor: Actor, networkId: string, id: string): Promise<void> {
  const readable = policyAuthorize(actor, networkId, 'people:manage');
  const row = await getInvitation(deps.db, readable, id);
  if (!row) throw new AppError('NOT_FOUND');
  const nid = policyAuthorize(actor, networkId, 'people:manage', row.institutionId ?? undefined);
  if (row.institutionId === null && policyInstitutionScope(actor, networkId, 'people:manage') !== 'all') throw new AppError('FORBIDDEN');
  await deps.db.transaction(async (tx) => {
    await markInvitationRevoked(tx, nid, id, deps.now());
    await recordAudit(tx, nid, actor.personId, 'revoke', 'invitation', id, null);
  });
}

async function loadPending(deps: Deps, token: string) {
  const row = await getInvitationByTokenHash(deps.db, tokenHash(token));
  if (!row) throw new AppError('TOKEN_INVALID');
  const status = invitationStatus(row.invitation, deps.now());
  if (status === 'expired') throw new AppError('TOKEN_EXPIRED');
  if (status !== 'pending') throw new AppError('TOKEN_INVALID');
  return row;
}

export async function readInvitationByToken(deps: Deps, token: string) {
  const row = await loadPending(deps, token);
  const person = await getPersonByEmail(deps.db, row.invitation.email);
  return {
    email: row.invitation.email, name: row.invitation.name, networkName: row.networkName,
    institutionName: row.institutionName, role: row.invitation.role, hasAccount: Boolean(person?.passwordHash),
  };
}

/** Accepts an invitation: creates the account (or checks the existing password), adds the role, logs in. */
export async function acceptInvitation(deps: Deps, token: string, input: { name: string; password: string }, request: RequestInfo) {
  const row = await loadPending(deps, token);
  const inv = row.invitation;
  const existing = await getPersonByEmail(deps.db, inv.email);
  // An existing account proves it is theirs with its password, checked under the login throttle.
  if (existing?.passwordHash) await verifyPasswordThrottled(deps, inv.email, input.password, request);
  const passwordHash = existing?.passwordHash ? undefined : await hashPassword(input.password);
  const session = tokenCreate();
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    let personId = existing?.id;
    if (!personId) personId = await createPerson(tx, { email: inv.email, name: input.name, passwordHash: passwordHash!, locale: request.locale });
    else if (passwordHash) await updatePerson(tx, personId, { passwordHash, name: input.name }); // an imported person's first password
    const nid = policyRowNetwork(inv.networkId, 'token');
    await createMembership(tx, nid, { personId, institutionId: inv.institutionId, role: inv.role });
    await markInvitationAccepted(tx, inv.id, now);
    // A new role: the person's other sessions get a new token on their next request.
    await markSessionsForRotation(tx, personId);
    await createSession(tx, { tokenHash: tokenHash(session), personId, expiresAt: sessionExpiry(deps, now), now });
    await recordAudit(tx, nid, personId, 'accept', 'invitation', inv.id, null);
  });
  return { token: session };
}
