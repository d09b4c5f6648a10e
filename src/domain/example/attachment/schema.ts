import { z } from 'zod';

// An example's file as listed (never its bytes): name, the media type the server determined, size.
export const exampleAttachmentSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  size: z.number().int(),
  createdAt: z.string(),
});
export type ExampleAttachment = z.infer<typeof exampleAttachmentSchema>;

/** The upload's query: the file's name (the body is the file's bytes). */
export const exampleAttachmentUploadQuerySchema = z.object({ name: z.string().min(1).max(1000) });
export const exampleAttachmentParams = z.object({ networkId: z.uuid(), id: z.uuid(), attachmentId: z.uuid() });
export const publicExampleAttachmentParams = z.object({ slug: z.string().min(1).max(100), attachmentId: z.uuid() });
