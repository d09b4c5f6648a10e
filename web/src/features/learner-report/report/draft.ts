import type { LearnerReport, LearnerReportActivity } from './types.ts';

// The editor's working copy of a report: what the teacher typed, in the shape the form
// needs (question 1 as free text, one line per entry), and the pure rules around it —
// what an autosave sends, whether two copies differ, and the merge after a conflict.

export interface Draft {
  periodStart: string;
  periodEnd: string;
  inventoryText: string;
  activities: LearnerReportActivity[];
}

export const TEXT_FIELDS = ['title', 'description.goal', 'description.involved', 'description.role', 'description.setting', 'learningOutcomes', 'impact', 'explanation'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

export function draftFromReport(report: Pick<LearnerReport, 'periodStart' | 'periodEnd' | 'inventory' | 'activities'>): Draft {
  return {
    periodStart: report.periodStart,
    periodEnd: report.periodEnd,
    inventoryText: report.inventory.join('\n'),
    activities: report.activities.map((a) => ({ ...a, description: { ...a.description } })),
  };
}

export function inventoryLines(text: string): string[] {
  return text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
}

/** The body of an autosave (without the revision). */
export function draftPayload(draft: Draft) {
  return {
    periodStart: draft.periodStart,
    periodEnd: draft.periodEnd,
    inventory: inventoryLines(draft.inventoryText),
    activities: draft.activities.map((a) => ({ ...a, title: a.title.trim() })),
  };
}

/** The content in a fixed key order (the server stores JSON with its own key order). */
function canonical(draft: Draft): string {
  const p = draftPayload(draft);
  return JSON.stringify([
    p.periodStart, p.periodEnd, p.inventory,
    p.activities.map((a) => [
      a.id, a.title, a.description.goal, a.description.involved, a.description.role, a.description.setting, a.learningOutcomes, a.impact, a.explanation,
      a.type, a.typeSource, a.suggestion ? [a.suggestion.type, a.suggestion.why, a.suggestion.confidence] : null, a.origin ? [a.origin.source, a.origin.sourceId] : null,
    ]),
  ]);
}

export function draftSameContent(a: Draft, b: Draft): boolean {
  return canonical(a) === canonical(b);
}

export function activityField(activity: LearnerReportActivity, field: TextField): string {
  if (field.startsWith('description.')) return activity.description[field.slice('description.'.length) as keyof LearnerReportActivity['description']];
  return activity[field as 'title' | 'learningOutcomes' | 'impact' | 'explanation'];
}

export function activityWithField(activity: LearnerReportActivity, field: TextField, value: string): LearnerReportActivity {
  if (field.startsWith('description.')) {
    return { ...activity, description: { ...activity.description, [field.slice('description.'.length)]: value } };
  }
  return { ...activity, [field]: value };
}

/** The text the typology suggestion reads (same parts as the server uses for a saved activity). */
export function activitySuggestText(a: LearnerReportActivity): string {
  return [a.title, a.description.goal, a.description.involved, a.description.role, a.description.setting, a.learningOutcomes]
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s, i, all) => (i < all.length - 1 && !/[.!?:;]$/.test(s) ? `${s}.` : s))
    .join(' ');
}

export function newActivityId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function blankActivity(title: string): LearnerReportActivity {
  return {
    id: newActivityId(), title, description: { goal: '', involved: '', role: '', setting: '' },
    learningOutcomes: '', impact: '', explanation: '', type: null, typeSource: null, suggestion: null, origin: null,
  };
}

