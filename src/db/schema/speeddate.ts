import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, timestamp, integer, index, uniqueIndex, primaryKey } from 'drizzle-orm/pg-core';
import { networks, people } from './foundation.ts';

// Speeddates: an event with tables, rounds and a clock; the invited teachers and the network's
// professionals; the rotation (one row per teacher per round); after the event, whom each
// participant would like to meet again (mutual choices become Job Twinning suggestions).

export const speeddateEvents = pgTable('speeddate_events', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  title: text('title').notNull(),
  /** The first round starts here. */
  startAt: timestamp('start_at', { withTimezone: true }).notNull(),
  place: text('place').notNull().default(''),
  tableCount: integer('table_count').notNull(),
  seatsPerTable: integer('seats_per_table').notNull(),
  rounds: integer('rounds').notNull(),
  roundMinutes: integer('round_minutes').notNull(),
  changeoverMinutes: integer('changeover_minutes').notNull().default(0),
  /** After this round a break of breakMinutes (null: no break). */
  breakAfterRound: integer('break_after_round'),
  breakMinutes: integer('break_minutes').notNull().default(0),
  /** Raised at every change, for the calendar invitation's SEQUENCE. */
  sequence: integer('sequence').notNull().default(0),
  /** While the room clock is paused: since when (null: running). */
  pausedAt: timestamp('paused_at', { withTimezone: true }),
  /** Milliseconds of earlier pauses; every round after a pause starts that much later. */
  pausedMs: integer('paused_ms').notNull().default(0),
  createdBy: uuid('created_by').references(() => people.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('speeddate_events_network').on(t.networkId, t.startAt)]);

/** A teacher (invited → registered / declined → arrived / no-show) or a professional (with a table). */
export const speeddateParticipants = pgTable('speeddate_participants', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  eventId: uuid('event_id').notNull().references(() => speeddateEvents.id, { onDelete: 'cascade' }),
  personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  role: text('role').notNull(),
  /** A professional's table (1-based). */
  tableNo: integer('table_no'),
  status: text('status').notNull().default('invited'),
  checkedAt: timestamp('checked_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('speeddate_participants_person').on(t.eventId, t.personId), index('speeddate_participants_network').on(t.networkId, t.personId)]);

/** The rotation: teacher at the professional's table in a round. Rounds that began are never rewritten. */
export const speeddateSeats = pgTable('speeddate_seats', {
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  eventId: uuid('event_id').notNull().references(() => speeddateEvents.id, { onDelete: 'cascade' }),
  round: integer('round').notNull(),
  teacherId: uuid('teacher_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  professionalId: uuid('professional_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  tableNo: integer('table_no').notNull(),
}, (t) => [primaryKey({ columns: [t.eventId, t.round, t.teacherId] }), index('speeddate_seats_network').on(t.networkId, t.eventId)]);

/** "I would like to meet this person again." */
export const speeddateChoices = pgTable('speeddate_choices', {
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  eventId: uuid('event_id').notNull().references(() => speeddateEvents.id, { onDelete: 'cascade' }),
  chooserId: uuid('chooser_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  chosenId: uuid('chosen_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.eventId, t.chooserId, t.chosenId] }), index('speeddate_choices_network').on(t.networkId)]);
