import { ALL, MANAGERS, ed, type AreaAccess } from '../../support/access.ts';
import { makeEdition } from '../../support/exchange-fixture.ts';
import { PDF_BYTES, makeAttachment, makeExample } from './example-support.ts';

// Practice examples: every member reads the network's shared examples; coordinators write them
// and turn a finished item of a practice into a draft, and add and remove an example's files, which
// every reader downloads; the public library, an example page, its files and the feed need no account.
export const access: AreaAccess = {
  routes: [
    { method: 'GET', path: '/networks/{networkId}/examples', allowed: ALL, target: (f) => ({ nid: f.nid, query: 'q=docent&sector=mbo' }) },
    { method: 'POST', path: '/networks/{networkId}/examples', allowed: MANAGERS, target: (f) => ({ nid: f.nid }), body: () => ({ title: 'Leerlab techniek', practice: 'leerlab', sectors: ['vmbo', 'mbo'] }) },
    { method: 'GET', path: '/networks/{networkId}/examples/{id}', allowed: ALL, target: async (f, h) => ({ nid: f.nid, id: (await makeExample(h, f.nid)).id }) },
    { method: 'PATCH', path: '/networks/{networkId}/examples/{id}', allowed: MANAGERS, target: async (f, h) => ({ nid: f.nid, id: (await makeExample(h, f.nid)).id }), body: () => ({ region: 'Utrecht' }) },
    { method: 'DELETE', path: '/networks/{networkId}/examples/{id}', allowed: MANAGERS, target: async (f, h) => ({ nid: f.nid, id: (await makeExample(h, f.nid)).id }) },
    { method: 'POST', path: '/networks/{networkId}/editions/{editionId}/example', allowed: MANAGERS, target: async (f, h) => ed(f, await makeEdition(h, f.nid, { a: f.inst, b: f.otherInst }, 'evaluation')) },
    {
      method: 'POST', path: '/networks/{networkId}/examples/from/{source}/{sourceId}', allowed: MANAGERS,
      target: async (f, h) => ({ nid: f.nid, params: { source: 'exchange_edition', sourceId: await makeEdition(h, f.nid, { a: f.inst, b: f.otherInst }, 'closed') } }),
    },
    {
      method: 'POST', path: '/networks/{networkId}/examples/{id}/attachments', allowed: MANAGERS,
      target: async (f, h) => ({ nid: f.nid, id: (await makeExample(h, f.nid)).id, query: 'name=plan.pdf' }), body: () => PDF_BYTES.toString('latin1'),
    },
    {
      method: 'GET', path: '/networks/{networkId}/examples/{id}/attachments/{attachmentId}', allowed: ALL,
      target: async (f, h) => { const e = await makeExample(h, f.nid); return { nid: f.nid, id: e.id, params: { attachmentId: (await makeAttachment(h, e)).id } }; },
    },
    {
      method: 'DELETE', path: '/networks/{networkId}/examples/{id}/attachments/{attachmentId}', allowed: MANAGERS,
      target: async (f, h) => { const e = await makeExample(h, f.nid); return { nid: f.nid, id: e.id, params: { attachmentId: (await makeAttachment(h, e)).id } }; },
    },
  ],
  unscoped: ['GET /public/examples', 'GET /public/examples.atom', 'GET /public/examples/{slug}', 'GET /public/examples/{slug}/attachments/{attachmentId}'],
};
