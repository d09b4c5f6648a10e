import { sql } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import { AppError } from '../../../lib/errors.ts';
import type { Actor, Deps } from '../../foundation/auth/types.ts';
import { recordAudit } from '../../foundation/network/mutations.ts';
import { getExample, getPublicExample, listNewPublicExamples, searchExamples } from './data.ts';
import { createExample as insertExample, deleteExample as removeExample, updateExample as changeExample } from './mutations.ts';
import { policyExampleManage, policyExampleRead } from './policy.ts';
import { exampleAtomFeed, exampleSlug } from './rules.ts';
import { countExampleAttachments, getExampleAttachment, listExampleAttachments } from '../attachment/data.ts';
import { deleteExampleAttachment, insertExampleAttachment } from '../attachment/mutations.ts';
import { ATTACHMENT_MAX_COUNT, attachmentCheck } from '../attachment/rules.ts';
import type { ExampleAttachment } from '../attachment/schema.ts';
import type { UploadDownload } from '../../../lib/upload-file.ts';
import { examplePracticeSchema, exampleSectorSchema, exampleThemeSchema, type Example, type ExampleInput, type ExamplePatch, type ExampleSearchQuery, type ExampleSearchResult } from './schema.ts';

type Row = NonNullable<Awaited<ReturnType<typeof getExample>>>;
/** An example with its files listed (never their bytes). */
const presentWithFiles = async (deps: Deps, row: Row): Promise<Example> => present(row, (await listExampleAttachments(deps.db, [row.example.id])).get(row.example.id) ?? []);
const present = ({ example: e, networkName }: Row, attachments: ExampleAttachment[]): Example => ({
  id: e.id, slug: e.slug, networkName, title: e.title, special: e.special, story: e.story, tips: e.tips, links: e.links, sectors: e.sectors, themes: e.themes,
  practice: e.practice, region: e.region, institutions: e.institutions, contactName: e.contactName, contactEmail: e.contactEmail,
  visibility: e.visibility as Example['visibility'], language: e.language as Example['language'], attachments, origin: e.origin ?? null, publishedAt: e.publishedAt?.toISOString() ?? null, updatedAt: e.updatedAt.toISOString(),
});

export async function searchNetworkExamples(deps: Deps, actor: Actor, networkId: string, query: ExampleSearchQuery): Promise<ExampleSearchResult> {
  const { nid, drafts } = policyExampleRead(actor, networkId);
  return searchExamples(deps.db, { kind: 'network', networkId: nid, drafts }, query);
}

export async function searchPublicExamples(deps: Deps, query: ExampleSearchQuery): Promise<ExampleSearchResult> {
  return searchExamples(deps.db, { kind: 'public' }, query);
}

export async function readExample(deps: Deps, actor: Actor, networkId: string, id: string): Promise<Example> {
  const { nid, drafts } = policyExampleRead(actor, networkId);
  const row = await getExample(deps.db, nid, id);
  if (!row || (row.example.visibility === 'draft' && !drafts)) throw new AppError('NOT_FOUND');
  return presentWithFiles(deps, row);
}

export async function readPublicExample(deps: Deps, slug: string): Promise<Example> {
  const row = await getPublicExample(deps.db, slug);
  if (!row) throw new AppError('NOT_FOUND');
  return { ...(await presentWithFiles(deps, row)), origin: null };
}

export async function createExample(deps: Deps, actor: Actor, networkId: string, input: ExampleInput): Promise<Example> {
  const nid = policyExampleManage(actor, networkId);
  const id = await deps.db.transaction(async (tx) => {
    const id = await insertExample(tx, nid, { ...input, slug: exampleSlug(input.title, randomBytes(4).toString('hex')), createdBy: actor.personId }, deps.now());
    await recordAudit(tx, nid, actor.personId, 'create', 'example', id, null);
    return id;
  });
  return presentWithFiles(deps, (await getExample(deps.db, nid, id))!);
}

export async function updateExample(deps: Deps, actor: Actor, networkId: string, id: string, patch: ExamplePatch): Promise<Example> {
  const nid = policyExampleManage(actor, networkId);
  const row = await getExample(deps.db, nid, id);
  if (!row) throw new AppError('NOT_FOUND');
  const publishing = patch.visibility === 'public' && row.example.visibility !== 'public';
  await changeExample(deps.db, nid, id, { ...patch, ...(publishing ? { publishedAt: deps.now() } : {}) }, deps.now());
  await recordAudit(deps.db, nid, actor.personId, 'update', 'example', id, null);
  return presentWithFiles(deps, (await getExample(deps.db, nid, id))!);
}

export async function deleteExample(deps: Deps, actor: Actor, networkId: string, id: string): Promise<void> {
  const nid = policyExampleManage(actor, networkId);
  if (!(await getExample(deps.db, nid, id))) throw new AppError('NOT_FOUND');
  await deps.db.transaction(async (tx) => {
    await removeExample(tx, nid, id);
    await recordAudit(tx, nid, actor.personId, 'delete', 'example', id, null);
  });
}

/**
 * From practice to example: a finished item of a practice (exchange week, leerlab, company visit,
 * speeddate, co-creation session) becomes a draft with its facts filled in. Each practice offers its
 * items through the `exampleDraftSources` port; this area never reads their tables.
 */
