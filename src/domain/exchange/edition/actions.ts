import { randomBytes } from 'node:crypto';
import { AppError } from '../../../lib/errors.ts';
import type { Locale } from '../../../lib/i18n.ts';
import { translate } from '../messages.ts';
import type { Actor, AuthorizedNetworkId, Deps, RequestInfo } from '../../foundation/auth/types.ts';
import { policyAuthorize, policyRowNetwork } from '../../foundation/auth/policy.ts';
import { recordAudit } from '../../foundation/network/mutations.ts';
import { listInstitutions } from '../../foundation/institution/data.ts';
import { listPeople } from '../../foundation/person/data.ts';
import { createOutboxMessage } from '../../foundation/mail/mutations.ts';
import { deliverMail } from '../../foundation/mail/actions.ts';
import { createInvitationRecord } from '../../foundation/invitation/actions.ts';
import { getEdition, getEditionBySlug, listEditions, listEditionsWithDetails, listEditionInstitutions, countRegistrations, listEditionInvites, listNetworkIdsWithOpenEditions, listRegisteredPersonIds } from './data.ts';
import {
  createEdition as insertEdition, updateEdition as patchEdition, updateEditionStatus, replaceEditionInstitutions,
  deleteEdition as removeEdition, createEditionInvite, markEditionReminder,
} from './mutations.ts';
import { editionCanTransition, editionDateIssues, editionIsPublished, editionShiftDates, editionTransitions } from './rules.ts';
import { editionRulesSchema, type Edition, type EditionInput, type EditionPatch, type EditionStatus } from './schema.ts';

type EditionRow = NonNullable<Awaited<ReturnType<typeof getEdition>>>;

async function present(
  deps: Deps, nid: AuthorizedNetworkId, row: EditionRow,
  loaded?: { institutions: { institutionId: string; side: string; name: string; kind: string }[]; registrations: number },
): Promise<Edition> {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    status: row.status,
    sideALabel: row.sideALabel,
    sideBLabel: row.sideBLabel,
    institutions: (loaded?.institutions ?? await listEditionInstitutions(deps.db, nid, row.id)).map((i) => ({ ...i, side: i.side as 'a' | 'b' })),
    windowStart: row.windowStart,
    windowEnd: row.windowEnd,
    announcementDate: row.announcementDate,
    registrationDeadline: row.registrationDeadline,
    creditedHours: Number(row.creditedHours),
    groupSize: row.groupSize === 'trio' ? 'trio' : 'pair',
    rules: editionRulesSchema.parse(row.rules ?? {}),
    publicSlug: row.publicSlug,
    copiedFromId: row.copiedFromId,
    registrations: loaded?.registrations ?? await countRegistrations(deps.db, nid, row.id),
    allowedTransitions: [...editionTransitions[row.status]],
  };
}

/** Loads an edition of the network or throws NOT_FOUND. */
export async function loadEdition(deps: Deps, nid: AuthorizedNetworkId, id: string): Promise<EditionRow> {
  const row = await getEdition(deps.db, nid, id);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

async function resolveInstitutions(deps: Deps, nid: AuthorizedNetworkId, given: EditionInput['institutions']) {
  const all = await listInstitutions(deps.db, nid);
  if (!given) {
    return all.filter((i) => i.kind === 'mbo' || i.kind === 'hbo').map((i) => ({ institutionId: i.id, side: (i.kind === 'mbo' ? 'a' : 'b') as 'a' | 'b' }));
  }
  const unknown = given.filter((g) => !all.some((i) => i.id === g.institutionId));
  if (unknown.length) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'institutions', code: 'FIELD_UNKNOWN_INSTITUTION' }] });
  return [...new Map(given.map((g) => [g.institutionId, g])).values()];
}

function assertDates(dates: Parameters<typeof editionDateIssues>[0]) {
  const issues = editionDateIssues(dates);
  if (issues.length) throw new AppError('VALIDATION_FAILED', { fields: issues });
}

