// Pure rules of practice examples: slugs, the Atom feed, and the draft text of an example made
// from a finished exchange week.

export function exampleSlug(title: string, suffix: string): string {
  const base = title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
  return `${base || 'voorbeeld'}-${suffix}`;
}

const xml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }[c]!))
  // characters XML 1.0 does not allow
  .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');

export interface ExampleFeedEntry {
  slug: string; title: string; special: string; networkName: string; publishedAt: string; updatedAt: string;
  /** The example's files, linked as enclosures (downloads through the public route). */
  attachments?: readonly { id: string; name: string; type: string; size: number }[];
}

/** An Atom 1.0 feed (RFC 4287) of published examples, newest first. */
export function exampleAtomFeed(baseUrl: string, title: string, entries: readonly ExampleFeedEntry[], now: string): string {
  const updated = entries[0]?.updatedAt ?? now;
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <title>${xml(title)}</title>`,
    `  <id>${xml(baseUrl)}/praktijkvoorbeelden</id>`,
    `  <link rel="self" href="${xml(baseUrl)}/api/public/examples.atom"/>`,
    `  <link rel="alternate" type="text/html" href="${xml(baseUrl)}/praktijkvoorbeelden"/>`,
    `  <updated>${updated}</updated>`,
    ...entries.map((e) => [
      '  <entry>',
      `    <title>${xml(e.title)}</title>`,
      `    <id>${xml(baseUrl)}/praktijkvoorbeelden/${xml(e.slug)}</id>`,
      `    <link rel="alternate" type="text/html" href="${xml(baseUrl)}/praktijkvoorbeelden/${xml(e.slug)}"/>`,
      `    <published>${e.publishedAt}</published>`,
      `    <updated>${e.updatedAt}</updated>`,
      `    <author><name>${xml(e.networkName)}</name></author>`,
      `    <summary>${xml(e.special.slice(0, 500))}</summary>`,
      ...(e.attachments ?? []).map((a) => `    <link rel="enclosure" type="${xml(a.type)}" length="${a.size}" title="${xml(a.name)}" href="${xml(baseUrl)}/api/public/examples/${encodeURIComponent(e.slug)}/attachments/${a.id}"/>`),
      '  </entry>',
    ].join('\n')),
    '</feed>',
    '',
  ].join('\n');
}
