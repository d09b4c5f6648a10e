import { z } from 'zod';
import { emailSchema } from '../person/schema.ts';

export const passwordSchema = z.string().min(10).max(200);

export const loginInputSchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(200),
});
export type LoginInput = z.infer<typeof loginInputSchema>;

export const passwordResetRequestSchema = z.object({ email: emailSchema });
export const passwordResetConfirmSchema = z.object({
  token: z.string().min(20).max(200),
  password: passwordSchema,
});

export const demoInfoSchema = z.object({
  demo: z.boolean(),
  logins: z.array(z.object({ email: z.string(), password: z.string(), role: z.string() })),
});

/** The answer to a logout: with `endSessionUrl` the browser goes on to end the identity provider's session. */
export const logoutResultSchema = z.object({ ok: z.literal(true), endSessionUrl: z.string().optional() });
export type LogoutResult = z.infer<typeof logoutResultSchema>;
