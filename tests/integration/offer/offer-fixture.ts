import { and, eq } from 'drizzle-orm';
import type { Harness } from '../../support/harness.ts';
import { makeLocation } from '../../support/factories.ts';
import { institutions, memberships } from '../../../src/db/schema/index.ts';
import type { Actor } from '../../../src/domain/foundation/auth/types.ts';
import { publishOffer } from '../../../src/domain/offer/offer/actions.ts';
import { registerForSession } from '../../../src/domain/offer/registration/actions.ts';
import { requestOffer } from '../../../src/domain/offer/request/actions.ts';
import type { OfferInput } from '../../../src/domain/offer/offer/schema.ts';
import { startDesignTeam, planDesignTeamMeeting } from '../../../src/domain/offer/team/actions.ts';

// Offers for tests, created through the actions as a coordinator of the network: a company
// (the fixture network's company institution), a masterclass with a session next month, an
// offer on request, and the teacher actor registered in the masterclass.

export interface OfferFixture {
  company: string;
  masterclass: string;
  session: string;
  onRequest: string;
  team: string;
  meeting: string;
}

export function coordinatorActor(networkId: string, personId: string): Actor {
  return { personId, name: 'Coördinator', email: 'coordinator@example.nl', locale: 'nl', memberships: [{ networkId, institutionId: null, role: 'network_coordinator' }] };
}

export function teacherActor(networkId: string, personId: string, institutionId: string): Actor {
  return { personId, name: 'Docent', email: 'docent@example.nl', locale: 'nl', memberships: [{ networkId, institutionId, role: 'teacher' }] };
}

/** A future session: `days` from now, 13:00–16:00 UTC. */
export function futureSession(days: number, now = new Date()) {
  const start = new Date(now.getTime() + days * 86_400_000);
  start.setUTCHours(13, 0, 0, 0);
  return { startAt: start.toISOString(), endAt: new Date(start.getTime() + 3 * 3_600_000).toISOString() };
}

export function masterclassInput(company: string, overrides: Partial<OfferInput> = {}): OfferInput {
  return {
    hostInstitutionId: company, kind: 'masterclass', title: 'Masterclass warmtepompen', description: 'Zelf een warmtepomp inregelen.',
    iscedCodes: ['0713'], onRequest: false, capacity: 100, creditedHours: 4, preparation: 'Neem je leervragen mee.', sessions: [futureSession(30)],
    ...overrides,
  };
}

const cache = new Map<string, Promise<OfferFixture>>();

export function offerFixture(h: Harness, f: { nid: string; ex: { managerId: string }; reportAuthor: string; inst: string }): Promise<OfferFixture> {
  let fixture = cache.get(f.nid);
  if (!fixture) {
    fixture = (async () => {
      const db = h.deps.db;
      const [company] = await db.select({ id: institutions.id }).from(institutions).where(and(eq(institutions.networkId, f.nid), eq(institutions.kind, 'company')));
      const manager = coordinatorActor(f.nid, f.ex.managerId);
      await makeLocation(db, f.nid, company!.id);
      const master = await publishOffer(h.deps, manager, f.nid, masterclassInput(company!.id));
      const onRequest = await publishOffer(h.deps, manager, f.nid, masterclassInput(company!.id, { kind: 'teacher_internship', title: 'Docentstage installatietechniek', onRequest: true, sessions: [], internshipForm: 'exploratory' }));
      await registerForSession(h.deps, teacherActor(f.nid, f.reportAuthor, f.inst), f.nid, master.sessions[0]!.id, { confirmClash: true, waitlist: true });
      const teacher = teacherActor(f.nid, f.reportAuthor, f.inst);
      const team = await startDesignTeam(h.deps, teacher, f.nid, { name: 'DOT duurzame installaties', goal: 'Een lessenserie warmtepompen', memberIds: [] });
      const planned = await planDesignTeamMeeting(h.deps, teacher, f.nid, team.id, { ...futureSession(9), locationId: null });
      return { company: company!.id, masterclass: master.id, session: master.sessions[0]!.id, onRequest: onRequest.id, team: team.id, meeting: planned.meetings[0]!.id };
    })();
    cache.set(f.nid, fixture);
  }
  return fixture;
}

/** A fresh masterclass (for routes that change or use up what they touch). */
export async function freshOffer(h: Harness, f: { nid: string; ex: { managerId: string } }, company: string) {
  return publishOffer(h.deps, coordinatorActor(f.nid, f.ex.managerId), f.nid, masterclassInput(company));
}

export async function membersOf(h: Harness, nid: string) {
  return h.deps.db.select().from(memberships).where(eq(memberships.networkId, nid));
}
