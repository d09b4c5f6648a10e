import { z } from 'zod';
import { iscedCodeSchema } from '../../foundation/programme/schema.ts';
import { offerKindSchema } from '../offer/schema.ts';

// A company's profile in the network's directory, kept by its own professionals.

export const companyInputSchema = z.object({
  sector: z.string().trim().max(120).default(''),
  iscedCodes: z.array(iscedCodeSchema).max(10).default([]),
  profile: z.string().trim().max(3000).default(''),
  takesPupils: z.boolean().default(false),
  committedOn: z.iso.date().nullable().default(null),
  contactPersonIds: z.array(z.uuid()).max(10).default([]),
});
export type CompanyInput = z.infer<typeof companyInputSchema>;

export const companyListQuerySchema = z.object({
  field: z.string().regex(/^[0-9]{2,4}$/).optional(),
  sector: z.string().trim().max(120).optional(),
  kind: offerKindSchema.optional(),
  maxKm: z.coerce.number().min(1).max(500).optional(),
});

export const companySchema = z.object({
  institutionId: z.string(),
  name: z.string(),
  website: z.string().nullable(),
  sector: z.string(),
  iscedCodes: z.array(z.string()),
  profile: z.string(),
  takesPupils: z.boolean(),
  committedOn: z.string().nullable(),
  locations: z.array(z.object({ id: z.string(), name: z.string(), address: z.string(), postcode: z.string(), city: z.string() })),
  contacts: z.array(z.object({ id: z.string(), name: z.string(), email: z.string() })),
  offerKinds: z.array(offerKindSchema),
  offerCount: z.number().int(),
  /** Kilometres as the crow flies from the nearest location of the viewer's own institution. */
  distanceKm: z.number().nullable(),
  canEdit: z.boolean(),
});
export type Company = z.infer<typeof companySchema>;