/** Problems the browser can see before sending: an activity without a title would refuse the whole save. */
export function draftProblems(draft: Draft, maxActivities: number): Record<string, string> {
  const out: Record<string, string> = {};
  const iso = /^\d{4}-\d{2}-\d{2}$/;
  if (!iso.test(draft.periodStart)) out.periodStart = 'FIELD_INVALID_DATE';
  if (!iso.test(draft.periodEnd)) out.periodEnd = 'FIELD_INVALID_DATE';
  if (!out.periodStart && !out.periodEnd) {
    const days = Math.round((Date.parse(`${draft.periodEnd}T00:00:00Z`) - Date.parse(`${draft.periodStart}T00:00:00Z`)) / 86_400_000);
    if (days <= 0) out.periodEnd = 'FIELD_PERIOD_END_BEFORE_START';
    else if (days < 14 || days > 84) out.periodEnd = 'FIELD_PERIOD_LENGTH';
  }
  draft.activities.forEach((a, i) => {
    if (a.title.trim() === '') out[`activities.${i}.title`] = 'FIELD_REQUIRED';
  });
  if (draft.activities.length > maxActivities) out.activities = 'FIELD_TOO_MANY_ACTIVITIES';
  return out;
}

// ---- conflicts -------------------------------------------------------------------------

export type Choice = 'mine' | 'theirs' | 'both';

export interface ConflictItem {
  key: string;
  kind: 'period' | 'inventory' | 'text' | 'type' | 'onlyMine' | 'onlyTheirs';
  activityId?: string;
  field?: TextField;
  activityTitle?: string;
  mine: string;
  theirs: string;
}

/** Every place where the teacher's unsaved copy and the stored version differ. */
export function conflictItems(mine: Draft, theirs: Draft): ConflictItem[] {
  const items: ConflictItem[] = [];
  if (mine.periodStart !== theirs.periodStart || mine.periodEnd !== theirs.periodEnd) {
    items.push({ key: 'period', kind: 'period', mine: `${mine.periodStart} – ${mine.periodEnd}`, theirs: `${theirs.periodStart} – ${theirs.periodEnd}` });
  }
  const mineInventory = inventoryLines(mine.inventoryText).join('\n');
  const theirsInventory = inventoryLines(theirs.inventoryText).join('\n');
  if (mineInventory !== theirsInventory) items.push({ key: 'inventory', kind: 'inventory', mine: mineInventory, theirs: theirsInventory });
  for (const t of theirs.activities) {
    const m = mine.activities.find((a) => a.id === t.id);
    if (!m) {
      items.push({ key: `only-theirs-${t.id}`, kind: 'onlyTheirs', activityId: t.id, activityTitle: t.title, mine: '', theirs: t.title });
      continue;
    }
    for (const field of TEXT_FIELDS) {
      const a = activityField(m, field);
      const b = activityField(t, field);
      if (a.trim() !== b.trim()) items.push({ key: `${t.id}-${field}`, kind: 'text', activityId: t.id, field, activityTitle: t.title || m.title, mine: a, theirs: b });
    }
    if (m.type !== t.type) items.push({ key: `${t.id}-type`, kind: 'type', activityId: t.id, activityTitle: t.title || m.title, mine: m.type ?? '', theirs: t.type ?? '' });
  }
  for (const m of mine.activities) {
    if (!theirs.activities.some((a) => a.id === m.id)) items.push({ key: `only-mine-${m.id}`, kind: 'onlyMine', activityId: m.id, activityTitle: m.title, mine: m.title, theirs: '' });
  }
  return items;
}

export function defaultChoice(item: ConflictItem): Choice {
  if (item.kind === 'text' || item.kind === 'inventory') return item.mine.trim() === '' ? 'theirs' : item.theirs.trim() === '' ? 'mine' : 'both';
  if (item.kind === 'onlyTheirs') return 'theirs';
  return 'mine';
}

function combine(theirs: string, mine: string): string {
  if (theirs.trim() === '') return mine;
  if (mine.trim() === '') return theirs;
  if (theirs.includes(mine)) return theirs;
  if (mine.includes(theirs)) return mine;
  return `${theirs}\n\n${mine}`;
}

/**
 * The merged copy: starts from the stored version and applies the teacher's choice for every
 * difference. "both" keeps the stored text and adds the unsaved text below it; for an activity
 * that exists in one copy only, "mine"/"theirs" means keep, the other choice drops it.
 */
