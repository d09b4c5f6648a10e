import { z } from 'zod';

// A file of evidence of an activity the teacher added by hand, as listed (never its bytes): name,
// the media type the server determined, size.
export const recordEvidenceFileSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  size: z.number().int(),
  createdAt: z.string(),
});
export type RecordEvidenceFile = z.infer<typeof recordEvidenceFileSchema>;

/** The upload's query: the file's name (the body is the file's bytes). */
export const recordEvidenceUploadQuerySchema = z.object({ name: z.string().min(1).max(1000) });
export const recordEvidenceParams = z.object({ networkId: z.uuid(), id: z.uuid(), fileId: z.uuid() });
