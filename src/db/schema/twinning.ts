import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, timestamp, integer, jsonb, numeric, boolean, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { networks, people } from './foundation.ts';

// Job Twinning: a teacher and a professional paired 1:1 on development goals they set
// themselves; their profile (fields of education), goals with progress, the twin, its meetings
// of six forms (planned, logged, credited in hours) and a closing evaluation by both.

/** A person's Job Twinning profile: fields of education (ISCED-F) and whether they look for a twin. */
export const twinningProfiles = pgTable('twinning_profiles', {
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  role: text('role').notNull(),
  iscedCodes: jsonb('isced_codes').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  about: text('about').notNull().default(''),
  available: boolean('available').notNull().default(true),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('twinning_profiles_person').on(t.networkId, t.personId)]);

/** A development goal a person set; progress is kept per goal. */
export const twinningGoals = pgTable('twinning_goals', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  text: text('text').notNull(),
  /** 0–100. */
  progress: integer('progress').notNull().default(0),
  progressNote: text('progress_note').notNull().default(''),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('twinning_goals_person').on(t.networkId, t.personId)]);

/** A twin: proposed (by one of the two), active (both or a coordinator confirmed), closed (both evaluated). */
export const twinningTwins = pgTable('twinning_twins', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  teacherId: uuid('teacher_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  professionalId: uuid('professional_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  status: text('status').notNull().default('proposed'),
  teacherConfirmed: boolean('teacher_confirmed').notNull().default(false),
  professionalConfirmed: boolean('professional_confirmed').notNull().default(false),
  confirmedBy: uuid('confirmed_by').references(() => people.id, { onDelete: 'set null' }),
  score: integer('score').notNull().default(0),
  reason: jsonb('reason').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
  teacherEvaluation: text('teacher_evaluation'),
  professionalEvaluation: text('professional_evaluation'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  activatedAt: timestamp('activated_at', { withTimezone: true }),
  closedAt: timestamp('closed_at', { withTimezone: true }),
}, (t) => [index('twinning_twins_network').on(t.networkId, t.teacherId, t.professionalId)]);

/** A meeting of the twin in one of the six forms; planned, then logged (notes, learned, hours). */
export const twinningMeetings = pgTable('twinning_meetings', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  twinId: uuid('twin_id').notNull().references(() => twinningTwins.id, { onDelete: 'cascade' }),
  form: text('form').notNull(),
  title: text('title').notNull().default(''),
  startAt: timestamp('start_at', { withTimezone: true }).notNull(),
  endAt: timestamp('end_at', { withTimezone: true }).notNull(),
  location: text('location').notNull().default(''),
  status: text('status').notNull().default('planned'),
  notes: text('notes').notNull().default(''),
  learned: text('learned').notNull().default(''),
  hours: numeric('hours', { precision: 5, scale: 1 }).notNull().default('0'),
  sequence: integer('sequence').notNull().default(0),
  createdBy: uuid('created_by').references(() => people.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('twinning_meetings_twin').on(t.networkId, t.twinId, t.startAt)]);
