import { z } from 'zod';

export const institutionKinds = ['vmbo', 'havo', 'vwo', 'mbo', 'hbo', 'company', 'other'] as const;
export const institutionKindSchema = z.enum(institutionKinds);
export type InstitutionKind = z.infer<typeof institutionKindSchema>;

export const uuidSchema = z.uuid();

const trimmed = (min: number, max: number) => z.string().trim().min(min).max(max);

/**
 * A web address people may click: http or https on a domain name only (never javascript:, data:,
 * vbscript: …). Every URL Kruispunt stores and shows as a link goes through this schema.
 */
export const webUrlSchema = z.url({ protocol: /^https?$/, hostname: z.regexes.domain }).max(300);

export const institutionInputSchema = z.object({
  name: trimmed(2, 120),
  kind: institutionKindSchema,
  brin: z.string().trim().regex(/^[0-9]{2}[A-Z]{2}$/i, 'BRIN').optional().nullable(),
  website: webUrlSchema.optional().nullable(),
});
export type InstitutionInput = z.infer<typeof institutionInputSchema>;
export const institutionPatchSchema = institutionInputSchema.partial();
export type InstitutionPatch = z.infer<typeof institutionPatchSchema>;

export const institutionSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: institutionKindSchema,
  brin: z.string().nullable(),
  website: z.string().nullable(),
  locationCount: z.number().int(),
  programmeCount: z.number().int(),
  peopleCount: z.number().int(),
});
export type Institution = z.infer<typeof institutionSchema>;

/** Dutch postcode: four digits (not starting with 0), optional space, two letters (not SA/SD/SS). */
export const postcodeSchema = z
  .string()
  .trim()
  .regex(/^[1-9][0-9]{3} ?(?!SA|SD|SS)[A-Z]{2}$/i, 'POSTCODE')
  .transform((v) => `${v.slice(0, 4)} ${v.slice(-2).toUpperCase()}`);

export const locationInputSchema = z.object({
  name: trimmed(1, 120),
  address: trimmed(3, 200),
  postcode: postcodeSchema,
  city: trimmed(2, 100),
  latitude: z.number().min(50.5).max(53.7).optional().nullable(),
  longitude: z.number().min(3.2).max(7.3).optional().nullable(),
});
export type LocationInput = z.infer<typeof locationInputSchema>;
export const locationPatchSchema = locationInputSchema.partial();

export const locationSchema = z.object({
  id: z.string(),
  institutionId: z.string(),
  name: z.string(),
  address: z.string(),
  postcode: z.string(),
  city: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
});
export type Location = z.infer<typeof locationSchema>;
