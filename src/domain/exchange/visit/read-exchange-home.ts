import type { Actor, Deps } from '../../foundation/auth/types.ts';
import { policyAuthorize, policyHasNetworkWide } from '../../foundation/auth/policy.ts';
import { listEditions, listEditionInstitutions } from '../edition/data.ts';
import { editionIsPublished } from '../edition/rules.ts';
import { listRegistrations } from '../registration/data.ts';
import { listRuns } from '../match/data.ts';
import { listEditionPairs, listPersonVisits, listReflections } from './data.ts';
import type { ExchangeHome } from './schema.ts';

// The exchange week's part of a person's home page: their next visit, reflections still to
// write, editions they can still join, and — for coordinators — the editions that need them.

export async function readExchangeHome(deps: Deps, actor: Actor, networkId: string): Promise<ExchangeHome> {
  const nid = policyAuthorize(actor, networkId, 'network:read');
  const now = deps.now().getTime();
  const me = actor.personId;
  const editions = (await listEditions(deps.db, nid)).filter((e) => e.status !== 'closed' && e.status !== 'draft');
  const visits = (await listPersonVisits(deps.db, nid, me)).filter((r) => r.visit.status !== 'cancelled');
  const reflected = new Set((await listReflections(deps.db, nid, me)).map((r) => r.visitId));
  const next = visits.filter((r) => r.visit.lessonEnd.getTime() > now).sort((a, b) => a.visit.lessonStart.getTime() - b.visit.lessonStart.getTime())[0];
  const teachingAt = actor.memberships.filter((m) => m.networkId === networkId && m.role === 'teacher' && m.institutionId).map((m) => m.institutionId);
  const openRegistrations: ExchangeHome['openRegistrations'] = [];
  const unmatched: ExchangeHome['unmatched'] = [];
  const manage: ExchangeHome['manage'] = [];
  const manager = policyHasNetworkWide(actor, networkId, 'edition:manage');
  for (const e of editions) {
    const registrations = teachingAt.length || manager ? await listRegistrations(deps.db, nid, e.id) : [];
    const mine = registrations.find((r) => r.personId === me);
    if (teachingAt.length && e.status === 'registration_open' && !mine) {
      const participating = await listEditionInstitutions(deps.db, nid, e.id);
      if (participating.some((p) => teachingAt.includes(p.institutionId))) openRegistrations.push({ editionId: e.id, name: e.name, registrationDeadline: e.registrationDeadline });
    }
    if (mine && editionIsPublished(e.status)) {
      const paired = (await listEditionPairs(deps.db, nid, e.id)).some((p) => p.aPersonId === me || p.bPersonId === me);
      if (!paired) unmatched.push({ editionId: e.id, name: e.name, waitlist: mine.waitlist });
    }
    if (manager && ['registration_open', 'matching', 'published', 'running'].includes(e.status)) {
      const runs = e.status === 'matching' ? await listRuns(deps.db, nid, e.id) : [];
      manage.push({
        editionId: e.id, name: e.name, status: e.status, registered: registrations.length,
        waitlist: registrations.filter((r) => r.waitlist).length, runsToReview: runs.filter((r) => r.status === 'done').length,
      });
    }
  }
  return {
    nextVisit: next ? {
      id: next.visit.id, editionId: next.visit.editionId, editionName: next.editionName, role: next.visit.observerId === me ? 'observer' : 'host',
      partnerName: next.visit.observerId === me ? next.hostName : next.observerName, lessonStart: next.visit.lessonStart.toISOString(), locationName: next.locationName ?? '',
    } : null,
    openReflections: visits
      .filter((r) => r.visit.observerId === me && r.visit.lessonStart.getTime() <= now && !reflected.has(r.visit.id))
      .map((r) => ({ visitId: r.visit.id, editionId: r.visit.editionId, partnerName: r.hostName })),
    openRegistrations, unmatched, manage,
  };
}
