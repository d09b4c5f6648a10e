import { and, eq } from 'drizzle-orm';
import type { Harness } from '../../support/harness.ts';
import { institutions, offerRegistrations, offers, offerSessions } from '../../../src/db/schema/index.ts';

// A company visit that took place yesterday, written straight to the tables (an offer cannot be
// published with a past date): hosted by the network's company, with the teacher actor confirmed.
// The participants' evaluation routes use it as their item.

const cache = new Map<string, Promise<string>>();

export function finishedCompanyVisit(h: Harness, f: { nid: string; reportAuthor: string; inst: string }): Promise<string> {
  let fixture = cache.get(f.nid);
  if (!fixture) {
    fixture = (async () => {
      const db = h.deps.db;
      const [company] = await db.select({ id: institutions.id }).from(institutions).where(and(eq(institutions.networkId, f.nid), eq(institutions.kind, 'company')));
      const end = new Date(Date.now() - 86_400_000);
      const [offer] = await db.insert(offers).values({ networkId: f.nid, hostInstitutionId: company!.id, kind: 'company_visit', title: 'Bedrijfsbezoek gisteren', capacity: 10, creditedHours: '3' }).returning();
      const [session] = await db.insert(offerSessions).values({ networkId: f.nid, offerId: offer!.id, startAt: new Date(end.getTime() - 3 * 3_600_000), endAt: end }).returning();
      await db.insert(offerRegistrations).values({ networkId: f.nid, offerId: offer!.id, sessionId: session!.id, personId: f.reportAuthor, institutionId: f.inst, status: 'confirmed', uid: `evaluation-${session!.id}@kruispunt.test` });
      return offer!.id;
    })();
    cache.set(f.nid, fixture);
  }
  return fixture;
}
