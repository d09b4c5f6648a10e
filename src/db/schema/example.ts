import { sql, type SQL } from 'drizzle-orm';
import { pgTable, uuid, text, timestamp, jsonb, index, customType, uniqueIndex } from 'drizzle-orm/pg-core';
import { networks, people } from './foundation.ts';

// The library of practice examples (criteria of the Week van de docentuitwisseling's example:
// sectors and themes), searchable with PostgreSQL full text in Dutch: a generated tsvector column
// with a GIN index. An example is private to its network or published for everyone.

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

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
  /** The practice item it was made from, e.g. { source: 'exchange_edition', sourceId }. */
  origin: jsonb('origin').$type<{ source: string; sourceId: string } | null>(),
  createdBy: uuid('created_by').references(() => people.id, { onDelete: 'set null' }),
  publishedAt: timestamp('published_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  search: tsvector('search').generatedAlwaysAs((): SQL => sql`setweight(to_tsvector('dutch', coalesce(title, '')), 'A') || setweight(to_tsvector('dutch', coalesce(special, '')), 'B') || setweight(to_tsvector('dutch', coalesce(story, '')), 'C')`),
}, (t) => [
  index('examples_search').using('gin', t.search),
  index('examples_network').on(t.networkId, t.visibility),
  index('examples_published').on(t.visibility, t.publishedAt),
  uniqueIndex('examples_slug').on(t.slug),
]);
