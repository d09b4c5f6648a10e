import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, timestamp, pgEnum, index } from 'drizzle-orm/pg-core';
import { networks, people, locations, programmes } from './foundation.ts';

export const blockKind = pgEnum('block_kind', ['lesson', 'meeting', 'other']);

/** A busy block in a person's timetable (a lesson, a meeting, other busy time). */
export const timetableBlocks = pgTable('timetable_blocks', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  startAt: timestamp('start_at', { withTimezone: true }).notNull(),
  endAt: timestamp('end_at', { withTimezone: true }).notNull(),
  kind: blockKind('kind').notNull(),
  summary: text('summary').notNull().default(''),
  locationId: uuid('location_id').references(() => locations.id, { onDelete: 'set null' }),
  locationText: text('location_text'),
  programmeId: uuid('programme_id').references(() => programmes.id, { onDelete: 'set null' }),
  source: text('source').notNull(),
  uid: text('uid'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('timetable_blocks_person').on(t.networkId, t.personId, t.startAt)]);
