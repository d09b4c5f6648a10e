import { AppError } from '../../../lib/errors.ts';
import type { Actor, Deps } from '../auth/types.ts';
import { policyAuthorize } from '../auth/policy.ts';
import { getNetwork, listAudit, listAuditKinds } from './data.ts';
import type { AuditFilter, AuditKinds, AuditPage, AuditQuery, Network } from './schema.ts';
import { auditCsvRender } from './rules.ts';
import { auditCursorDecode, auditCursorEncode } from './rules.ts';
import { demoExists, DEMO_LOGINS } from '../../../db/seed/demo.ts';

export async function readNetwork(deps: Deps, actor: Actor, networkId: string): Promise<Network> {
  const nid = policyAuthorize(actor, networkId, 'network:read');
  const row = await getNetwork(deps.db, nid);
  if (!row) throw new AppError('NOT_FOUND');
  return {
    id: row.id, name: row.name, slug: row.slug, isDemo: row.isDemo,
    counts: { institutions: row.institutions, people: row.people, programmes: row.programmes },
  };
}

/** One page of the network's audit log, newest first. */
export async function listNetworkAudit(deps: Deps, actor: Actor, networkId: string, query: AuditQuery): Promise<AuditPage> {
  const nid = policyAuthorize(actor, networkId, 'audit:read');
  const before = query.cursor ? auditCursorDecode(query.cursor) : undefined;
  if (query.cursor && !before) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'cursor', code: 'FIELD_INVALID' }] });
  const { limit: _limit, cursor: _cursor, ...filter } = query;
  const rows = await listAudit(deps.db, nid, { limit: query.limit + 1, before, filter });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    entries: page.map(({ position: _position, ...r }) => ({ ...r, data: r.data ?? null, at: r.at.toISOString() })),
    nextCursor: rows.length > query.limit && last ? auditCursorEncode({ at: last.position, id: last.id }) : null,
  };
}

/** The most recent AUDIT_CSV_MAX entries of the audit log that match the filters, as semicolon CSV. */
export async function exportNetworkAudit(deps: Deps, actor: Actor, networkId: string, filter: AuditFilter): Promise<string> {
  const nid = policyAuthorize(actor, networkId, 'audit:read');
  const rows = await listAudit(deps.db, nid, { limit: AUDIT_CSV_MAX, filter });
  return auditCsvRender(rows.map((r) => ({ ...r, at: r.at.toISOString() })));
}

const AUDIT_CSV_MAX = 50_000;

/** The actions and entities in the audit log, for the filters. */
export async function listNetworkAuditKinds(deps: Deps, actor: Actor, networkId: string): Promise<AuditKinds> {
  return listAuditKinds(deps.db, policyAuthorize(actor, networkId, 'audit:read'));
}

/** Whether this installation runs the demo, and its logins (shown on the login page only then). */
export async function getDemoInfo(deps: Deps) {
  const demo = deps.config.KRUISPUNT_DEMO && (await demoExists(deps.db));
  return { demo, logins: demo ? DEMO_LOGINS.map((l) => ({ ...l })) : [] };
}