export async function createExampleFromPractice(deps: Deps, actor: Actor, networkId: string, source: string, sourceId: string): Promise<Example> {
  const nid = policyExampleManage(actor, networkId);
  const from = deps.ports.exampleDraftSources.find((s) => s.source === source);
  if (!from) throw new AppError('NOT_FOUND');
  const built = await from.build(deps, nid, sourceId);
  if (!built) throw new AppError('NOT_FOUND');
  if (!built.finished) throw new AppError('EXAMPLE_SOURCE_NOT_FINISHED');
  const d = built.draft;
  const practice = examplePracticeSchema.catch('other').parse(d.practice);
  const themes = d.themes.filter((t): t is ExampleInput['themes'][number] => exampleThemeSchema.safeParse(t).success);
  const input: ExampleInput = {
    title: d.title.slice(0, 200), special: d.special.slice(0, 4000), story: d.story.slice(0, 20000),
    sectors: [...new Set(d.sectors)].filter((s): s is ExampleInput['sectors'][number] => exampleSectorSchema.safeParse(s).success),
    institutions: [...new Set(d.institutions)].filter((i) => i.trim() !== '').slice(0, 30).map((i) => i.slice(0, 200)),
    tips: [], links: [], themes, practice, region: '', contactName: actor.name, contactEmail: actor.email, visibility: 'draft', language: 'nl',
  };
  const id = await deps.db.transaction(async (tx) => {
    const id = await insertExample(tx, nid, { ...input, slug: exampleSlug(input.title, randomBytes(4).toString('hex')), createdBy: actor.personId, origin: { source, sourceId } }, deps.now());
    await recordAudit(tx, nid, actor.personId, 'create', 'example', id, { from: sourceId, source });
    return id;
  });
  return presentWithFiles(deps, (await getExample(deps.db, nid, id))!);
}

/** The Atom feed of new published examples, with their files as enclosures. */
export async function buildExampleFeed(deps: Deps, title: string): Promise<string> {
  const base = (deps.config.PUBLIC_URL ?? `http://${deps.config.HOST}:${deps.config.PORT}`).replace(/\/$/, '');
  const rows = await listNewPublicExamples(deps.db);
  const files = await listExampleAttachments(deps.db, rows.map((r) => r.example.id));
  return exampleAtomFeed(base, title, rows.map(({ example: e, networkName }) => ({
    slug: e.slug, title: e.title, special: e.special, networkName, publishedAt: (e.publishedAt ?? e.createdAt).toISOString(), updatedAt: e.updatedAt.toISOString(),
    attachments: (files.get(e.id) ?? []).map((a) => ({ id: a.id, name: a.name, type: a.type, size: a.size })),
  })), deps.now().toISOString());
}

// An example's files: coordinators (edition:manage) add and remove them; whoever may read the
// example downloads them (members of the network; anyone for a published example).


export async function addExampleAttachment(deps: Deps, actor: Actor, networkId: string, exampleId: string, rawName: string, bytes: Uint8Array): Promise<ExampleAttachment> {
  const nid = policyExampleManage(actor, networkId);
  if (!(await getExample(deps.db, nid, exampleId))) throw new AppError('NOT_FOUND');
  const checked = attachmentCheck(rawName, bytes);
  if (!checked.ok) throw new AppError(checked.code);
  return deps.db.transaction(async (tx) => {
    // one upload at a time per example, so the count holds
    await tx.execute(sql`select 1 from examples where id = ${exampleId} for update`);
    if ((await countExampleAttachments(tx, exampleId)) >= ATTACHMENT_MAX_COUNT) throw new AppError('EXAMPLE_ATTACHMENT_LIMIT');
    const row = await insertExampleAttachment(tx, nid, { exampleId, name: checked.name, type: checked.type, bytes: Buffer.from(bytes), createdBy: actor.personId }, deps.now());
    await recordAudit(tx, nid, actor.personId, 'create', 'example_attachment', row.id, { exampleId, type: row.type, size: row.size });
    return row;
  });
}

export async function removeExampleAttachment(deps: Deps, actor: Actor, networkId: string, exampleId: string, attachmentId: string): Promise<void> {
  const nid = policyExampleManage(actor, networkId);
  await deps.db.transaction(async (tx) => {
    if (!(await deleteExampleAttachment(tx, nid, exampleId, attachmentId))) throw new AppError('NOT_FOUND');
    await recordAudit(tx, nid, actor.personId, 'delete', 'example_attachment', attachmentId, { exampleId });
  });
}

/** A file of an example the actor may read (drafts only for the network's coordinators). */
export async function readExampleAttachment(deps: Deps, actor: Actor, networkId: string, exampleId: string, attachmentId: string): Promise<UploadDownload> {
  const { nid, drafts } = policyExampleRead(actor, networkId);
  const example = await getExample(deps.db, nid, exampleId);
  if (!example || (example.example.visibility === 'draft' && !drafts)) throw new AppError('NOT_FOUND');
  const file = await getExampleAttachment(deps.db, exampleId, attachmentId, nid);
  if (!file) throw new AppError('NOT_FOUND');
  return { name: file.name, type: file.type, bytes: file.bytes };
}

/** A file of a published example, for anyone. */
export async function readPublicExampleAttachment(deps: Deps, slug: string, attachmentId: string): Promise<UploadDownload> {
  const example = await getPublicExample(deps.db, slug);
  if (!example) throw new AppError('NOT_FOUND');
  const file = await getExampleAttachment(deps.db, example.example.id, attachmentId);
  if (!file) throw new AppError('NOT_FOUND');
  return { name: file.name, type: file.type, bytes: file.bytes };
}
