import { randomBytes } from 'node:crypto';
import type { Harness } from '../../support/harness.ts';
import { examples } from '../../../src/db/schema/index.ts';

// Test helper: an example stored directly (visibility 'network' unless told).
export async function makeExample(h: Harness, networkId: string, values: Partial<typeof examples.$inferInsert> = {}) {
  const [row] = await h.deps.db.insert(examples).values({
    networkId, slug: `voorbeeld-${randomBytes(5).toString('hex')}`, title: 'Docenten kijken bij elkaar in de les', special: 'Mbo en hbo leren van elkaar.',
    story: 'Tijdens een week bezoeken docenten elkaars lessen.', practice: 'exchange', sectors: ['mbo', 'hbo'], themes: ['professionalisering'],
    region: 'Gelderland', visibility: 'network', ...values,
    publishedAt: values.visibility === 'public' ? new Date() : null,
  }).returning();
  return row!;
}