export async function listNetworkEditions(deps: Deps, actor: Actor, networkId: string): Promise<Edition[]> {
  const nid = policyAuthorize(actor, networkId, 'network:read');
  const manager = actor.memberships.some((m) => m.networkId === networkId && (m.role === 'network_coordinator' || m.role === 'admin'));
  const rows = (await listEditionsWithDetails(deps.db, nid)).filter((e) => manager || e.edition.status !== 'draft');
  return Promise.all(rows.map((r) => present(deps, nid, r.edition, r)));
}

export async function readEdition(deps: Deps, actor: Actor, networkId: string, id: string): Promise<Edition> {
  const nid = policyAuthorize(actor, networkId, 'network:read');
  const row = await loadEdition(deps, nid, id);
  const manager = actor.memberships.some((m) => m.networkId === networkId && (m.role === 'network_coordinator' || m.role === 'admin'));
  if (row.status === 'draft' && !manager) throw new AppError('NOT_FOUND');
  return present(deps, nid, row);
}

export async function createEdition(deps: Deps, actor: Actor, networkId: string, input: EditionInput): Promise<Edition> {
  const nid = policyAuthorize(actor, networkId, 'edition:manage');
  assertDates(input);
  const institutions = await resolveInstitutions(deps, nid, input.institutions);
  const { institutions: _ignored, ...columns } = input;
  const id = await deps.db.transaction(async (tx) => {
    const id = await insertEdition(tx, nid, { ...columns, publicSlug: randomBytes(9).toString('base64url') });
    await replaceEditionInstitutions(tx, nid, id, institutions);
    await recordAudit(tx, nid, actor.personId, 'create', 'edition', id, { name: input.name });
    return id;
  });
  return present(deps, nid, (await getEdition(deps.db, nid, id))!);
}

export async function updateEdition(deps: Deps, actor: Actor, networkId: string, id: string, patch: EditionPatch): Promise<Edition> {
  const nid = policyAuthorize(actor, networkId, 'edition:manage');
  const row = await loadEdition(deps, nid, id);
  const frozen = editionIsPublished(row.status);
  const touchesPlan = patch.windowStart || patch.windowEnd || patch.institutions || patch.rules || patch.groupSize;
  if (frozen && touchesPlan) throw new AppError('EDITION_LOCKED');
  assertDates({
    windowStart: patch.windowStart ?? row.windowStart, windowEnd: patch.windowEnd ?? row.windowEnd,
    announcementDate: patch.announcementDate ?? row.announcementDate, registrationDeadline: patch.registrationDeadline ?? row.registrationDeadline,
  });
  const institutions = patch.institutions ? await resolveInstitutions(deps, nid, patch.institutions) : undefined;
  const { institutions: _ignored, ...columns } = patch;
  await deps.db.transaction(async (tx) => {
    await patchEdition(tx, nid, id, columns, deps.now());
    if (institutions) await replaceEditionInstitutions(tx, nid, id, institutions);
    await recordAudit(tx, nid, actor.personId, 'update', 'edition', id, patch);
  });
  return present(deps, nid, (await getEdition(deps.db, nid, id))!);
}

export async function deleteEdition(deps: Deps, actor: Actor, networkId: string, id: string): Promise<void> {
  const nid = policyAuthorize(actor, networkId, 'edition:manage');
  const row = await loadEdition(deps, nid, id);
  if (row.status !== 'draft') throw new AppError('EDITION_LOCKED');
  await deps.db.transaction(async (tx) => {
    await removeEdition(tx, nid, id);
    await recordAudit(tx, nid, actor.personId, 'delete', 'edition', id, { name: row.name });
  });
}

