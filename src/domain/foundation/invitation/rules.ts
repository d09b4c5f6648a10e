import type { Role } from '../person/schema.ts';
import { networkRoles } from '../person/schema.ts';

export type InvitationStatus = 'pending' | 'accepted' | 'expired' | 'revoked';

export function invitationStatus(row: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now: Date): InvitationStatus {
  if (row.acceptedAt) return 'accepted';
  if (row.revokedAt) return 'revoked';
  if (row.expiresAt <= now) return 'expired';
  return 'pending';
}

/** Network roles have no institution; every other role belongs to one. */
export function invitationRoleNeedsInstitution(role: Role): boolean {
  return !networkRoles.includes(role);
}
