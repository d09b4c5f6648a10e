import { AppError } from '../../../lib/errors.ts';
import { dateAddDays, dateWeekday, zonedToUtc } from '../../../lib/time.ts';
import { travelMinutesByMode } from '../../../engine/index.ts';
import type { Actor, AuthorizedNetworkId, Deps } from '../../foundation/auth/types.ts';
import { policyAuthorize } from '../../foundation/auth/policy.ts';
import { recordAudit } from '../../foundation/network/mutations.ts';
import { listLocations } from '../../foundation/institution/data.ts';
import { listPeople } from '../../foundation/person/data.ts';
import { listBlocks } from '../../calendar/timetable/data.ts';
import { policyOfferManager } from '../offer/policy.ts';
import { listTeams, listMembers, listMeetings, listProducts, getMeeting, listMemberInstitutions } from './data.ts';
import { createTeam, replaceMembers, createMeeting, updateMeetingLog, createProduct } from './mutations.ts';
import { teamSlotsPropose } from './rules.ts';
import type { Team, TeamInput, TeamProposal } from './schema.ts';

async function build(deps: Deps, actor: Actor, nid: AuthorizedNetworkId, teamId?: string): Promise<Team[]> {
  const teams = await listTeams(deps.db, nid, teamId);
  const ids = teams.map((t) => t.id);
  const [members, meetings, products] = await Promise.all([listMembers(deps.db, nid, ids), listMeetings(deps.db, nid, ids), listProducts(deps.db, nid, ids)]);
  return teams.map((t) => ({
    id: t.id, name: t.name, goal: t.goal,
    members: members.filter((m) => m.member.teamId === t.id).map((m) => ({ personId: m.member.personId, name: m.name, institutionName: m.institutionName })),
    meetings: meetings.filter((m) => m.meeting.teamId === t.id).map((m) => ({ id: m.meeting.id, startAt: m.meeting.startAt.toISOString(), endAt: m.meeting.endAt.toISOString(), locationName: m.locationName, log: m.meeting.log })),
    products: products.filter((p) => p.teamId === t.id).map((p) => ({ id: p.id, title: p.title, url: p.url })),
    isMember: members.some((m) => m.member.teamId === t.id && m.member.personId === actor.personId),
  }));
}

async function loadTeam(deps: Deps, actor: Actor, networkId: string, teamId: string, mustBeMember: boolean) {
  const nid = policyAuthorize(actor, networkId, 'network:read');
  const [team] = await build(deps, actor, nid, teamId);
  if (!team) throw new AppError('NOT_FOUND');
  if (mustBeMember && !team.isMember && !policyOfferManager(actor, networkId)) throw new AppError('FORBIDDEN');
  return { nid, team };
}

/** Members must belong to the network; each keeps their institution (their school, or a company). */
async function resolveMembers(deps: Deps, nid: AuthorizedNetworkId, ids: string[]) {
  const unique = [...new Set(ids)];
  const people = await listPeople(deps.db, nid);
  const missing = unique.findIndex((id) => !people.some((p) => p.id === id));
  if (missing >= 0) throw new AppError('VALIDATION_FAILED', { fields: [{ path: `memberIds.${missing}`, code: 'FIELD_INVALID' }] });
  const inst = await listMemberInstitutions(deps.db, nid, unique);
  return unique.map((personId) => ({ personId, institutionId: inst.find((m) => m.personId === personId && m.institutionId)?.institutionId ?? null }));
}

export async function listDesignTeams(deps: Deps, actor: Actor, networkId: string): Promise<Team[]> {
  const nid = policyAuthorize(actor, networkId, 'network:read');
  return build(deps, actor, nid);
}

export async function readDesignTeam(deps: Deps, actor: Actor, networkId: string, teamId: string): Promise<Team> {
  return (await loadTeam(deps, actor, networkId, teamId, false)).team;
}

/** A teacher starts a team with a goal; they are its first member. */
export async function startDesignTeam(deps: Deps, actor: Actor, networkId: string, input: TeamInput): Promise<Team> {
  const nid = policyAuthorize(actor, networkId, 'offer:participate');
  const members = await resolveMembers(deps, nid, [actor.personId, ...input.memberIds]);
  const id = await deps.db.transaction(async (tx) => {
    const teamId = await createTeam(tx, nid, { name: input.name, goal: input.goal, createdBy: actor.personId }, deps.now());
    await replaceMembers(tx, nid, teamId, members);
    await recordAudit(tx, nid, actor.personId, 'create', 'offer_team', teamId, null);
    return teamId;
  });
  return readDesignTeam(deps, actor, networkId, id);
}

export async function setDesignTeamMembers(deps: Deps, actor: Actor, networkId: string, teamId: string, memberIds: string[]): Promise<Team> {
  const { nid } = await loadTeam(deps, actor, networkId, teamId, true);
  const members = await resolveMembers(deps, nid, memberIds);
  await deps.db.transaction(async (tx) => {
    await replaceMembers(tx, nid, teamId, members);
    await recordAudit(tx, nid, actor.personId, 'update', 'offer_team', teamId, { members: members.length });
  });
  return readDesignTeam(deps, actor, networkId, teamId);
}

