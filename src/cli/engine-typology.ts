// `kruispunt engine typology --input FILE [--output FILE]`: suggests a learner-report type for
// every activity in {"activities":[{"id","text"}]} and prints
// {"suggestions":[{"id","type","formal","why","confidence"}]}.
import { readFile, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { typologySuggestMany } from '../engine/typology/index.ts';

export const typologyInputSchema = z.strictObject({
  activities: z.array(
    z.strictObject({
      id: z.string().min(1),
      text: z.string().max(20_000),
    }),
  ),
});
export type TypologyInput = z.infer<typeof typologyInputSchema>;

const usage = 'usage: kruispunt engine typology --input FILE [--output FILE]\n';

function fail(code: string, detail: string): number {
  process.stderr.write(`${code}: ${detail}\n`);
  return 2;
}

function parseArgs(args: readonly string[]): { input: string; output: string | null } | string {
  let input: string | null = null;
  let output: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = args[i + 1];
    if ((arg === '--input' || arg === '--output') && (value === undefined || value.startsWith('--'))) {
      return `${arg} needs a file`;
    }
    if (arg === '--input') input = value!;
    else if (arg === '--output') output = value!;
    else return `unknown argument "${arg}"`;
    i++;
  }
  return input === null ? '--input is required' : { input, output };
}

export async function runTypologyCommand(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(usage);
    return 0;
  }
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') return fail('USAGE', `${parsed}\n${usage}`);

  let raw: string;
  try {
    raw = await readFile(parsed.input, 'utf8');
  } catch {
    return fail('INPUT_NOT_READABLE', parsed.input);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    return fail('INPUT_NOT_JSON', error instanceof Error ? error.message : parsed.input);
  }
  const result = typologyInputSchema.safeParse(json);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`);
    return fail('INPUT_INVALID', lines.join('\n'));
  }
  const ids = new Set<string>();
  for (const [i, activity] of result.data.activities.entries()) {
    if (ids.has(activity.id)) return fail('INPUT_INVALID', `activities.${i}.id: duplicate id "${activity.id}"`);
    ids.add(activity.id);
  }

  const suggestions = typologySuggestMany(result.data.activities).map((s) => ({
    id: s.id,
    type: s.type,
    formal: s.formal,
    why: s.why,
    confidence: s.confidence,
    ...(s.reason === null ? {} : { reason: s.reason }),
  }));
  const out = `${JSON.stringify({ suggestions })}\n`;
  if (parsed.output !== null) {
    try {
      await writeFile(parsed.output, out);
    } catch {
      return fail('OUTPUT_NOT_WRITABLE', parsed.output);
    }
  } else {
    process.stdout.write(out);
  }
  return 0;
}