/** "Copy last year's edition": settings and institutions kept, dates moved 52 weeks, status draft. */
export async function copyEdition(deps: Deps, actor: Actor, networkId: string, id: string): Promise<Edition> {
  const nid = policyAuthorize(actor, networkId, 'edition:manage');
  const row = await loadEdition(deps, nid, id);
  const institutions = (await listEditionInstitutions(deps.db, nid, id)).map((i) => ({ institutionId: i.institutionId, side: i.side as 'a' | 'b' }));
  const dates = editionShiftDates(row, 52);
  const year = Number(dates.windowStart.slice(0, 4));
  const name = /\b20\d\d\b/.test(row.name) ? row.name.replace(/\b20\d\d\b/, String(year)) : `${row.name} (${year})`;
  const newId = await deps.db.transaction(async (tx) => {
    const newId = await insertEdition(tx, nid, {
      name, description: row.description, sideALabel: row.sideALabel, sideBLabel: row.sideBLabel, ...dates,
      creditedHours: Number(row.creditedHours), groupSize: row.groupSize === 'trio' ? 'trio' : 'pair',
      rules: editionRulesSchema.parse(row.rules ?? {}), publicSlug: randomBytes(9).toString('base64url'), copiedFromId: row.id,
    });
    await replaceEditionInstitutions(tx, nid, newId, institutions);
    await recordAudit(tx, nid, actor.personId, 'copy', 'edition', newId, { from: id });
    return newId;
  });
  return present(deps, nid, (await getEdition(deps.db, nid, newId))!);
}

function formatDate(date: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
}

/** Teachers of the participating institutions (the people an edition recruits). */
async function listEditionTeachers(deps: Deps, nid: AuthorizedNetworkId, editionId: string) {
  const institutions = await listEditionInstitutions(deps.db, nid, editionId);
  const people = await listPeople(deps.db, nid, { institutionIds: institutions.map((i) => i.institutionId) });
  return people
    .map((p) => ({ ...p, teaching: p.roles.find((r) => r.role === 'teacher' && institutions.some((i) => i.institutionId === r.institutionId)) }))
    .filter((p) => p.teaching);
}

/** Invitation e-mails to every teacher of the participating institutions not invited before. */
async function inviteTeachers(deps: Deps, actor: Actor, nid: AuthorizedNetworkId, row: EditionRow, request: RequestInfo): Promise<number> {
  const teachers = await listEditionTeachers(deps, nid, row.id);
  const mailIds: string[] = [];
  await deps.db.transaction(async (tx) => {
    for (const teacher of teachers) {
      if (!(await createEditionInvite(tx, nid, row.id, teacher.id, deps.now()))) continue;
      const locale = actor.locale;
      let account = '';
      if (!teacher.hasAccount) {
        const { token } = await createInvitationRecord(tx, deps, actor, nid, { email: teacher.email, name: teacher.name, role: 'teacher', institutionId: teacher.teaching!.institutionId });
        account = translate(locale, 'MAIL_EDITION_ACCOUNT', { link: `${request.baseUrl}/uitnodiging/${token}` });
      }
      mailIds.push(await createOutboxMessage(tx, {
        networkId: nid,
        to: teacher.email,
        subject: translate(locale, 'MAIL_EDITION_INVITE_SUBJECT', { edition: row.name }),
        text: translate(locale, 'MAIL_EDITION_INVITE_TEXT', {
          name: teacher.name, edition: row.name, start: formatDate(row.windowStart, locale), end: formatDate(row.windowEnd, locale),
          deadline: formatDate(row.registrationDeadline, locale), hours: Number(row.creditedHours),
          link: `${request.baseUrl}/uitwisseling/${row.publicSlug}`, account,
        }),
      }));
    }
  });
  await deliverMail(deps, mailIds);
  return mailIds.length;
}

export async function transitionEdition(deps: Deps, actor: Actor, networkId: string, id: string, to: EditionStatus, request: RequestInfo): Promise<Edition> {
  const nid = policyAuthorize(actor, networkId, 'edition:manage');
  const row = await loadEdition(deps, nid, id);
  if (!editionCanTransition(row.status, to)) throw new AppError('EDITION_TRANSITION_NOT_ALLOWED', { params: { from: row.status, to } });
  if (to === 'published') throw new AppError('EDITION_PUBLISH_WITH_RUN');
  if (to === 'registration_open') {
    const sides = new Set((await listEditionInstitutions(deps.db, nid, id)).map((i) => i.side));
    if (!sides.has('a') || !sides.has('b')) throw new AppError('EDITION_NEEDS_TWO_SIDES');
  }
  const ok = await deps.db.transaction(async (tx) => {
    const changed = await updateEditionStatus(tx, nid, id, row.status, to, deps.now());
    if (changed) await recordAudit(tx, nid, actor.personId, 'transition', 'edition', id, { from: row.status, to });
    return changed;
  });
  if (!ok) throw new AppError('CONFLICT');
  if (to === 'registration_open') await inviteTeachers(deps, actor, nid, row, request);
  return present(deps, nid, (await getEdition(deps.db, nid, id))!);
}