/**
 * Meeting times free in every member's timetable on working days (08:30–17:00), with each
 * member's travel from their own location to the meeting place (by car) kept free around it.
 */
export async function proposeDesignTeamTimes(deps: Deps, actor: Actor, networkId: string, teamId: string, query: { from: string; days: number; minutes: number; locationId?: string | undefined }): Promise<TeamProposal> {
  const { nid, team } = await loadTeam(deps, actor, networkId, teamId, true);
  const dates = Array.from({ length: query.days }, (_, i) => dateAddDays(query.from, i)).filter((d) => dateWeekday(d) <= 5);
  const workdays = dates.map((d) => ({ start: zonedToUtc(d, '08:30').getTime(), end: zonedToUtc(d, '17:00').getTime() }));
  if (workdays.length === 0) return { slots: [], withoutTimetable: [] };
  const from = new Date(workdays[0]!.start);
  const to = new Date(workdays.at(-1)!.end);
  const ids = team.members.map((m) => m.personId);
  const blocks = await listBlocks(deps.db, nid, ids, from, to);
  const locations = await listLocations(deps.db, nid);
  const inst = await listMemberInstitutions(deps.db, nid, ids);
  const placeOf = (personId: string) => locations.find((l) => inst.some((m) => m.personId === personId && m.institutionId === l.institutionId) && l.latitude !== null);
  const meetingPlace = (query.locationId ? locations.find((l) => l.id === query.locationId) : undefined) ?? (ids[0] ? placeOf(ids[0]) : undefined);
  const point = (l: { id: string; latitude: number | null; longitude: number | null } | undefined) => (l && l.latitude !== null && l.longitude !== null ? { id: l.id, lat: l.latitude, lon: l.longitude } : null);
  const withTimetable = new Set(blocks.map((b) => b.personId));
  const members = ids.filter((id) => withTimetable.has(id)).map((id) => {
    const a = point(placeOf(id));
    const b = point(meetingPlace);
    return { busy: blocks.filter((x) => x.personId === id).map((x) => ({ start: x.startAt.getTime(), end: x.endAt.getTime() })), travelMinutes: a && b ? Math.round(travelMinutesByMode(a, b, 'car')) : 0 };
  });
  return {
    slots: teamSlotsPropose(workdays as never, members, query.minutes).map((s) => ({ startAt: new Date(s.start).toISOString(), endAt: new Date(s.end).toISOString() })),
    withoutTimetable: team.members.filter((m) => !withTimetable.has(m.personId)).map((m) => m.name),
  };
}

export async function planDesignTeamMeeting(deps: Deps, actor: Actor, networkId: string, teamId: string, input: { startAt: string; endAt: string; locationId: string | null }): Promise<Team> {
  const { nid } = await loadTeam(deps, actor, networkId, teamId, true);
  if (new Date(input.endAt) <= new Date(input.startAt)) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'endAt', code: 'FIELD_END_BEFORE_START' }] });
  if (input.locationId && !(await listLocations(deps.db, nid)).some((l) => l.id === input.locationId)) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'locationId', code: 'FIELD_UNKNOWN_LOCATION' }] });
  await deps.db.transaction(async (tx) => {
    const id = await createMeeting(tx, nid, { teamId, startAt: new Date(input.startAt), endAt: new Date(input.endAt), locationId: input.locationId }, deps.now());
    await recordAudit(tx, nid, actor.personId, 'create', 'offer_team_meeting', id, { teamId });
  });
  return readDesignTeam(deps, actor, networkId, teamId);
}

export async function saveDesignTeamLog(deps: Deps, actor: Actor, networkId: string, meetingId: string, log: string): Promise<Team> {
  const read = policyAuthorize(actor, networkId, 'network:read');
  const meeting = await getMeeting(deps.db, read, meetingId);
  if (!meeting) throw new AppError('NOT_FOUND');
  const { nid } = await loadTeam(deps, actor, networkId, meeting.teamId, true);
  await deps.db.transaction(async (tx) => {
    await updateMeetingLog(tx, nid, meetingId, log);
    await recordAudit(tx, nid, actor.personId, 'update', 'offer_team_meeting', meetingId, null);
  });
  return readDesignTeam(deps, actor, networkId, meeting.teamId);
}

export async function addDesignTeamProduct(deps: Deps, actor: Actor, networkId: string, teamId: string, input: { title: string; url: string }): Promise<Team> {
  const { nid } = await loadTeam(deps, actor, networkId, teamId, true);
  await deps.db.transaction(async (tx) => {
    const id = await createProduct(tx, nid, { teamId, ...input, createdBy: actor.personId }, deps.now());
    await recordAudit(tx, nid, actor.personId, 'create', 'offer_team_product', id, { teamId });
  });
  return readDesignTeam(deps, actor, networkId, teamId);
}
