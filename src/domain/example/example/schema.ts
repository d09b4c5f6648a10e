import { z } from 'zod';
import { exampleAttachmentSchema } from '../attachment/schema.ts';

// A practice example with the criteria of the Week van de docentuitwisseling's example (seed 000):
// sectors and themes, tips, links, a contact, the practice it belongs to and who took part.

export const EXAMPLE_SECTORS = ['vmbo', 'havo', 'vwo', 'mbo', 'hbo'] as const;
export const EXAMPLE_THEMES = [
  'regelgeving', 'visie_beleid_kwaliteit', 'lob_leeromgeving', 'lob_programma', 'loopbaankeuze', 'loopbaangesprek',
  'arbeidsmarktinformatie', 'lob_documenten', 'ouderbetrokkenheid', 'professionalisering',
] as const;
export const EXAMPLE_PRACTICES = ['exchange', 'leerlab', 'company_visit', 'masterclass', 'internship', 'job_twinning', 'speeddate', 'cocreation', 'design_team', 'other'] as const;
export const EXAMPLE_VISIBILITIES = ['draft', 'network', 'public'] as const;
/** The languages an example can be written in; each is searched with its own full-text configuration (nl: dutch, en: english). */
export const EXAMPLE_LANGUAGES = ['nl', 'en'] as const;
/** The search text is cut to this many characters before it becomes a query (longer input is accepted). */
export const EXAMPLE_QUERY_USED = 300;

export const exampleSectorSchema = z.enum(EXAMPLE_SECTORS);
export const exampleThemeSchema = z.enum(EXAMPLE_THEMES);
export const examplePracticeSchema = z.enum(EXAMPLE_PRACTICES);
export const exampleVisibilitySchema = z.enum(EXAMPLE_VISIBILITIES);
export const exampleLanguageSchema = z.enum(EXAMPLE_LANGUAGES);

const text = (max: number) => z.string().trim().max(max);
export const exampleInputSchema = z.object({
  title: z.string().trim().min(1).max(200),
  special: text(4000).default(''),
  story: text(20000).default(''),
  tips: z.array(z.string().trim().min(1).max(1000)).max(20).default([]),
  links: z.array(z.object({ label: z.string().trim().min(1).max(200), url: z.url({ protocol: /^https?$/ }).max(2000) })).max(20).default([]),
  sectors: z.array(exampleSectorSchema).max(5).default([]),
  themes: z.array(exampleThemeSchema).max(10).default([]),
  practice: examplePracticeSchema,
  region: text(100).default(''),
  institutions: z.array(z.string().trim().min(1).max(200)).max(30).default([]),
  contactName: text(200).default(''),
  contactEmail: z.union([z.literal(''), z.email().max(320)]).default(''),
  visibility: exampleVisibilitySchema.default('draft'),
  language: exampleLanguageSchema.default('nl'),
});
export type ExampleInput = z.infer<typeof exampleInputSchema>;
export const examplePatchSchema = z.object({
  title: z.string().trim().min(1).max(200).optional(),
  special: text(4000).optional(),
  story: text(20000).optional(),
  tips: z.array(z.string().trim().min(1).max(1000)).max(20).optional(),
  links: z.array(z.object({ label: z.string().trim().min(1).max(200), url: z.url({ protocol: /^https?$/ }).max(2000) })).max(20).optional(),
  sectors: z.array(exampleSectorSchema).max(5).optional(),
  themes: z.array(exampleThemeSchema).max(10).optional(),
  practice: examplePracticeSchema.optional(),
  region: text(100).optional(),
  institutions: z.array(z.string().trim().min(1).max(200)).max(30).optional(),
  contactName: text(200).optional(),
  contactEmail: z.union([z.literal(''), z.email().max(320)]).optional(),
  visibility: exampleVisibilitySchema.optional(),
  language: exampleLanguageSchema.optional(),
});
export type ExamplePatch = z.infer<typeof examplePatchSchema>;

const many = <T extends z.ZodType>(item: T) => z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(item).max(20));
/** Search: free text (web search syntax: "quoted phrases", -not, or) and facet filters; one request. */
export const exampleSearchQuerySchema = z.object({
  q: z.string().max(5000).optional(),
  sector: many(exampleSectorSchema).optional(),
  theme: many(exampleThemeSchema).optional(),
  practice: many(examplePracticeSchema).optional(),
  region: many(z.string().max(100)).optional(),
  page: z.coerce.number().int().min(1).max(500).optional(),
});
export type ExampleSearchQuery = z.infer<typeof exampleSearchQuerySchema>;

export const exampleSchema = z.object({
  id: z.string(),
  slug: z.string(),
  networkName: z.string(),
  title: z.string(),
  special: z.string(),
  story: z.string(),
  tips: z.array(z.string()),
  links: z.array(z.object({ label: z.string(), url: z.string() })),
  sectors: z.array(z.string()),
  themes: z.array(z.string()),
  practice: z.string(),
  region: z.string(),
  institutions: z.array(z.string()),
  contactName: z.string(),
  contactEmail: z.string(),
  visibility: exampleVisibilitySchema,
  language: exampleLanguageSchema,
  /** The example's files (name, type, size); the bytes are downloaded one by one. */
  attachments: z.array(exampleAttachmentSchema),
  origin: z.object({ source: z.string(), sourceId: z.string() }).nullable(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type Example = z.infer<typeof exampleSchema>;

const facetSchema = z.array(z.object({ value: z.string(), count: z.number().int() }));
export const exampleSearchResultSchema = z.object({
  total: z.number().int(),
  page: z.number().int(),
  results: z.array(z.object({
    id: z.string(), slug: z.string(), title: z.string(), special: z.string(),
    /** A fragment of the text with the matches between U+E000 and U+E001 (the browser marks them; no HTML). */
    headline: z.string(),
    sectors: z.array(z.string()), themes: z.array(z.string()), practice: z.string(), region: z.string(),
    visibility: exampleVisibilitySchema, language: exampleLanguageSchema, publishedAt: z.string().nullable(), rank: z.number(),
  })),
  facets: z.object({ sector: facetSchema, theme: facetSchema, practice: facetSchema, region: facetSchema }),
});
export type ExampleSearchResult = z.infer<typeof exampleSearchResultSchema>;
