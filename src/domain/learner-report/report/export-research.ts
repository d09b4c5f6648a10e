import { recordAudit } from '../../foundation/network/mutations.ts';
import type { Actor, Deps } from '../../foundation/auth/types.ts';
import { getIscedField } from '../../foundation/reference/data.ts';
import { typologyIsCode, typologyIsFormal } from '../../../engine/typology/index.ts';
import { policyLearnerReportResearch } from './policy.ts';
import { listActivityFacts, listResearchContext } from './data.ts';
import { learnerReportCsv, learnerReportPseudonym } from './rules.ts';
import { loadNetworkSettings } from './actions.ts';

// The anonymised research export: one row per typed activity of a completed report, with a
// pseudonymous teacher key (HMAC-SHA256 of the person id with the network's own secret:
// stable within the network, not linkable across networks), the period, the type, formal or
// informal, the kind of the teacher's institution and the broad ISCED-F field of their
// programme(s). Never any text, name or e-mail: the query behind it selects none.

export const RESEARCH_COLUMNS = ['teacher_key', 'period_start', 'period_end', 'type', 'formal', 'institution_kind', 'isced_broad_field', 'isced_broad_label'] as const;

export async function exportLearnerReportResearch(deps: Deps, actor: Actor, networkId: string): Promise<{ filename: string; csv: string }> {
  const nid = policyLearnerReportResearch(actor, networkId);
  await recordAudit(deps.db, nid, actor.personId, 'export', 'learner_report_research', null, { format: 'csv' });
  const settings = await loadNetworkSettings(deps.db, nid);
  const facts = await listActivityFacts(deps.db, nid, 'all');
  const context = await listResearchContext(deps.db, nid, [...new Set(facts.map((f) => f.personId))]);
  const kindOf = new Map<string, string>();
  for (const k of context.kinds) if (!kindOf.has(k.personId)) kindOf.set(k.personId, k.kind);
  const fieldsOf = new Map<string, Set<string>>();
  for (const f of context.fields) {
    const broad = f.iscedCode.slice(0, 2);
    if (!fieldsOf.has(f.personId)) fieldsOf.set(f.personId, new Set());
    fieldsOf.get(f.personId)!.add(broad);
  }
  const rows = facts
    .filter((f) => typologyIsCode(f.type))
    .map((f) => {
      const broad = [...(fieldsOf.get(f.personId) ?? [])].sort();
      const type = f.type as Parameters<typeof typologyIsFormal>[0];
      return [
        learnerReportPseudonym(settings.researchSecret, f.personId), f.periodStart, f.periodEnd, type, typologyIsFormal(type) ? 'formal' : 'informal',
        kindOf.get(f.personId) ?? '', broad.join('|'), broad.map((b) => getIscedField(b)?.en ?? '').join('|'),
      ];
    })
    .sort((a, b) => a.join(';').localeCompare(b.join(';')));
  return { filename: `learner-reports-research-${new Date(deps.now()).toISOString().slice(0, 10)}.csv`, csv: learnerReportCsv(RESEARCH_COLUMNS, rows) };
}
