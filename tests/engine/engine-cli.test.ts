import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runEngineCommand } from '../../src/cli/engine.ts';
import { exchangeInputSchema, engineInputIssues } from '../../src/domain/exchange/match/build-engine-input.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'kruispunt-engine-'));
const write = (name: string, content: string): string => {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
};
const fixture = readFileSync(path.join(import.meta.dirname, '../fixtures/scenarios/exchange-utrecht-small.json'), 'utf8');

describe('kruispunt engine', () => {
  let stderr: string[];
  beforeEach(() => {
    stderr = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      stderr.push(String(chunk));
      return true;
    });
  });
  afterEach(() => vi.restoreAllMocks());

  it('solves an OR-Library sparse file and prints n, value and the assignment', async () => {
    const input = write('tiny.txt', '3\n1 1 4\n1 2 1\n2 1 2\n2 3 5\n3 2 3\n3 3 1\n');
    const output = path.join(dir, 'tiny.json');
    expect(await runEngineCommand(['assignment', '--input', input, '--output', output])).toBe(0);
    expect(JSON.parse(readFileSync(output, 'utf8'))).toEqual({ n: 3, value: 4, assignment: [2, 1, 3] });
  });

  it('runs the exchange scenario from a JSON file', async () => {
    const input = write('exchange.json', JSON.stringify(JSON.parse(fixture).input));
    const output = path.join(dir, 'exchange-out.json');
    expect(await runEngineCommand(['exchange', '--input', input, '--output', output])).toBe(0);
    const out = JSON.parse(readFileSync(output, 'utf8'));
    expect(out.pairs).toEqual([{ aId: 'm1', bId: 'h1', score: 60, pinned: false, trio: false }]);
    expect(out.optimal).toBe(true);
  });

  it('expands a time-zone name into rules when no table is given', async () => {
    const json = JSON.parse(fixture).input;
    delete json.zone;
    json.timeZone = 'Europe/Amsterdam';
    const output = path.join(dir, 'exchange-tz.json');
    expect(await runEngineCommand(['exchange', '--input', write('exchange-tz-in.json', JSON.stringify(json)), '--output', output])).toBe(0);
    expect(JSON.parse(readFileSync(output, 'utf8')).objective).toBe(60);
  });

  it('lists the speeddate tables per round with the teachers seated there', async () => {
    const input = write('speeddate.json', JSON.stringify({ teacherIds: ['a', 'b', 'c', 'd'], professionalIds: ['x', 'y'], tableCapacity: 2, rounds: 2 }));
    const output = path.join(dir, 'speeddate-out.json');
    expect(await runEngineCommand(['speeddate', '--input', input, '--output', output])).toBe(0);
    const out = JSON.parse(readFileSync(output, 'utf8'));
    expect(out.rounds[0].tables.map((t: { professionalId: string }) => t.professionalId)).toEqual(['x', 'y']);
    expect(out.meetings).toBe(8);
  });

  it('names the bad field and exits with 2', async () => {
    const json = JSON.parse(fixture).input;
    json.sideA[1].travelMode = 'horse';
    json.sideB[0].busy[0].end = json.sideB[0].busy[0].start - 1;
    expect(await runEngineCommand(['exchange', '--input', write('bad.json', JSON.stringify(json))])).toBe(2);
    const message = stderr.join('');
    expect(message).toMatch(/ENGINE_INPUT_INVALID/);
    expect(message).toMatch(/sideA\.1\.travelMode/);
    expect(message).toMatch(/sideB\.0\.busy\.0\.end/);
    expect(await runEngineCommand(['placement', '--input', write('bad2.json', '{"teachers":[{"id":"t","ranking":["nope"]}],"offers":[]}')])).toBe(2);
    expect(stderr.join('')).toMatch(/teachers\.0\.ranking\.0: unknown offer nope/);
    expect(await runEngineCommand(['speeddate', '--input', write('bad3.json', '{not json')])).toBe(2);
    expect(await runEngineCommand(['nonsense'])).toBe(2);
    expect(await runEngineCommand(['assignment'])).toBe(2);
  });

  it('reports unknown locations through the schema', () => {
    const json = JSON.parse(fixture).input;
    json.sideB[1].locationId = 'atlantis';
    const parsed = exchangeInputSchema.safeParse(json);
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(engineInputIssues(parsed.error)).toEqual(['sideB.1.locationId: unknown location atlantis']);
  });
});
