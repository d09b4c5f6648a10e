// `kruispunt engine <problem> --input FILE [--output FILE]`: runs the pure engine on a file.
//   exchange    JSON (see docs/engine.md) → pairs, visits, reasons, objective and dual bound
//   speeddate   JSON → rounds with each professional's table and the teachers seated there
//   placement   JSON → stable and welfare-optimal placements and the gap between them
//   assignment  OR-Library text (dense or sparse) → {"n","value","assignment"} (1-based columns)
//   typology    delegated to engine-typology.ts
// Bad input: a message naming the bad field on stderr and exit code 2.
import { readFile, writeFile } from 'node:fs/promises';
import type { z } from 'zod';
import {
  engineInputIssues,
  exchangeInputPrepare,
  exchangeInputSchema,
  placementInputPrepare,
  placementInputSchema,
  speeddateInputPrepare,
  speeddateInputSchema,
} from '../domain/exchange/match/build-engine-input.ts';
import { assignmentParse, assignmentSolve, exchangeSolve, placementSolve, rotationBuild } from '../engine/index.ts';

const usage = `usage: kruispunt engine <exchange|speeddate|placement|assignment|typology> --input FILE [--output FILE]
`;

function fail(code: string, detail: string): number {
  process.stderr.write(`${code}: ${detail}\n`);
  return 2;
}

function argsParse(args: readonly string[]): { input: string; output: string | null } | string {
  let input: string | null = null;
  let output: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = args[i + 1];
    if (arg === '--input' || arg === '--output') {
      if (value === undefined) return `${arg} needs a file name`;
      if (arg === '--input') input = value;
      else output = value;
      i++;
    } else return `unknown argument ${arg}`;
  }
  if (input === null) return '--input is required';
  return { input, output };
}

function validate<T extends z.ZodType>(schema: T, json: unknown): { ok: true; data: z.infer<T> } | { ok: false; issues: string[] } {
  const parsed = schema.safeParse(json);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, issues: engineInputIssues(parsed.error) };
}

export async function runEngineCommand(args: string[]): Promise<number> {
  const [problem, ...rest] = args;
  if (problem === 'typology') {
    const { runTypologyCommand } = await import('./engine-typology.ts');
    return runTypologyCommand(rest);
  }
  if (problem === undefined || problem === '--help' || problem === 'help') {
    process.stdout.write(usage);
    return problem === undefined ? 2 : 0;
  }
  if (!['exchange', 'speeddate', 'placement', 'assignment'].includes(problem)) return fail('ENGINE_PROBLEM_UNKNOWN', `${problem}\n${usage}`);
  const parsedArgs = argsParse(rest);
  if (typeof parsedArgs === 'string') return fail('ENGINE_ARGUMENTS_INVALID', `${parsedArgs}\n${usage}`);
  let text: string;
  try {
    text = await readFile(parsedArgs.input, 'utf8');
  } catch (error) {
    return fail('ENGINE_INPUT_UNREADABLE', `${parsedArgs.input}: ${(error as Error).message}`);
  }

  let result: unknown;
  try {
    if (problem === 'assignment') {
      const parsed = assignmentParse(text);
      if (!parsed.ok) return fail(parsed.reason, parsed.detail ?? parsedArgs.input);
      const { matrix } = parsed;
      const solution = assignmentSolve(matrix);
      if (!solution.ok) return fail(solution.reason, parsedArgs.input);
      result = { n: matrix.n, value: solution.value, assignment: Array.from(solution.rowToCol, (j) => j + 1) };
    } else {
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (error) {
        return fail('ENGINE_INPUT_NOT_JSON', (error as Error).message);
      }
      if (problem === 'exchange') {
        const v = validate(exchangeInputSchema, json);
        if (!v.ok) return fail('ENGINE_INPUT_INVALID', v.issues.join('\n'));
        result = exchangeSolve(exchangeInputPrepare(v.data));
      } else if (problem === 'speeddate') {
        const v = validate(speeddateInputSchema, json);
        if (!v.ok) return fail('ENGINE_INPUT_INVALID', v.issues.join('\n'));
        result = rotationBuild(speeddateInputPrepare(v.data));
      } else {
        const v = validate(placementInputSchema, json);
        if (!v.ok) return fail('ENGINE_INPUT_INVALID', v.issues.join('\n'));
        result = placementSolve(placementInputPrepare(v.data));
      }
    }
  } catch (error) {
    // Left for inputs the engine cannot read at all (e.g. a date the schema let through).
    return fail('ENGINE_INPUT_REJECTED', (error as Error).message);
  }
  // Expected failures come back as data: { ok: false, reason, detail } (duplicate ids, unknown locations, …).
  if (typeof result === 'object' && result !== null && 'ok' in result && result.ok === false) {
    const failure = result as unknown as { reason: string; detail?: string };
    return fail('ENGINE_INPUT_REJECTED', failure.detail === undefined ? failure.reason : `${failure.reason}: ${failure.detail}`);
  }
  const out = `${JSON.stringify(result)}\n`;
  if (parsedArgs.output) await writeFile(parsedArgs.output, out);
  else process.stdout.write(out);
  return 0;
}
