import { ALL, MANAGERS, ed, type AreaAccess } from '../../support/access.ts';
import { makeEdition } from '../../support/exchange-fixture.ts';
import { makeExample } from './example-support.ts';

// Practice examples: every member reads the network's shared examples; coordinators write them
// and turn a finished item of a practice into a draft; the public library, an example page and the feed need no account.
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
  ],
  unscoped: ['GET /public/examples', 'GET /public/examples.atom', 'GET /public/examples/{slug}'],
};
