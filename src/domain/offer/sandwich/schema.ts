import { z } from 'zod';
import { offerKindSchema } from '../offer/schema.ts';
import { sandwichPhaseSchema } from '../registration/schema.ts';

// The sandwich method for company visits and masterclasses: before (learning questions, agenda,
// division of tasks), during (notes), after (what the group takes back, feedback to the company).

export const sandwichRoleSchema = z.enum(['participant', 'host', 'colleague', 'manager']);
export type SandwichRole = z.infer<typeof sandwichRoleSchema>;

export const sandwichSchema = z.object({
  sessionId: z.string(),
  offerId: z.string(),
  offerTitle: z.string(),
  kind: offerKindSchema,
  hostName: z.string(),
  startAt: z.string(),
  endAt: z.string(),
  phase: sandwichPhaseSchema,
  role: sandwichRoleSchema,
  preparation: z.string(),
  /** Agreed by school and company before the visit (null: not visible to this viewer). */
  agenda: z.string().nullable(),
  tasks: z.string().nullable(),
  /** What the group takes back to their schools: participants and colleagues of their institutions. */
  takeaways: z.string().nullable(),
  /** Feedback to the company: participants and the company. */
  feedback: z.string().nullable(),
  /** Every participant's learning questions: participants and the company. */
  questions: z.array(z.object({ personName: z.string(), institutionName: z.string().nullable(), learningQuestions: z.string() })).nullable(),
  /** The viewer's own learning questions and notes. */
  mine: z.object({ learningQuestions: z.string(), notes: z.string() }).nullable(),
});
export type Sandwich = z.infer<typeof sandwichSchema>;

export const sandwichOwnInputSchema = z.object({
  learningQuestions: z.string().trim().max(4000).optional(),
  notes: z.string().trim().max(20000).optional(),
}).refine((v) => v.learningQuestions !== undefined || v.notes !== undefined, { message: 'FIELD_REQUIRED', path: ['learningQuestions'] });
export type SandwichOwnInput = z.infer<typeof sandwichOwnInputSchema>;

export const sandwichPlanInputSchema = z.object({
  agenda: z.string().trim().max(4000).optional(),
  tasks: z.string().trim().max(4000).optional(),
  takeaways: z.string().trim().max(8000).optional(),
  feedback: z.string().trim().max(8000).optional(),
}).refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'FIELD_REQUIRED', path: ['agenda'] });
export type SandwichPlanInput = z.infer<typeof sandwichPlanInputSchema>;
