import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, timestamp, integer, jsonb, date, index, uniqueIndex, boolean } from 'drizzle-orm/pg-core';
import { networks, people } from './foundation.ts';

// Learner reports: a teacher's private account of their professional learning over a period
// (research protocol: five questions, up to N typed activities). The text lives only in
// `content` and `learner_report_revisions.content`; aggregates read the typed columns of the
// JSON through SQL and never select the text.

/** Per-network settings of learner reports (and the secret behind pseudonymous research keys). */
export const networkSettings = pgTable('network_settings', {
  networkId: uuid('network_id').primaryKey().references(() => networks.id, { onDelete: 'cascade' }),
  learnerReportMaxActivities: integer('learner_report_max_activities').notNull().default(5),
  /** HMAC key for pseudonymous teacher keys in the research export; never leaves the server. */
  researchSecret: text('research_secret').notNull(),
  /** Whether the types teachers confirm in completed reports train this network's suggestions. */
  typologyLearning: boolean('typology_learning').notNull().default(true),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const learnerReports = pgTable('learner_reports', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  periodStart: date('period_start', { mode: 'string' }).notNull(),
  periodEnd: date('period_end', { mode: 'string' }).notNull(),
  status: text('status').notNull().default('draft'),
  /** Increases by one with every stored save; a save must name the revision it was based on. */
  revision: integer('revision').notNull().default(1),
  /** { inventory: string[], activities: Activity[] } (see src/domain/learner-report/schema.ts). */
  content: jsonb('content').notNull(),
  completedAt: timestamp('completed_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('learner_reports_person').on(t.networkId, t.personId, t.periodEnd)]);

/** Every stored state of a report (the newest 50 per report are kept). */
export const learnerReportRevisions = pgTable('learner_report_revisions', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  reportId: uuid('report_id').notNull().references(() => learnerReports.id, { onDelete: 'cascade' }),
  revision: integer('revision').notNull(),
  /** The full saved state: period, status and content. */
  state: jsonb('state').notNull(),
  savedAt: timestamp('saved_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('learner_report_revisions_report_revision').on(t.reportId, t.revision)]);

/** Read access to one report for one named colleague, until withdrawn (the row is deleted). */
export const learnerReportShares = pgTable('learner_report_shares', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  reportId: uuid('report_id').notNull().references(() => learnerReports.id, { onDelete: 'cascade' }),
  personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('learner_report_shares_report_person').on(t.reportId, t.personId), index('learner_report_shares_person').on(t.networkId, t.personId)]);

/** One row per reminder sent; the unique key makes sending idempotent. */
export const learnerReportReminders = pgTable('learner_report_reminders', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  /** `period-end:<reportId>:<periodEnd>` or `cadence:<anchorDate>:<n>`. */
  dueKey: text('due_key').notNull(),
  sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('learner_report_reminders_due').on(t.networkId, t.personId, t.dueKey)]);

/** In-app notifications for one person in one network. */
export const notifications = pgTable('notifications', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  kind: text('kind').notNull(),
  payload: jsonb('payload').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  readAt: timestamp('read_at', { withTimezone: true }),
}, (t) => [index('notifications_person').on(t.networkId, t.personId, t.createdAt)]);

/**
 * The type a teacher gave an activity of a completed report, with the text's features only
 * (stems, word pairs, cue codes — never the text): training data for the network's typology
 * suggestions. Never shown to anyone; removed with the report.
 */
export const typologyConfirmations = pgTable('typology_confirmations', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  reportId: uuid('report_id').notNull().references(() => learnerReports.id, { onDelete: 'cascade' }),
  activityId: text('activity_id').notNull(),
  type: text('type').notNull(),
  features: jsonb('features').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('typology_confirmations_activity').on(t.reportId, t.activityId), index('typology_confirmations_network').on(t.networkId, t.createdAt)]);
