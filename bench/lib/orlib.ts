// Where the OR-Library instances live and their published optima (J.E. Beasley's OR-Library,
// values as listed in ../shared/bench-data/README.md).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** `../shared/bench-data/orlib` relative to the repository root. */
export const ORLIB_DIR = path.resolve(repoRoot, '../shared/bench-data/orlib');
export const SHARED_DATA_DIR = path.resolve(repoRoot, '../shared/data');
export const FIXTURES_DIR = path.resolve(repoRoot, 'tests/fixtures/scenarios');

export const ORLIB_OPTIMA: Readonly<Record<string, number>> = {
  assign100: 305,
  assign200: 475,
  assign300: 626,
  assign400: 804,
  assign500: 991,
  assign600: 1176,
  assign700: 1362,
  assign800: 1552,
  assignp800: 2239,
  assignp1500: 5839,
  assignp3000: 18696,
  assignp5000: 48533,
};

export function orlibAvailable(): boolean {
  return existsSync(ORLIB_DIR);
}
