import type { Harness } from './harness.ts';
import type { Role } from '../../src/domain/foundation/person/schema.ts';
import type { ExchangeFixture } from './exchange-fixture.ts';

// The access table of every area: each area lists its API routes in tests/integration/<area>/access.ts
// with the roles that may call them. tests/integration/tenant-isolation.test.ts reads the list of
// areas from the server's modules, so a new area or route without its table fails the test.

/** Path parameters (networkId and id, plus any others by name), an optional query string and a body that overrides the route's. */
export type Ids = { nid: string; id?: string; params?: Record<string, string>; query?: string; body?: unknown };
export interface Fixture {
  nid: string;
  instName: string;
  inst: string; // the school coordinator's / team lead's / teacher's institution
  otherInst: string; // another institution in the same network
  loc: string;
  prog: string;
  teacher: string; // a teacher of `inst` (not the actor)
  invitation: string;
  reportAuthor: string; // the teacher actor (in B: `teacher`), author of `report`
  report: string;
  reportActivity: string;
  ex: ExchangeFixture;
  progB: string;
  locB: string;
  teacherB: string; // a teacher of `otherInst` (side b of the exchange editions)
}

export interface RouteCase {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string; // OpenAPI path as registered, e.g. /networks/{networkId}/institutions/{id}
  allowed: Role[];
  /** ids inside the fixture network; destructive routes create a fresh target each call */
  target: (f: Fixture, h: Harness) => Promise<Ids> | Ids;
  body?: (f: Fixture) => unknown;
  /** Status for roles not in `allowed` (default 403); e.g. 409 where the role may ask but has nothing to get. */
  deniedStatus?: number;
}

export interface AreaAccess {
  /** Every network-scoped route of the area. */
  routes: RouteCase[];
  /** Routes not scoped to a network: public, or about the logged-in user only ("GET /auth/me"). */
  unscoped: string[];
}

export const ALL: Role[] = ['admin', 'network_coordinator', 'school_coordinator', 'team_lead', 'teacher', 'professional'];
export const MANAGERS: Role[] = ['admin', 'network_coordinator'];
export const SCHOOL: Role[] = ['admin', 'network_coordinator', 'school_coordinator'];
export const PEOPLE_READERS: Role[] = ['admin', 'network_coordinator', 'school_coordinator', 'team_lead'];

export const ed = (f: Fixture, editionId: string, extra: Record<string, string> = {}): Ids => ({ nid: f.nid, params: { editionId, ...extra } });
