// When a checklist item needs its owner's attention.

/** Open items are reminded once, within `days` of their due date (or after it). */
export function checklistNeedsReminder(item: { status: string; dueDate: string | null; remindedAt: Date | null }, today: string, days = 7): boolean {
  if (item.status === 'done' || !item.dueDate || item.remindedAt) return false;
  const due = Date.parse(`${item.dueDate}T00:00:00Z`);
  return due - Date.parse(`${today}T00:00:00Z`) <= days * 86_400_000;
}

export function checklistOverdue(item: { status: string; dueDate: string | null }, today: string): boolean {
  return item.status !== 'done' && item.dueDate !== null && item.dueDate < today;
}
