import type { Tx } from '../../db/client.ts';
import type { AuthorizedNetworkId } from '../foundation/auth/types.ts';
import { getEdition, listEditionInstitutions } from './edition/data.ts';
import { listRegistrations } from './registration/data.ts';
import { listEditionVisits, listEvaluations, listPersonVisits } from './visit/data.ts';

// What other areas may use of the exchange week: which edition a person's visits belong to (the
// record links an edition to the learner reports that reflect its visits), and the facts of one
// edition (a practice example is drafted from them).

/** visit id → edition id, for the person's visits in the network. */
export async function exchangeVisitEditions(tx: Tx, networkId: AuthorizedNetworkId, personId: string): Promise<Map<string, string>> {
  return new Map((await listPersonVisits(tx, networkId, personId)).map((row) => [row.visit.id, row.visit.editionId]));
}

export interface ExchangeEditionFacts {
  id: string;
  name: string;
  description: string;
  status: string;
  windowStart: string;
  windowEnd: string;
  creditedHours: number;
  institutions: { name: string; kind: string }[];
  registered: number;
  pairs: number;
  visitsDone: number;
  evaluations: number;
  /** Average of the overall mark (1–5), null without evaluations. */
  overallAverage: number | null;
  /** Share (0–100) that would recommend it, null without evaluations. */
  recommendPercent: number | null;
}

/** The countable facts of one edition (no names of teachers, no texts). */
export async function exchangeEditionFacts(tx: Tx, networkId: AuthorizedNetworkId, editionId: string): Promise<ExchangeEditionFacts | null> {
  const edition = await getEdition(tx, networkId, editionId);
  if (!edition) return null;
  const institutions = await listEditionInstitutions(tx, networkId, editionId);
  const registrations = await listRegistrations(tx, networkId, editionId);
  const visits = await listEditionVisits(tx, networkId, editionId);
  const evaluations = await listEvaluations(tx, networkId, editionId);
  const pairs = new Set(visits.map((v) => [v.visit.observerId, v.visit.hostId].sort().join('|')));
  const n = evaluations.length;
  return {
    id: edition.id, name: edition.name, description: edition.description, status: edition.status,
    windowStart: String(edition.windowStart), windowEnd: String(edition.windowEnd), creditedHours: Number(edition.creditedHours),
    institutions: institutions.map((i) => ({ name: i.name, kind: i.kind })),
    registered: registrations.length,
    pairs: pairs.size,
    visitsDone: visits.filter((v) => v.visit.status === 'done').length,
    evaluations: n,
    overallAverage: n ? Math.round((evaluations.reduce((s, e) => s + e.overall, 0) / n) * 10) / 10 : null,
    recommendPercent: n ? Math.round((evaluations.filter((e) => e.wouldRecommend).length / n) * 100) : null,
  };
}
