import { and, eq } from 'drizzle-orm';
import type { Harness } from '../../support/harness.ts';
import { memberships } from '../../../src/db/schema/index.ts';
import type { Actor } from '../../../src/domain/foundation/auth/types.ts';
import { createSpeeddate } from '../../../src/domain/speeddate/event/actions.ts';
import type { SpeeddateInput } from '../../../src/domain/speeddate/event/schema.ts';

// A speeddate for tests, created through the action as a coordinator: every teacher and every
// professional of the network takes part, next month at 14:00.

export function coordinatorActor(networkId: string, personId: string): Actor {
  return { personId, name: 'Coördinator', email: 'coordinator@example.nl', locale: 'nl', memberships: [{ networkId, institutionId: null, role: 'network_coordinator' }] };
}

export function futureDate(days: number, now = new Date()): string {
  return new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

export function speeddateInput(overrides: Partial<SpeeddateInput> = {}): SpeeddateInput {
  return {
    title: 'Speeddate techniek', date: futureDate(30), startTime: '14:00', place: 'Aula ROC', tableCount: 20, seatsPerTable: 3,
    roundMinutes: 7, changeoverMinutes: 2, breakAfterRound: null, breakMinutes: 0, professionalIds: [], teacherIds: [], ...overrides,
  };
}

export async function membersWithRole(h: Harness, nid: string, role: 'teacher' | 'professional'): Promise<string[]> {
  const rows = await h.deps.db.select({ id: memberships.personId }).from(memberships).where(and(eq(memberships.networkId, nid), eq(memberships.role, role)));
  return [...new Set(rows.map((r) => r.id))];
}

const cache = new Map<string, Promise<string>>();

/** The id of a speeddate in the network that every teacher and professional of it takes part in. */
export function speeddateFixture(h: Harness, f: { nid: string; ex: { managerId: string } }): Promise<string> {
  let fixture = cache.get(f.nid);
  if (!fixture) {
    fixture = (async () => {
      const teacherIds = await membersWithRole(h, f.nid, 'teacher');
      const professionalIds = (await membersWithRole(h, f.nid, 'professional')).slice(0, 20);
      const event = await createSpeeddate(h.deps, coordinatorActor(f.nid, f.ex.managerId), f.nid, speeddateInput({ teacherIds, professionalIds }));
      return event.id;
    })();
    cache.set(f.nid, fixture);
  }
  return fixture;
}
