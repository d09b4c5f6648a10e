import { and, asc, eq } from 'drizzle-orm';
import type { Harness } from '../../support/harness.ts';
import { makeInstitution, makePerson } from '../../support/factories.ts';
import { memberships } from '../../../src/db/schema/index.ts';
import type { Actor } from '../../../src/domain/foundation/auth/types.ts';
import { addTwinningGoal, planTwinMeeting, proposeTwin } from '../../../src/domain/twinning/twin/actions.ts';

// Job Twinning for tests, through the actions: an active twin of the network's teacher actor and
// its first professional (made when there is none), a goal of the teacher, a meeting last week.

export function coordinatorActor(networkId: string, personId: string): Actor {
  return { personId, name: 'Coördinator', email: 'coordinator@example.nl', locale: 'nl', memberships: [{ networkId, institutionId: null, role: 'network_coordinator' }] };
}

export function personActor(networkId: string, personId: string, role: 'teacher' | 'professional', institutionId: string | null = null): Actor {
  return { personId, name: 'Persoon', email: 'p@example.nl', locale: 'nl', memberships: [{ networkId, institutionId, role }] };
}

export interface TwinningFixture { twin: string; goal: string; meeting: string }

async function firstProfessional(h: Harness, nid: string): Promise<string> {
  const [row] = await h.deps.db.select({ id: memberships.personId }).from(memberships)
    .where(and(eq(memberships.networkId, nid), eq(memberships.role, 'professional'))).orderBy(asc(memberships.createdAt)).limit(1);
  if (row) return row.id;
  const company = await makeInstitution(h.deps.db, nid, { kind: 'company' });
  return (await makePerson(h.deps.db, nid, 'professional', company.id)).id;
}

const cache = new Map<string, Promise<TwinningFixture>>();

export function twinningFixture(h: Harness, f: { nid: string; reportAuthor: string; ex: { managerId: string } }): Promise<TwinningFixture> {
  let fixture = cache.get(f.nid);
  if (!fixture) {
    fixture = (async () => {
      const professional = await firstProfessional(h, f.nid);
      const overview = await addTwinningGoal(h.deps, personActor(f.nid, f.reportAuthor, 'teacher'), f.nid, 'Actuele warmtepomptechniek in mijn lessen brengen');
      const coordinator = coordinatorActor(f.nid, f.ex.managerId);
      const twin = await proposeTwin(h.deps, coordinator, f.nid, { teacherId: f.reportAuthor, professionalId: professional });
      const lastWeek = new Date(Date.now() - 7 * 86_400_000);
      const planned = await planTwinMeeting(h.deps, coordinator, f.nid, twin.id, { form: 'coffee', title: 'Kennismaken', startAt: lastWeek.toISOString(), endAt: new Date(lastWeek.getTime() + 3_600_000).toISOString(), location: 'Kantine' });
      return { twin: twin.id, goal: overview.goals[0]!.id, meeting: planned.meetingList[0]!.id };
    })();
    cache.set(f.nid, fixture);
  }
  return fixture;
}

/** A fresh teacher and professional (for routes that pair people). */
export async function freshPair(h: Harness, nid: string) {
  const company = await makeInstitution(h.deps.db, nid, { kind: 'company' });
  const school = await makeInstitution(h.deps.db, nid, { kind: 'mbo' });
  const teacher = await makePerson(h.deps.db, nid, 'teacher', school.id);
  const professional = await makePerson(h.deps.db, nid, 'professional', company.id);
  return { teacherId: teacher.id, professionalId: professional.id, schoolId: school.id };
}