export function conflictMerge(mine: Draft, theirs: Draft, choices: Record<string, Choice>): Draft {
  const choiceOf = (item: ConflictItem) => choices[item.key] ?? defaultChoice(item);
  const items = conflictItems(mine, theirs);
  const merged: Draft = { ...theirs, activities: theirs.activities.map((a) => ({ ...a, description: { ...a.description } })) };
  for (const item of items) {
    const choice = choiceOf(item);
    if (item.kind === 'period' && choice === 'mine') {
      merged.periodStart = mine.periodStart;
      merged.periodEnd = mine.periodEnd;
    } else if (item.kind === 'inventory') {
      if (choice === 'mine') merged.inventoryText = item.mine;
      if (choice === 'both') merged.inventoryText = [...new Set([...inventoryLines(item.theirs), ...inventoryLines(item.mine)])].join('\n');
    } else if (item.kind === 'text' && item.field) {
      const index = merged.activities.findIndex((a) => a.id === item.activityId);
      if (index < 0 || choice === 'theirs') continue;
      merged.activities[index] = activityWithField(merged.activities[index]!, item.field, choice === 'mine' ? item.mine : combine(item.theirs, item.mine));
    } else if (item.kind === 'type' && choice === 'mine') {
      const index = merged.activities.findIndex((a) => a.id === item.activityId);
      const source = mine.activities.find((a) => a.id === item.activityId);
      if (index >= 0 && source) merged.activities[index] = { ...merged.activities[index]!, type: source.type, typeSource: source.typeSource, suggestion: source.suggestion };
    } else if (item.kind === 'onlyTheirs' && choice === 'mine') {
      merged.activities = merged.activities.filter((a) => a.id !== item.activityId);
    } else if (item.kind === 'onlyMine' && choice === 'mine') {
      const source = mine.activities.find((a) => a.id === item.activityId);
      if (source) merged.activities.push(source);
    }
  }
  return merged;
}

function activityKey(a: LearnerReportActivity): string {
  return JSON.stringify([a.title.trim(), a.description.goal, a.description.involved, a.description.role, a.description.setting, a.learningOutcomes, a.impact, a.explanation, a.type]);
}

/** The value one difference has in a copy ('' when the activity is not there). */
function itemValue(draft: Draft, item: ConflictItem): string | null {
  if (item.kind === 'period') return `${draft.periodStart} – ${draft.periodEnd}`;
  if (item.kind === 'inventory') return inventoryLines(draft.inventoryText).join('\n');
  const a = draft.activities.find((x) => x.id === item.activityId);
  if (!a) return null;
  if (item.kind === 'text' && item.field) return activityField(a, item.field).trim();
  if (item.kind === 'type') return a.type ?? '';
  return activityKey(a);
}

/**
 * A three-way look at a conflict: a difference that only one side made (the other side still
 * has the value both started from) is taken over without asking. What both sides changed is
 * left for the teacher.
 */
export function conflictAutoChoices(mine: Draft, theirs: Draft, base: Draft): { choices: Record<string, Choice>; open: ConflictItem[] } {
  const choices: Record<string, Choice> = {};
  const open: ConflictItem[] = [];
  for (const item of conflictItems(mine, theirs)) {
    const was = itemValue(base, item);
    if (item.kind === 'onlyMine') {
      // Added here → keep; removed there while unchanged here → follow the removal.
      const here = itemValue(mine, item);
      if (was === null) choices[item.key] = 'mine';
      else if (was === here) choices[item.key] = 'theirs';
      else open.push(item);
      continue;
    }
    if (item.kind === 'onlyTheirs') {
      const there = itemValue(theirs, item);
      if (was === null) choices[item.key] = 'theirs';
      else if (was === there) choices[item.key] = 'mine';
      else open.push(item);
      continue;
    }
    const here = itemValue(mine, item);
    const there = itemValue(theirs, item);
    if (here === was) choices[item.key] = 'theirs';
    else if (there === was) choices[item.key] = 'mine';
    else open.push(item);
  }
  return { choices, open };
}
