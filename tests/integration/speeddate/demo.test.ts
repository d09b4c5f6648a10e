import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harnessStart, type Harness, type ApiClient } from '../../support/harness.ts';
import { demoLogin, demoNetworkId } from '../../support/demo.ts';
import type { Speeddate, SpeeddateSummary } from '../../../src/domain/speeddate/event/schema.ts';
import type { TwinningOverview } from '../../../src/domain/twinning/twin/schema.ts';

// The demo network holds a speeddate that took place (with a mutual choice of the demo docent),
// Job Twinning (a running twin with logged meetings, a proposal, suggestions) and an open
// placement round of teacher internships.

let h: Harness;
let coordinator: ApiClient;
let docent: ApiClient;
let nid: string;

beforeAll(async () => {
  h = await harnessStart({ demo: true, smtp: false });
  coordinator = await demoLogin(h, 'network_coordinator');
  docent = await demoLogin(h, 'teacher');
  nid = await demoNetworkId(docent);
});

afterAll(async () => {
  await h?.stop();
});

describe('demo: speeddate and Job Twinning', () => {
  it('has a speeddate that took place, with a mutual choice', async () => {
    const list = (await coordinator.request('GET', `/api/networks/${nid}/speeddates`)).body as SpeeddateSummary[];
    expect(list).toHaveLength(1);
    const event = (await coordinator.request('GET', `/api/networks/${nid}/speeddates/${list[0]!.id}`)).body as Speeddate;
    expect(event.seats.length).toBeGreaterThan(0);
    expect(event.mutual).toHaveLength(1);
    const mine = (await docent.request('GET', `/api/networks/${nid}/speeddates/${list[0]!.id}`)).body as Speeddate;
    expect(mine.met.length).toBeGreaterThan(0);
  });

  it('has a running twin with logged meetings, a proposal and suggestions', async () => {
    const overview = (await coordinator.request('GET', `/api/networks/${nid}/twinning`)).body as TwinningOverview;
    expect(overview.twins.map((t) => t.status).sort()).toEqual(['active', 'proposed']);
    expect(overview.twins.find((t) => t.status === 'active')!.hours).toBe(4);
    expect(overview.suggestions.some((s) => s.reason.speeddate)).toBe(true);
    expect(overview.suggestions.some((s) => s.reason.fields.length > 0)).toBe(true);
  });

  it('has an open placement round of teacher internships where the two modes can be compared', async () => {
    const rounds = (await coordinator.request('GET', `/api/networks/${nid}/placement-rounds`)).body as { id: string; status: string; rankings: number }[];
    expect(rounds).toEqual([expect.objectContaining({ status: 'open', rankings: 5 })]);
    const cmp = await coordinator.request('GET', `/api/networks/${nid}/placement-rounds/${rounds[0]!.id}/comparison`);
    expect(cmp.status).toBe(200);
    expect(cmp.body.stable.placed).toBeGreaterThan(0);
  });
});
