import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, timestamp, integer, jsonb, date, doublePrecision, index, uniqueIndex, boolean, primaryKey, customType } from 'drizzle-orm/pg-core';
import { networks, people } from './foundation.ts';

// The teacher's professional record: activities added by hand (the practices offer theirs through
// the record-activity port and keep them in their own tables), the teacher's choices per activity
// (classification, what the team lead sees), the lasting-effect question some weeks later, counted
// anonymously per practice, and Open Badges 3.0 credentials signed with the network's key.

/** Per-network settings of the record. */
export const recordSettings = pgTable('record_settings', {
  networkId: uuid('network_id').primaryKey().references(() => networks.id, { onDelete: 'cascade' }),
  /** Days after an activity at which the lasting-effect question is asked (three months by default). */
  followUpDays: integer('follow_up_days').notNull().default(91),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** An activity the teacher added by hand, with evidence. */
export const recordManualActivities = pgTable('record_manual_activities', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  title: text('title').notNull(),
  date: date('date', { mode: 'string' }).notNull(),
  hours: doublePrecision('hours').notNull(),
  contactHours: doublePrecision('contact_hours').notNull(),
  primaryProcess: boolean('primary_process').notNull(),
  subjectSpecific: boolean('subject_specific').notNull().default(false),
  evidenceUrl: text('evidence_url'),
  evidenceNote: text('evidence_note').notNull().default(''),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('record_manual_person').on(t.networkId, t.personId, t.date)]);

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/** A file of evidence (a certificate, a photo of an attendance list, a spreadsheet) of an activity added by hand. */
export const recordEvidenceFiles = pgTable('record_evidence_files', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  activityId: uuid('activity_id').notNull().references(() => recordManualActivities.id, { onDelete: 'cascade' }),
  /** The file name as shown and offered on download (made safe: no path, no control characters). */
  name: text('name').notNull(),
  /** The media type the server determined from the bytes (never the one the browser sent). */
  type: text('type').notNull(),
  size: integer('size').notNull(),
  bytes: bytea('bytes').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('record_evidence_files_activity').on(t.activityId, t.createdAt)]);

/** The teacher's choices about one activity of any source: what the team lead sees, and its classification. */
export const recordEntrySettings = pgTable('record_entry_settings', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  source: text('source').notNull(),
  sourceId: text('source_id').notNull(),
  visibleToLead: boolean('visible_to_lead').notNull().default(false),
  subjectSpecific: boolean('subject_specific'),
  primaryProcess: boolean('primary_process'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('record_entry_settings_key').on(t.networkId, t.personId, t.source, t.sourceId)]);

/** The lasting-effect question of one activity: asked once, answered once (the answer goes to the learner report). */
export const recordFollowUps = pgTable('record_follow_ups', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  source: text('source').notNull(),
  sourceId: text('source_id').notNull(),
  title: text('title').notNull(),
  activityDate: date('activity_date', { mode: 'string' }).notNull(),
  askedAt: timestamp('asked_at', { withTimezone: true }).notNull(),
  answeredAt: timestamp('answered_at', { withTimezone: true }),
}, (t) => [uniqueIndex('record_follow_ups_key').on(t.networkId, t.personId, t.source, t.sourceId)]);

/** Anonymous counts of lasting-effect answers per practice item (edition, offer, leerlab …): no person. */
export const recordEffectCounts = pgTable('record_effect_counts', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  source: text('source').notNull(),
  sourceId: text('source_id').notNull(),
  changed: integer('changed').notNull().default(0),
  partly: integer('partly').notNull().default(0),
  unchanged: integer('unchanged').notNull().default(0),
}, (t) => [uniqueIndex('record_effect_counts_key').on(t.networkId, t.source, t.sourceId)]);

/** The network's signing key (Ed25519, Multikey encoding); the secret never leaves the server. */
export const credentialKeys = pgTable('credential_keys', {
  networkId: uuid('network_id').primaryKey().references(() => networks.id, { onDelete: 'cascade' }),
  publicKeyMultibase: text('public_key_multibase').notNull(),
  secretKeyMultibase: text('secret_key_multibase').notNull(),
  /** How many status-list positions were handed out (the next badge takes this number's position). */
  statusCounter: integer('status_counter').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** An issued OpenBadgeCredential (the signed JSON as issued) and its revocation. */
export const credentials = pgTable('credentials', {
  id: uuid('id').primaryKey(),
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  source: text('source').notNull(),
  sourceId: text('source_id').notNull(),
  title: text('title').notNull(),
  document: jsonb('document').notNull(),
  issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  revokedBy: uuid('revoked_by'),
  /** Its place in the network's Bitstring Status List (list number and bit index), named in its credentialStatus. */
  statusList: integer('status_list'),
  statusIndex: integer('status_index'),
}, (t) => [index('credentials_person').on(t.networkId, t.personId), uniqueIndex('credentials_status').on(t.networkId, t.statusList, t.statusIndex)]);

/**
 * The network's revocation lists (W3C Bitstring Status List v1.0) as served: a signed
 * BitstringStatusListCredential whose encoded bitstring is the truth about revocation (it
 * outlives an erased credential row). Re-signed when a bit flips.
 */
export const credentialStatusLists = pgTable('credential_status_lists', {
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  list: integer('list').notNull(),
  document: jsonb('document').$type<Record<string, unknown>>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.networkId, t.list] })]);
