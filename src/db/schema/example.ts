import { sql, type SQL } from 'drizzle-orm';
import { pgTable, uuid, text, timestamp, jsonb, index, customType, uniqueIndex, integer, check } from 'drizzle-orm/pg-core';
import { networks, people } from './foundation.ts';

// The library of practice examples (criteria of the Week van de docentuitwisseling's example:
// sectors and themes), searchable with PostgreSQL full text in Dutch and English: a generated
// tsvector column built with the example's own language configuration (dutch for nl, english for
// en) and a GIN index. An example is private to its network or published for everyone; its files
// (attachments) are kept in the database, so every app server reads the same bytes.

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });
const config = sql`(case when language = 'en' then 'english'::regconfig else 'dutch'::regconfig end)`;

export const examples = pgTable('examples', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  slug: text('slug').notNull(),
  title: text('title').notNull(),
  special: text('special').notNull().default(''),
  story: text('story').notNull().default(''),
  tips: jsonb('tips').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  links: jsonb('links').$type<{ label: string; url: string }[]>().notNull().default(sql`'[]'::jsonb`),
  sectors: text('sectors').array().notNull().default(sql`'{}'::text[]`),
  themes: text('themes').array().notNull().default(sql`'{}'::text[]`),
  practice: text('practice').notNull(),
  region: text('region').notNull().default(''),
  institutions: text('institutions').array().notNull().default(sql`'{}'::text[]`),
  contactName: text('contact_name').notNull().default(''),
  contactEmail: text('contact_email').notNull().default(''),
  /** 'draft' (coordinators only), 'network' (members of the network), 'public' (everyone). */
  visibility: text('visibility').notNull().default('draft'),
  /** The language the example is written in: 'nl' (searched with the dutch configuration) or 'en' (english). */
  language: text('language').notNull().default('nl'),
  /** The practice item it was made from, e.g. { source: 'exchange_edition', sourceId }. */
  origin: jsonb('origin').$type<{ source: string; sourceId: string } | null>(),
  createdBy: uuid('created_by').references(() => people.id, { onDelete: 'set null' }),
  publishedAt: timestamp('published_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  search: tsvector('search').generatedAlwaysAs((): SQL => sql`setweight(to_tsvector(${config}, coalesce(title, '')), 'A') || setweight(to_tsvector(${config}, coalesce(special, '')), 'B') || setweight(to_tsvector(${config}, coalesce(story, '')), 'C')`),
}, (t) => [
  index('examples_search').using('gin', t.search),
  index('examples_network').on(t.networkId, t.visibility),
  index('examples_published').on(t.visibility, t.publishedAt),
  uniqueIndex('examples_slug').on(t.slug),
  check('examples_language', sql`${t.language} in ('nl', 'en')`),
]);

/** A file of an example (PDF, image, office document, CSV …), checked by its leading bytes and name; removed with its example. */
export const exampleAttachments = pgTable('example_attachments', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  exampleId: uuid('example_id').notNull().references(() => examples.id, { onDelete: 'cascade' }),
  networkId: uuid('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
  /** The file name as shown and offered on download (made safe: no path, no control characters). */
  name: text('name').notNull(),
  /** The media type the server determined from the bytes (never the one the browser sent). */
  type: text('type').notNull(),
  size: integer('size').notNull(),
  bytes: bytea('bytes').notNull(),
  createdBy: uuid('created_by').references(() => people.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('example_attachments_example').on(t.exampleId, t.createdAt),
]);
