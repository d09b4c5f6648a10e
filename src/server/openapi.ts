import { z } from 'zod';

// Shared pieces of the route definitions.

export const errorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })).optional(),
  }),
});

export const networkParams = z.object({ networkId: z.uuid() });
export const networkItemParams = z.object({ networkId: z.uuid(), id: z.uuid() });
export const okSchema = z.object({ ok: z.literal(true) });

export function json<T extends z.ZodType>(schema: T, description = 'OK') {
  return { content: { 'application/json': { schema } }, description };
}

export function body<T extends z.ZodType>(schema: T) {
  return { body: { content: { 'application/json': { schema } }, required: true } };
}

/** The error responses every authenticated route can give. */
export const errors = {
  400: json(errorSchema, 'Invalid input'),
  401: json(errorSchema, 'Not logged in'),
  403: json(errorSchema, 'Not allowed'),
  404: json(errorSchema, 'Not found'),
} as const;
