import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, timestamp, integer, boolean, jsonb, date, doublePrecision, index, uniqueIndex, primaryKey } from 'drizzle-orm/pg-core';
import { networks, people, institutions, locations } from './foundation.ts';

// Leerlabs vmbo–mbo: a vo-school and an mbo institution around a practical programme (pgp) and an
// mbo elective (keuzedeel). Pupils are stored with the minimum a leerlab needs (name as the school
// uses it, class) and removed a configurable time after the cohort ends.

export const leerlabs = pgTable('leerlabs', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  pgp: text('pgp').notNull(),
  keuzedeelName: text('keuzedeel_name').notNull(),
  keuzedeelCode: text('keuzedeel_code').notNull().default(''),
  cohortYear: integer('cohort_year').notNull(),
  schoolYear: text('school_year').notNull(),
  firstDate: date('first_date', { mode: 'string' }).notNull(),
  lastDate: date('last_date', { mode: 'string' }).notNull(),
  voLocationId: uuid('vo_location_id').references(() => locations.id, { onDelete: 'set null' }),
  mboLocationId: uuid('mbo_location_id').references(() => locations.id, { onDelete: 'set null' }),
  travelMode: text('travel_mode').notNull().default('bike'),
  /** One way, minutes; computed from the coordinates unless a coordinator set it. */
  travelMinutes: integer('travel_minutes').notNull().default(15),
  travelEdited: boolean('travel_edited').notNull().default(false),
  sessionMinutes: integer('session_minutes').notNull().default(90),
  guestMinutes: integer('guest_minutes').notNull().default(60),
  guestEveryWeeks: integer('guest_every_weeks').notNull().default(4),
  /** Time-of-day rules: school day, forbidden windows, weights. */
  rules: jsonb('rules').notNull().default({}),
  retentionMonths: integer('retention_months').notNull().default(12),
  pupilsRemovedAt: timestamp('pupils_removed_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('leerlabs_network').on(t.networkId)]);

/** The partner institutions: one vo-school and one mbo institution, more allowed. */
export const leerlabPartners = pgTable('leerlab_partners', {
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  leerlabId: uuid('leerlab_id').notNull().references(() => leerlabs.id, { onDelete: 'cascade' }),
  institutionId: uuid('institution_id').notNull().references(() => institutions.id, { onDelete: 'cascade' }),
  side: text('side').notNull(),
}, (t) => [primaryKey({ columns: [t.leerlabId, t.institutionId] })]);

/** vo coordinator, mbo coordinator, mbo teachers, vo teachers. */
export const leerlabStaff = pgTable('leerlab_staff', {
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  leerlabId: uuid('leerlab_id').notNull().references(() => leerlabs.id, { onDelete: 'cascade' }),
  personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  role: text('role').notNull(),
}, (t) => [primaryKey({ columns: [t.leerlabId, t.personId, t.role] }), index('leerlab_staff_person').on(t.networkId, t.personId)]);

export const leerlabPeriods = pgTable('leerlab_periods', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  leerlabId: uuid('leerlab_id').notNull().references(() => leerlabs.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  startDate: date('start_date', { mode: 'string' }).notNull(),
  endDate: date('end_date', { mode: 'string' }).notNull(),
});

/** The keuzedeel's parts with their hours. */
export const leerlabParts = pgTable('leerlab_parts', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  leerlabId: uuid('leerlab_id').notNull().references(() => leerlabs.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  hours: doublePrecision('hours').notNull(),
  position: integer('position').notNull(),
});

/** A class of the cohort with its weekly timetable (lessons as weekday + local minutes). */
export const leerlabClasses = pgTable('leerlab_classes', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  leerlabId: uuid('leerlab_id').notNull().references(() => leerlabs.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  lessons: jsonb('lessons').notNull().default([]),
}, (t) => [uniqueIndex('leerlab_classes_name').on(t.leerlabId, sql`lower(${t.name})`)]);

/** Holidays and study days: no sessions. */
export const leerlabClosedDays = pgTable('leerlab_closed_days', {
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  leerlabId: uuid('leerlab_id').notNull().references(() => leerlabs.id, { onDelete: 'cascade' }),
  date: date('date', { mode: 'string' }).notNull(),
  kind: text('kind').notNull(),
  label: text('label').notNull().default(''),
}, (t) => [primaryKey({ columns: [t.leerlabId, t.date] })]);

/** The chosen weekly pattern per direction. */
export const leerlabPatterns = pgTable('leerlab_patterns', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  leerlabId: uuid('leerlab_id').notNull().references(() => leerlabs.id, { onDelete: 'cascade' }),
  direction: text('direction').notNull(),
  weekday: integer('weekday').notNull(),
  startMinute: integer('start_minute').notNull(),
  endMinute: integer('end_minute').notNull(),
  score: doublePrecision('score').notNull(),
  chosenBy: uuid('chosen_by').references(() => people.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('leerlab_patterns_direction').on(t.leerlabId, t.direction)]);

export const leerlabSessions = pgTable('leerlab_sessions', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  leerlabId: uuid('leerlab_id').notNull().references(() => leerlabs.id, { onDelete: 'cascade' }),
  direction: text('direction').notNull(),
  startAt: timestamp('start_at', { withTimezone: true }).notNull(),
  endAt: timestamp('end_at', { withTimezone: true }).notNull(),
  leaveAt: timestamp('leave_at', { withTimezone: true }).notNull(),
  returnBy: timestamp('return_by', { withTimezone: true }).notNull(),
  status: text('status').notNull().default('planned'),
  uid: text('uid').notNull(),
  sequence: integer('sequence').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('leerlab_sessions_leerlab').on(t.networkId, t.leerlabId, t.startAt)]);

export const leerlabChecklistItems = pgTable('leerlab_checklist_items', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  leerlabId: uuid('leerlab_id').notNull().references(() => leerlabs.id, { onDelete: 'cascade' }),
  kind: text('kind').notNull(),
  title: text('title').notNull(),
  ownerId: uuid('owner_id').references(() => people.id, { onDelete: 'set null' }),
  dueDate: date('due_date', { mode: 'string' }),
  status: text('status').notNull().default('open'),
  /** Financing: source, amount, period, spent so far, documents due. */
  financing: jsonb('financing'),
  note: text('note').notNull().default(''),
  remindedAt: timestamp('reminded_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A pupil: the name as the school uses it and the class, nothing else. */
export const leerlabPupils = pgTable('leerlab_pupils', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  leerlabId: uuid('leerlab_id').notNull().references(() => leerlabs.id, { onDelete: 'cascade' }),
  classId: uuid('class_id').notNull().references(() => leerlabClasses.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('leerlab_pupils_name').on(t.leerlabId, sql`lower(${t.name})`)]);

export const leerlabAttendance = pgTable('leerlab_attendance', {
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  sessionId: uuid('session_id').notNull().references(() => leerlabSessions.id, { onDelete: 'cascade' }),
  pupilId: uuid('pupil_id').notNull().references(() => leerlabPupils.id, { onDelete: 'cascade' }),
  status: text('status').notNull(),
  markedBy: uuid('marked_by').references(() => people.id, { onDelete: 'set null' }),
  markedAt: timestamp('marked_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.sessionId, t.pupilId] })]);

/** A pupil's result for one part of the keuzedeel. */
export const leerlabResults = pgTable('leerlab_results', {
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  pupilId: uuid('pupil_id').notNull().references(() => leerlabPupils.id, { onDelete: 'cascade' }),
  partId: uuid('part_id').notNull().references(() => leerlabParts.id, { onDelete: 'cascade' }),
  grade: doublePrecision('grade'),
  completed: boolean('completed').notNull().default(false),
  assessedOn: date('assessed_on', { mode: 'string' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.pupilId, t.partId] })]);

/** Exemption statements issued (the parts they name), so a statement can be traced. */
export const leerlabExemptions = pgTable('leerlab_exemptions', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  pupilId: uuid('pupil_id').notNull().references(() => leerlabPupils.id, { onDelete: 'cascade' }),
  partIds: jsonb('part_ids').notNull(),
  issuedBy: uuid('issued_by').references(() => people.id, { onDelete: 'set null' }),
  issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
});

/** An evaluation round (after a period): answered anonymously by a short code. */
export const leerlabEvaluations = pgTable('leerlab_evaluations', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  leerlabId: uuid('leerlab_id').notNull().references(() => leerlabs.id, { onDelete: 'cascade' }),
  periodId: uuid('period_id').references(() => leerlabPeriods.id, { onDelete: 'set null' }),
  name: text('name').notNull(),
  code: text('code').notNull(),
  open: boolean('open').notNull().default(true),
  /** The coordinators' notes on what they change. */
  notes: text('notes').notNull().default(''),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('leerlab_evaluations_code').on(t.code)]);

/** One anonymous answer: who answered only as a group (pupil, vo teacher, mbo teacher). */
export const leerlabEvaluationAnswers = pgTable('leerlab_evaluation_answers', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  evaluationId: uuid('evaluation_id').notNull().references(() => leerlabEvaluations.id, { onDelete: 'cascade' }),
  respondent: text('respondent').notNull(),
  ratings: jsonb('ratings').notNull(),
  comment: text('comment').notNull().default(''),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
