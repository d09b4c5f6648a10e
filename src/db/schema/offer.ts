import { sql } from 'drizzle-orm';
import {
  pgTable, uuid, text, timestamp, integer, jsonb, date, numeric, index, uniqueIndex, boolean,
} from 'drizzle-orm/pg-core';
import { networks, institutions, people, locations } from './foundation.ts';

// Leren buiten de school: the company directory, offers (guest lessons, company visits,
// masterclasses, teacher internships, school visits) with sessions, places and waitlists,
// requests for offers "on request", and the sandwich method (before, during, after).

/** A company's profile in the network's directory, kept by its own professionals. */
export const offerCompanies = pgTable('offer_companies', {
  institutionId: uuid('institution_id').primaryKey().references(() => institutions.id, { onDelete: 'cascade' }),
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  sector: text('sector').notNull().default(''),
  iscedCodes: jsonb('isced_codes').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  profile: text('profile').notNull().default(''),
  takesPupils: boolean('takes_pupils').notNull().default(false),
  committedOn: date('committed_on'),
  contactPersonIds: jsonb('contact_person_ids').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('offer_companies_network').on(t.networkId)]);

export const offers = pgTable('offers', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  hostInstitutionId: uuid('host_institution_id').notNull().references(() => institutions.id, { onDelete: 'cascade' }),
  kind: text('kind').notNull(),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  iscedCodes: jsonb('isced_codes').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  locationId: uuid('location_id').references(() => locations.id, { onDelete: 'set null' }),
  onRequest: boolean('on_request').notNull().default(false),
  capacity: integer('capacity').notNull(),
  deadline: date('deadline'),
  creditedHours: numeric('credited_hours', { precision: 5, scale: 1 }).notNull().default('0'),
  hostContactId: uuid('host_contact_id').references(() => people.id, { onDelete: 'set null' }),
  preparation: text('preparation').notNull().default(''),
  internshipForm: text('internship_form'),
  status: text('status').notNull().default('published'),
  createdBy: uuid('created_by').references(() => people.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('offers_network').on(t.networkId, t.hostInstitutionId)]);

/** One date and time of an offer; its row is locked while places are given out. */
export const offerSessions = pgTable('offer_sessions', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  offerId: uuid('offer_id').notNull().references(() => offers.id, { onDelete: 'cascade' }),
  startAt: timestamp('start_at', { withTimezone: true }).notNull(),
  endAt: timestamp('end_at', { withTimezone: true }).notNull(),
  status: text('status').notNull().default('planned'),
  agenda: text('agenda').notNull().default(''),
  tasks: text('tasks').notNull().default(''),
  takeaways: text('takeaways').notNull().default(''),
  feedback: text('feedback').notNull().default(''),
  planUpdatedAt: timestamp('plan_updated_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('offer_sessions_offer').on(t.networkId, t.offerId)]);

export const offerRegistrations = pgTable('offer_registrations', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  offerId: uuid('offer_id').notNull().references(() => offers.id, { onDelete: 'cascade' }),
  sessionId: uuid('session_id').notNull().references(() => offerSessions.id, { onDelete: 'cascade' }),
  personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  institutionId: uuid('institution_id').references(() => institutions.id, { onDelete: 'set null' }),
  /** confirmed | waitlisted | cancelled */
  status: text('status').notNull(),
  /** Order on the waitlist (and of registration). */
  queuedAt: timestamp('queued_at', { withTimezone: true }).notNull().defaultNow(),
  promotedAt: timestamp('promoted_at', { withTimezone: true }),
  promotionSeenAt: timestamp('promotion_seen_at', { withTimezone: true }),
  cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
  uid: text('uid').notNull(),
  sequence: integer('sequence').notNull().default(0),
  learningQuestions: text('learning_questions').notNull().default(''),
  notes: text('notes').notNull().default(''),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('offer_registrations_active').on(t.sessionId, t.personId).where(sql`${t.status} <> 'cancelled'`),
  index('offer_registrations_person').on(t.networkId, t.personId),
  index('offer_registrations_session').on(t.sessionId, t.status, t.queuedAt),
]);

/** A request for an offer "on request": the host accepts with a date and time, or declines. */
export const offerRequests = pgTable('offer_requests', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  offerId: uuid('offer_id').notNull().references(() => offers.id, { onDelete: 'cascade' }),
  personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  message: text('message').notNull().default(''),
  preferredDates: jsonb('preferred_dates').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  /** pending | accepted | declined */
  status: text('status').notNull().default('pending'),
  sessionId: uuid('session_id').references(() => offerSessions.id, { onDelete: 'set null' }),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('offer_requests_offer').on(t.networkId, t.offerId)]);

/** Reminders sent per registration and phase of the sandwich (once each). */
export const offerReminders = pgTable('offer_reminders', {
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  registrationId: uuid('registration_id').notNull().references(() => offerRegistrations.id, { onDelete: 'cascade' }),
  phase: text('phase').notNull(),
  sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('offer_reminders_once').on(t.registrationId, t.phase)]);

/** A teacher design team (DOT): teachers of several schools (companies may join) with a goal. */
export const offerTeams = pgTable('offer_teams', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  goal: text('goal').notNull().default(''),
  createdBy: uuid('created_by').references(() => people.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('offer_teams_network').on(t.networkId)]);

export const offerTeamMembers = pgTable('offer_team_members', {
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  teamId: uuid('team_id').notNull().references(() => offerTeams.id, { onDelete: 'cascade' }),
  personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  institutionId: uuid('institution_id').references(() => institutions.id, { onDelete: 'set null' }),
}, (t) => [uniqueIndex('offer_team_members_pk').on(t.teamId, t.personId)]);

export const offerTeamMeetings = pgTable('offer_team_meetings', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  teamId: uuid('team_id').notNull().references(() => offerTeams.id, { onDelete: 'cascade' }),
  startAt: timestamp('start_at', { withTimezone: true }).notNull(),
  endAt: timestamp('end_at', { withTimezone: true }).notNull(),
  locationId: uuid('location_id').references(() => locations.id, { onDelete: 'set null' }),
  log: text('log').notNull().default(''),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('offer_team_meetings_team').on(t.networkId, t.teamId, t.startAt)]);

export const offerTeamProducts = pgTable('offer_team_products', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  teamId: uuid('team_id').notNull().references(() => offerTeams.id, { onDelete: 'cascade' }),
  title: text('title').notNull(),
  url: text('url').notNull(),
  createdBy: uuid('created_by').references(() => people.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('offer_team_products_team').on(t.networkId, t.teamId)]);
