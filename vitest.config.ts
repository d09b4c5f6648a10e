import { defineConfig } from 'vitest/config';

// Three tiers: unit (pure code, incl. the engine), integration (real migrations on a real
// PostgreSQL: the embedded one, and — when TEST_DATABASE_URL is set — the same suite again on
// that server), e2e (a real Chromium). `npm test` runs them in an odd time zone so code that
// forgets Europe/Amsterdam fails.
const external = process.env.TEST_DATABASE_URL;
if (process.env.CI === 'true' && !external) {
  throw new Error('CI=true requires TEST_DATABASE_URL: the external-PostgreSQL suite must run in CI (see .ci/run).');
}

const integration = (name: string, mode: 'embedded' | 'external') => ({
  test: {
    name,
    include: ['tests/integration/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    env: { KRUISPUNT_TEST_DB: mode },
  },
});

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'tests/engine/**/*.test.ts', 'tests/unit/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      integration('integration', 'embedded'),
      ...(external ? [integration('integration-external', 'external')] : []),
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          env: { KRUISPUNT_TEST_DB: 'embedded' },
        },
      },
    ],
  },
});
