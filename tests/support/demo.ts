import { expect } from 'vitest';
import { DEMO_LOGINS } from '../../src/db/seed/demo.ts';
import type { ApiClient, Harness } from './harness.ts';

/** A client logged in as the demo account of `role` (the logins shown on the demo's login page). */
export async function demoLogin(h: Harness, role: (typeof DEMO_LOGINS)[number]['role']): Promise<ApiClient> {
  const login = DEMO_LOGINS.find((x) => x.role === role)!;
  const client = h.client();
  expect((await client.login(login.email, login.password)).status).toBe(200);
  return client;
}

/** The demo network's id, as a logged-in demo account sees it. */
export async function demoNetworkId(client: ApiClient): Promise<string> {
  return (await client.request('GET', '/api/auth/me')).body.memberships[0].networkId;
}
