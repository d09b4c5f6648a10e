import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, timestamp, integer, jsonb, boolean, index, primaryKey } from 'drizzle-orm/pg-core';
import { networks, people } from './foundation.ts';
import { offers } from './offer.ts';

// Placement of teacher internships: a round over docentstage offers, the teachers' rankings, the
// companies' answers (accept with an optional rank, or decline), and the published result.

export const placementRounds = pgTable('placement_rounds', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  title: text('title').notNull(),
  maxRanks: integer('max_ranks').notNull(),
  offerIds: jsonb('offer_ids').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  status: text('status').notNull().default('open'),
  mode: text('mode'),
  createdBy: uuid('created_by').references(() => people.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  publishedAt: timestamp('published_at', { withTimezone: true }),
}, (t) => [index('placement_rounds_network').on(t.networkId)]);

/** A teacher's ranking: offer ids, most wanted first (rank = position + 1). */
export const placementRankings = pgTable('placement_rankings', {
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  roundId: uuid('round_id').notNull().references(() => placementRounds.id, { onDelete: 'cascade' }),
  teacherId: uuid('teacher_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  offerIds: jsonb('offer_ids').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.roundId, t.teacherId] }), index('placement_rankings_network').on(t.networkId)]);

/** A company's answer to an applicant: accept (with an optional rank) or decline. */
export const placementResponses = pgTable('placement_responses', {
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  roundId: uuid('round_id').notNull().references(() => placementRounds.id, { onDelete: 'cascade' }),
  offerId: uuid('offer_id').notNull().references(() => offers.id, { onDelete: 'cascade' }),
  teacherId: uuid('teacher_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  decision: text('decision').notNull(),
  rank: integer('rank'),
}, (t) => [primaryKey({ columns: [t.roundId, t.offerId, t.teacherId] }), index('placement_responses_network').on(t.networkId)]);

/** The published result: a place (with the rank the teacher gave it), or the waitlist; a coordinator may move it later (each move tells the teacher). */
export const placementResults = pgTable('placement_results', {
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  roundId: uuid('round_id').notNull().references(() => placementRounds.id, { onDelete: 'cascade' }),
  teacherId: uuid('teacher_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  offerId: uuid('offer_id').references(() => offers.id, { onDelete: 'set null' }),
  rank: integer('rank'),
  waitlist: boolean('waitlist').notNull().default(false),
  manual: boolean('manual').notNull().default(false),
  /** Raised at every change after publishing: the calendar invitation's SEQUENCE. */
  sequence: integer('sequence').notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.roundId, t.teacherId] }), index('placement_results_network').on(t.networkId)]);
