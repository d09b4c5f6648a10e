import type { Actor, Deps } from '../auth/types.ts';
import { policyAuthorize } from '../auth/policy.ts';
import { deleteRowsOlderThan } from './mutations.ts';
import type { RetentionEntry } from './schema.ts';

// Retention: every kind of data with the period it is kept, applied by the hourly job. Sessions,
// login throttling and login states are pruned by the auth and identity-provider nouns on the same
// tick; tables declared by the areas (`retention` in their module) are pruned here.

const DAY_MS = 86_400_000;

/** What Kruispunt keeps how long, with the setting behind each period (for the beheerder). */
export function listRetentionRules(deps: Deps): RetentionEntry[] {
  const c = deps.config;
  const own: RetentionEntry[] = [
    { area: 'foundation', table: 'sessions', period: { value: c.SESSION_IDLE_MINUTES, unit: 'minutes' }, setting: 'SESSION_IDLE_MINUTES', appliedBy: 'hourly', note: `A session ends after this idle time, and at the latest ${c.SESSION_ABSOLUTE_HOURS} hours after the login (SESSION_ABSOLUTE_HOURS); ended sessions are removed.` },
    { area: 'foundation', table: 'auth_throttle', period: { value: c.RETENTION_LOGIN_THROTTLE_HOURS, unit: 'hours' }, setting: 'RETENTION_LOGIN_THROTTLE_HOURS', appliedBy: 'hourly', note: 'Login and reset throttling (e-mail address and IP address) after the last attempt.' },
    { area: 'foundation', table: 'oidc_login_states', period: { value: 10, unit: 'minutes' }, setting: null, appliedBy: 'hourly', note: 'A login through an identity provider in progress.' },
  ];
  const declared = deps.ports.retentionRules.map((r): RetentionEntry => ('setting' in r
    ? { area: r.area, table: r.table, period: { value: c[r.setting], unit: 'days' }, setting: r.setting, appliedBy: 'hourly', note: r.note }
    : { area: r.area, table: r.table, period: null, setting: null, appliedBy: 'area', note: r.note }));
  return [...own, ...declared];
}

export function readRetention(deps: Deps, actor: Actor, networkId: string): RetentionEntry[] {
  policyAuthorize(actor, networkId, 'platform:manage');
  return listRetentionRules(deps);
}

/** The hourly job: removes the rows of every declared table that are older than their period. */
export async function applyRetention(deps: Deps): Promise<Record<string, number>> {
  const now = deps.now();
  const removed: Record<string, number> = {};
  for (const rule of deps.ports.retentionRules) {
    if (!('setting' in rule)) continue;
    const cutoff = new Date(now.getTime() - deps.config[rule.setting] * DAY_MS);
    const n = await deleteRowsOlderThan(deps.db, rule.table, rule.column, cutoff);
    if (n > 0) removed[rule.table] = n;
  }
  if (Object.keys(removed).length) deps.log.info({ removed }, 'rows removed after their retention period');
  return removed;
}
