import { z } from 'zod';

// The network's professional profile: version 1, 2, … per profile name, each the outcome of a
// session (what was agreed per domain and by whom, where discussion remains, the follow-up
// agreements), with a readable difference from the previous version.

export const profileItemSchema = z.object({
  text: z.string(),
  outcome: z.enum(['accepted', 'amended']),
  decidedBy: z.string().nullable(),
});

export const profileContentSchema = z.object({
  profileName: z.string(),
  sessionId: z.uuid().nullable(),
  sessionTitle: z.string(),
  decidedOn: z.string(),
  domains: z.array(z.object({
    key: z.string(),
    label: z.string(),
    description: z.string(),
    agreed: z.array(profileItemSchema),
    discussion: z.array(z.string()),
  })),
  rejected: z.array(z.object({ domainKey: z.string(), text: z.string() })),
  agreements: z.array(z.object({ title: z.string(), ownerName: z.string(), dueDate: z.string() })),
});
export type ProfileContent = z.infer<typeof profileContentSchema>;

export const profileDiffSchema = z.object({
  previousVersion: z.number().int().nullable(),
  domains: z.array(z.object({ key: z.string(), label: z.string(), added: z.array(z.string()), removed: z.array(z.string()), kept: z.array(z.string()) })),
  agreementsAdded: z.array(z.string()),
  agreementsRemoved: z.array(z.string()),
});
export type ProfileDiff = z.infer<typeof profileDiffSchema>;

export const profileVersionSummarySchema = z.object({
  id: z.uuid(),
  profileName: z.string(),
  version: z.number().int(),
  sessionId: z.uuid().nullable(),
  sessionTitle: z.string(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
});
export type ProfileVersionSummary = z.infer<typeof profileVersionSummarySchema>;

export const profileVersionSchema = profileVersionSummarySchema.extend({
  content: profileContentSchema,
  diff: profileDiffSchema,
});
export type ProfileVersion = z.infer<typeof profileVersionSchema>;

export const praatplaatQuerySchema = z.object({ locale: z.enum(['nl', 'en']).optional() });
