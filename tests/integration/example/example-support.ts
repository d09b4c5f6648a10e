import { randomBytes } from 'node:crypto';
import type { Harness } from '../../support/harness.ts';
import { exampleAttachments, examples } from '../../../src/db/schema/index.ts';

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

/** A small valid PDF's bytes, for uploads. */
export const PDF_BYTES = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

/** Test helper: a file of an example stored directly. */
export async function makeAttachment(h: Harness, example: { id: string; networkId: string }, name = 'plan.pdf') {
  const [row] = await h.deps.db.insert(exampleAttachments).values({
    exampleId: example.id, networkId: example.networkId, name, type: 'application/pdf', size: PDF_BYTES.length, bytes: PDF_BYTES,
  }).returning();
  return row!;
}
