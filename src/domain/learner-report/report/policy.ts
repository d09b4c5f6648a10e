import { AppError } from '../../../lib/errors.ts';
import type { Actor, AuthorizedNetworkId } from '../../foundation/auth/types.ts';
import { policyAuthorize } from '../../foundation/auth/policy.ts';

// Who may see what of a learner report. Every read and write of learner-report data goes
// through one of these functions:
// - The TEXT of a report is read by its author, and by a colleague the author shared that
//   one report with (read-only), until the author withdraws the share. Nobody else: not the
//   team lead, not the network coordinator, not a beheerder.
// - Only the author changes a report, shares it or withdraws a share.
// - Counts (never text) are seen by team leads for their own institution(s) and by network
//   coordinators network-wide; the groups must hold LEARNER_REPORT_MIN_GROUP teachers.
// - The pseudonymous research export (no text) and the settings are for network coordinators
//   (settings also for beheerders).
// A member without access to a report gets FORBIDDEN; a non-member NOT_FOUND (policyAuthorize).

/** Any member of the network: writes their own reports, reads their own history and notifications. */
export function policyLearnerReportMember(actor: Actor, networkId: string): AuthorizedNetworkId {
  return policyAuthorize(actor, networkId, 'network:read');
}

export interface ReportAccessFacts {
  authorId: string;
  /** Persons the report is currently shared with. */
  sharedWith: readonly string[];
}

/** Read access to one report's text: 'owner', 'shared', or FORBIDDEN. */
export function policyLearnerReportRead(actor: Actor, report: ReportAccessFacts): 'owner' | 'shared' {
  if (report.authorId === actor.personId) return 'owner';
  if (report.sharedWith.includes(actor.personId)) return 'shared';
  throw new AppError('FORBIDDEN');
}

/** Changing, sharing, completing or deleting a report: its author only. */
export function policyLearnerReportWrite(actor: Actor, report: ReportAccessFacts): void {
  if (report.authorId !== actor.personId) throw new AppError('FORBIDDEN');
}

/**
 * The scope of the counts an actor may see: 'all' for a network coordinator, or the
 * institutions in which they are team lead. A requested institution narrows it (and must lie
 * inside it). Anyone else: FORBIDDEN.
 */
export function policyLearnerReportInsight(
  actor: Actor,
  networkId: string,
  institutionId?: string,
): { nid: AuthorizedNetworkId; institutionIds: 'all' | string[] } {
  const nid = policyLearnerReportMember(actor, networkId);
  const mine = actor.memberships.filter((m) => m.networkId === networkId);
  if (mine.some((m) => m.role === 'network_coordinator')) return { nid, institutionIds: institutionId ? [institutionId] : 'all' };
  const led = mine.filter((m) => m.role === 'team_lead' && m.institutionId).map((m) => m.institutionId as string);
  if (led.length === 0) throw new AppError('FORBIDDEN');
  if (institutionId) {
    if (!led.includes(institutionId)) throw new AppError('FORBIDDEN');
    return { nid, institutionIds: [institutionId] };
  }
  return { nid, institutionIds: led };
}

/** The pseudonymous research export: network coordinators only. */
export function policyLearnerReportResearch(actor: Actor, networkId: string): AuthorizedNetworkId {
  const nid = policyLearnerReportMember(actor, networkId);
  if (!actor.memberships.some((m) => m.networkId === networkId && m.role === 'network_coordinator')) throw new AppError('FORBIDDEN');
  return nid;
}

/** Learner-report settings of a network: network coordinators and beheerders. */
export function policyLearnerReportSettings(actor: Actor, networkId: string): AuthorizedNetworkId {
  const nid = policyLearnerReportMember(actor, networkId);
  if (!actor.memberships.some((m) => m.networkId === networkId && (m.role === 'network_coordinator' || m.role === 'admin'))) {
    throw new AppError('FORBIDDEN');
  }
  return nid;
}
