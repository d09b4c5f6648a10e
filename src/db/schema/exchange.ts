import { sql } from 'drizzle-orm';
import {
  pgTable, uuid, text, timestamp, pgEnum, integer, jsonb, date, numeric, index, uniqueIndex, boolean,
} from 'drizzle-orm/pg-core';
import { networks, institutions, people, locations } from './foundation.ts';

// The exchange week (Week van de docentuitwisseling): editions, registrations, matching runs,
// published pairs and visits with stable calendar UIDs, calendar feeds, reflections, evaluations.

export const editionStatus = pgEnum('edition_status', [
  'draft', 'announced', 'registration_open', 'matching', 'published', 'running', 'evaluation', 'closed',
]);

export const editions = pgTable('editions', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  status: editionStatus('status').notNull().default('draft'),
  sideALabel: text('side_a_label').notNull().default('mbo'),
  sideBLabel: text('side_b_label').notNull().default('hbo'),
  windowStart: date('window_start').notNull(),
  windowEnd: date('window_end').notNull(),
  announcementDate: date('announcement_date').notNull(),
  registrationDeadline: date('registration_deadline').notNull(),
  creditedHours: numeric('credited_hours', { precision: 5, scale: 1 }).notNull().default('8'),
  groupSize: text('group_size').notNull().default('pair'),
  rules: jsonb('rules').notNull().default(sql`'{}'::jsonb`),
  publicSlug: text('public_slug').notNull().unique(),
  copiedFromId: uuid('copied_from_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('editions_network').on(t.networkId)]);

export const editionInstitutions = pgTable('edition_institutions', {
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  editionId: uuid('edition_id').notNull().references(() => editions.id, { onDelete: 'cascade' }),
  institutionId: uuid('institution_id').notNull().references(() => institutions.id, { onDelete: 'cascade' }),
  side: text('side').notNull(),
}, (t) => [uniqueIndex('edition_institutions_pk').on(t.editionId, t.institutionId)]);

export const editionInvites = pgTable('edition_invites', {
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  editionId: uuid('edition_id').notNull().references(() => editions.id, { onDelete: 'cascade' }),
  personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  invitedAt: timestamp('invited_at', { withTimezone: true }).notNull().defaultNow(),
  remindersSent: integer('reminders_sent').notNull().default(0),
  lastReminderAt: timestamp('last_reminder_at', { withTimezone: true }),
}, (t) => [uniqueIndex('edition_invites_pk').on(t.editionId, t.personId)]);

export const registrations = pgTable('registrations', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  editionId: uuid('edition_id').notNull().references(() => editions.id, { onDelete: 'cascade' }),
  personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  institutionId: uuid('institution_id').notNull().references(() => institutions.id, { onDelete: 'cascade' }),
  side: text('side').notNull(),
  programmeIds: jsonb('programme_ids').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  wishes: jsonb('wishes').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  preferredPersonIds: jsonb('preferred_person_ids').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  travelMode: text('travel_mode').notNull().default('transit'),
  maxTravelMinutes: integer('max_travel_minutes').notNull().default(45),
  baseLocationId: uuid('base_location_id').references(() => locations.id, { onDelete: 'set null' }),
  unavailableDates: jsonb('unavailable_dates').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  note: text('note').notNull().default(''),
  /** Left without a partner and wants a place in a next run (the coordinator sees the list). */
  waitlist: boolean('waitlist').notNull().default(false),
  withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('registrations_edition_person').on(t.editionId, t.personId),
  // The registration list and the editions' counts read by network and edition (it also serves reads by network).
  index('registrations_network_edition').on(t.networkId, t.editionId),
]);

export const pairRules = pgTable('pair_rules', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  editionId: uuid('edition_id').notNull().references(() => editions.id, { onDelete: 'cascade' }),
  aPersonId: uuid('a_person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  bPersonId: uuid('b_person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  kind: text('kind').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('pair_rules_unique').on(t.editionId, t.aPersonId, t.bPersonId)]);

export const matchingRuns = pgTable('matching_runs', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  editionId: uuid('edition_id').notNull().references(() => editions.id, { onDelete: 'cascade' }),
  number: integer('number').notNull(),
  status: text('status').notNull().default('queued'),
  progress: integer('progress').notNull().default(0),
  phase: text('phase').notNull().default('QUEUED'),
  input: jsonb('input'),
  output: jsonb('output'),
  summary: jsonb('summary'),
  error: text('error'),
  createdBy: uuid('created_by').references(() => people.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
}, (t) => [uniqueIndex('matching_runs_number').on(t.editionId, t.number)]);

export const exchangePairs = pgTable('exchange_pairs', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  editionId: uuid('edition_id').notNull().references(() => editions.id, { onDelete: 'cascade' }),
  runId: uuid('run_id').notNull().references(() => matchingRuns.id, { onDelete: 'cascade' }),
  aPersonId: uuid('a_person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  bPersonId: uuid('b_person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  score: integer('score').notNull(),
  trio: boolean('trio').notNull().default(false),
  reasons: jsonb('reasons').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
}, (t) => [index('exchange_pairs_edition').on(t.editionId)]);

export const visitStatus = pgEnum('visit_status', ['planned', 'cancelled', 'done', 'missed']);

export const visits = pgTable('visits', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  editionId: uuid('edition_id').notNull().references(() => editions.id, { onDelete: 'cascade' }),
  pairId: uuid('pair_id').references(() => exchangePairs.id, { onDelete: 'set null' }),
  observerId: uuid('observer_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  hostId: uuid('host_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  lessonStart: timestamp('lesson_start', { withTimezone: true }).notNull(),
  lessonEnd: timestamp('lesson_end', { withTimezone: true }).notNull(),
  leaveAt: timestamp('leave_at', { withTimezone: true }).notNull(),
  returnBy: timestamp('return_by', { withTimezone: true }).notNull(),
  locationId: uuid('location_id').references(() => locations.id, { onDelete: 'set null' }),
  travelMinutes: integer('travel_minutes').notNull().default(0),
  status: visitStatus('status').notNull().default('planned'),
  uid: text('uid').notNull().unique(),
  sequence: integer('sequence').notNull().default(0),
  checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
  checkedInBy: uuid('checked_in_by').references(() => people.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('visits_edition').on(t.editionId), index('visits_observer').on(t.observerId), index('visits_host').on(t.hostId)]);

export const reflections = pgTable('visit_reflections', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  visitId: uuid('visit_id').notNull().references(() => visits.id, { onDelete: 'cascade' }),
  personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  observed: text('observed').notNull().default(''),
  learned: text('learned').notNull().default(''),
  apply: text('apply').notNull().default(''),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('visit_reflections_unique').on(t.visitId, t.personId)]);

export const evaluations = pgTable('edition_evaluations', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  editionId: uuid('edition_id').notNull().references(() => editions.id, { onDelete: 'cascade' }),
  personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  overall: integer('overall').notNull(),
  partnerFit: integer('partner_fit').notNull(),
  organisation: integer('organisation').notNull(),
  wouldRecommend: boolean('would_recommend').notNull(),
  bestPart: text('best_part').notNull().default(''),
  improve: text('improve').notNull().default(''),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('edition_evaluations_unique').on(t.editionId, t.personId)]);

export const calendarFeeds = pgTable('calendar_feeds', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
}, (t) => [index('calendar_feeds_person').on(t.personId)]);

export const timetableSources = pgTable('timetable_sources', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  kind: text('kind').notNull(),
  url: text('url'),
  fileName: text('file_name'),
  lastImportAt: timestamp('last_import_at', { withTimezone: true }),
  lastReport: jsonb('last_report'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('timetable_sources_person').on(t.networkId, t.personId)]);