/** Reminders before the deadline to invited teachers who have not registered: at most two, three days apart. */
export async function sendEditionReminders(deps: Deps, networkId: AuthorizedNetworkId, baseUrl: string): Promise<number> {
  const now = deps.now();
  const today = now.toISOString().slice(0, 10);
  const mailIds: string[] = [];
  for (const row of await listEditions(deps.db, networkId)) {
    if (row.status !== 'registration_open' || row.registrationDeadline < today) continue;
    const daysLeft = Math.round((Date.parse(row.registrationDeadline) - Date.parse(today)) / 86_400_000);
    if (daysLeft > 7) continue;
    const registered = new Set(await listRegisteredPersonIds(deps.db, networkId, row.id));
    const invites = await listEditionInvites(deps.db, networkId, row.id);
    const teachers = await listPeople(deps.db, networkId, { institutionIds: (await listEditionInstitutions(deps.db, networkId, row.id)).map((i) => i.institutionId) });
    for (const invite of invites) {
      if (registered.has(invite.personId) || invite.remindersSent >= 2) continue;
      if (invite.lastReminderAt && now.getTime() - invite.lastReminderAt.getTime() < 3 * 86_400_000) continue;
      const teacher = teachers.find((t) => t.id === invite.personId);
      if (!teacher) continue;
      await deps.db.transaction(async (tx) => {
        await markEditionReminder(tx, networkId, row.id, invite.personId, now);
        mailIds.push(await createOutboxMessage(tx, {
          networkId, to: teacher.email,
          subject: translate('nl', 'MAIL_EDITION_REMINDER_SUBJECT', { edition: row.name, days: daysLeft }),
          text: translate('nl', 'MAIL_EDITION_REMINDER_TEXT', { name: teacher.name, edition: row.name, deadline: formatDate(row.registrationDeadline, 'nl'), link: `${baseUrl}/uitwisseling/${row.publicSlug}` }),
        }));
      });
    }
  }
  await deliverMail(deps, mailIds);
  return mailIds.length;
}

/** The public announcement page: readable without an account, found by its unguessable slug. */
export async function readPublicEdition(deps: Deps, slug: string) {
  const found = await getEditionBySlug(deps.db, slug);
  if (!found || found.edition.status === 'draft') throw new AppError('NOT_FOUND');
  const row = found.edition;
  const nid = policyRowNetwork(row.networkId, 'token');
  return {
    name: row.name, description: row.description, networkName: found.networkName, status: row.status,
    sideALabel: row.sideALabel, sideBLabel: row.sideBLabel,
    institutions: (await listEditionInstitutions(deps.db, nid, row.id)).map((i) => ({ name: i.name, kind: i.kind, side: i.side as 'a' | 'b' })),
    windowStart: row.windowStart, windowEnd: row.windowEnd, registrationDeadline: row.registrationDeadline,
    creditedHours: Number(row.creditedHours), groupSize: (row.groupSize === 'trio' ? 'trio' : 'pair') as 'pair' | 'trio',
    registrationOpen: row.status === 'registration_open',
    editionId: row.id, networkId: row.networkId,
  };
}

/** The hourly job: registration reminders for every network's open editions. */
export async function sendScheduledReminders(deps: Deps): Promise<number> {
  const baseUrl = deps.config.PUBLIC_URL?.replace(/\/$/, '') ?? `http://localhost:${deps.config.PORT}`;
  let sent = 0;
  for (const networkId of await listNetworkIdsWithOpenEditions(deps.db)) {
    sent += await sendEditionReminders(deps, policyRowNetwork(networkId, 'job'), baseUrl);
  }
  return sent;
}
