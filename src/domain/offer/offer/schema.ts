import { z } from 'zod';
import { iscedCodeSchema } from '../../foundation/programme/schema.ts';

// Offers of companies (and schools) to teachers: guest lessons, company visits, masterclasses,
// teacher internships and school visits, each with sessions (or "on request"), places and a waitlist.

export const offerKinds = ['guest_lesson', 'company_visit', 'masterclass', 'teacher_internship', 'school_visit'] as const;
export const offerKindSchema = z.enum(offerKinds);
export type OfferKind = z.infer<typeof offerKindSchema>;
/** Company visits and masterclasses follow the sandwich method: before, during, after. */
export const sandwichKinds = ['company_visit', 'masterclass'] as const;
export const internshipForms = ['exploratory', 'research', 'deepening'] as const;
export const internshipFormSchema = z.enum(internshipForms);

const instant = z.iso.datetime({ offset: true });
export const sessionInputSchema = z.object({ startAt: instant, endAt: instant });
export type SessionInput = z.infer<typeof sessionInputSchema>;

export const offerInputSchema = z.object({
  hostInstitutionId: z.uuid().optional(),
  kind: offerKindSchema,
  title: z.string().trim().min(3).max(200),
  description: z.string().trim().max(5000).default(''),
  iscedCodes: z.array(iscedCodeSchema).max(10).default([]),
  locationId: z.uuid().nullable().optional(),
  onRequest: z.boolean().default(false),
  capacity: z.number().int().min(1).max(500),
  deadline: z.iso.date().nullable().optional(),
  creditedHours: z.number().min(0).max(80).multipleOf(0.5).default(0),
  hostContactId: z.uuid().nullable().optional(),
  preparation: z.string().trim().max(2000).default(''),
  internshipForm: internshipFormSchema.nullable().optional(),
  sessions: z.array(sessionInputSchema).max(20).default([]),
});
export type OfferInput = z.infer<typeof offerInputSchema>;

export const offerUpdateSchema = z.object({
  title: z.string().trim().min(3).max(200),
  description: z.string().trim().max(5000),
  iscedCodes: z.array(iscedCodeSchema).max(10),
  locationId: z.uuid().nullable(),
  capacity: z.number().int().min(1).max(500),
  deadline: z.iso.date().nullable(),
  creditedHours: z.number().min(0).max(80).multipleOf(0.5),
  hostContactId: z.uuid().nullable(),
  preparation: z.string().trim().max(2000),
  internshipForm: internshipFormSchema.nullable(),
}).partial();
export type OfferUpdate = z.infer<typeof offerUpdateSchema>;

export const offerListQuerySchema = z.object({
  kind: offerKindSchema.optional(),
  field: z.string().regex(/^[0-9]{2,4}$/).optional(),
  hostInstitutionId: z.uuid().optional(),
});

export const sessionStatusSchema = z.enum(['planned', 'cancelled']);
export const registrationStatusSchema = z.enum(['confirmed', 'waitlisted', 'cancelled']);

export const offerSessionSchema = z.object({
  id: z.string(),
  startAt: z.string(),
  endAt: z.string(),
  status: sessionStatusSchema,
  confirmed: z.number().int(),
  waitlisted: z.number().int(),
  placesLeft: z.number().int(),
  myStatus: registrationStatusSchema.nullable(),
  myRegistrationId: z.string().nullable(),
  myWaitlistPosition: z.number().int().nullable(),
});
export type OfferSession = z.infer<typeof offerSessionSchema>;

export const offerSummarySchema = z.object({
  id: z.string(),
  kind: offerKindSchema,
  title: z.string(),
  hostInstitutionId: z.string(),
  hostName: z.string(),
  iscedCodes: z.array(z.string()),
  onRequest: z.boolean(),
  capacity: z.number().int(),
  deadline: z.string().nullable(),
  creditedHours: z.number(),
  city: z.string().nullable(),
  nextSessionStart: z.string().nullable(),
  placesLeft: z.number().int(),
  waitlisted: z.number().int(),
  status: z.enum(['published', 'cancelled']),
});
export type OfferSummary = z.infer<typeof offerSummarySchema>;

export const offerSchema = offerSummarySchema.extend({
  description: z.string(),
  preparation: z.string(),
  internshipForm: internshipFormSchema.nullable(),
  hostContact: z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable(),
  location: z.object({ id: z.string(), name: z.string(), address: z.string(), postcode: z.string(), city: z.string() }).nullable(),
  sessions: z.array(offerSessionSchema),
  canHost: z.boolean(),
  deadlinePassed: z.boolean(),
  sandwich: z.boolean(),
});
export type Offer = z.infer<typeof offerSchema>;
