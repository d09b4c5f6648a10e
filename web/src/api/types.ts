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

export { iscedFieldSchema, type IscedField } from '../../../src/domain/foundation/reference/schema.ts';
