// Response shapes, inferred from the domain's zod schemas (web imports schemas only).
import { z } from 'zod';
import type { institutionSchema, locationSchema } from '../../../src/domain/foundation/institution/schema.ts';
import type { programmeSchema } from '../../../src/domain/foundation/programme/schema.ts';
import type { personSchema, meSchema, membershipSchema, Role } from '../../../src/domain/foundation/person/schema.ts';
import type { invitationSchema, invitationPublicSchema } from '../../../src/domain/foundation/invitation/schema.ts';
import type { importReportSchema } from '../../../src/domain/foundation/csv-import/schema.ts';
import type { outboxMessageSchema } from '../../../src/domain/foundation/mail/schema.ts';
import type { networkSchema } from '../../../src/domain/foundation/network/schema.ts';
import type { demoInfoSchema } from '../../../src/domain/foundation/auth/schema.ts';

export type Institution = z.infer<typeof institutionSchema>;
export type Location = z.infer<typeof locationSchema>;
export type Programme = z.infer<typeof programmeSchema>;
export type Person = z.infer<typeof personSchema>;
export type Me = z.infer<typeof meSchema>;
export type Membership = z.infer<typeof membershipSchema>;
export type Invitation = z.infer<typeof invitationSchema>;
export type InvitationPublic = z.infer<typeof invitationPublicSchema>;
export type ImportReport = z.infer<typeof importReportSchema>;
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;
export type Network = z.infer<typeof networkSchema>;
export type DemoInfo = z.infer<typeof demoInfoSchema>;
export type { Role };

// The server declares this shape in its reference route (src/server/routes/foundation/reference.ts),
// not in a domain schema.ts; it is mirrored here until it moves to src/domain/foundation/reference.
export const iscedFieldSchema = z.object({
  code: z.string(), level: z.enum(['broad', 'narrow', 'detailed']), broad: z.string(), narrow: z.string().nullable(), en: z.string(), nl: z.string().nullable(),
});
export type IscedField = z.infer<typeof iscedFieldSchema>;
