import type { SandwichRole } from './schema.ts';

// Who sees and writes which part of the sandwich.

export interface SandwichVisibility { plan: boolean; questions: boolean; takeaways: boolean; feedback: boolean }

export function sandwichVisibility(role: SandwichRole): SandwichVisibility {
  switch (role) {
    case 'participant': return { plan: true, questions: true, takeaways: true, feedback: true };
    case 'manager': return { plan: true, questions: true, takeaways: true, feedback: true };
    case 'host': return { plan: true, questions: true, takeaways: false, feedback: true };
    case 'colleague': return { plan: false, questions: false, takeaways: true, feedback: false };
  }
}

/** Agenda and tasks are agreed by school and company; takeaways and feedback are written by the group. */
export function sandwichMayWrite(role: SandwichRole, field: 'agenda' | 'tasks' | 'takeaways' | 'feedback'): boolean {
  if (role === 'participant' || role === 'manager') return true;
  if (role === 'host') return field === 'agenda' || field === 'tasks';
  return false;
}
