import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AppEnv } from '../../context.ts';
import { requireActor } from '../../context.ts';
import { body, errors, json, networkParams } from '../../openapi.ts';
import {
  teamSchema, teamInputSchema, teamMembersInputSchema, teamProposalQuerySchema, teamProposalSchema, teamMeetingInputSchema, teamMeetingLogSchema, teamProductInputSchema,
} from '../../../domain/offer/team/schema.ts';
import {
  listDesignTeams, readDesignTeam, startDesignTeam, setDesignTeamMembers, proposeDesignTeamTimes, planDesignTeamMeeting, saveDesignTeamLog, addDesignTeamProduct,
} from '../../../domain/offer/team/actions.ts';
import { tags } from './company.ts';

// Teacher design teams: members, meeting times free for all, the meeting log, products.
export const teamRoutes = new OpenAPIHono<AppEnv>();
const r = teamRoutes;
const teamParams = networkParams.extend({ teamId: z.uuid() });

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/design-teams', tags, request: { params: networkParams }, responses: { 200: json(z.array(teamSchema)), ...errors } }),
  async (c) => c.json(await listDesignTeams(c.get('deps'), requireActor(c), c.req.valid('param').networkId), 200));

r.openapi(createRoute({ method: 'post', path: '/networks/{networkId}/design-teams', tags, request: { params: networkParams, ...body(teamInputSchema) }, responses: { 201: json(teamSchema), ...errors } }),
  async (c) => c.json(await startDesignTeam(c.get('deps'), requireActor(c), c.req.valid('param').networkId, c.req.valid('json')), 201));

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/design-teams/{teamId}', tags, request: { params: teamParams }, responses: { 200: json(teamSchema), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await readDesignTeam(c.get('deps'), requireActor(c), p.networkId, p.teamId), 200);
  });

r.openapi(createRoute({ method: 'put', path: '/networks/{networkId}/design-teams/{teamId}/members', tags, request: { params: teamParams, ...body(teamMembersInputSchema) }, responses: { 200: json(teamSchema), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await setDesignTeamMembers(c.get('deps'), requireActor(c), p.networkId, p.teamId, c.req.valid('json').memberIds), 200);
  });

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/design-teams/{teamId}/proposals', tags, request: { params: teamParams, query: teamProposalQuerySchema }, responses: { 200: json(teamProposalSchema), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await proposeDesignTeamTimes(c.get('deps'), requireActor(c), p.networkId, p.teamId, c.req.valid('query')), 200);
  });

r.openapi(createRoute({ method: 'post', path: '/networks/{networkId}/design-teams/{teamId}/meetings', tags, request: { params: teamParams, ...body(teamMeetingInputSchema) }, responses: { 201: json(teamSchema), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await planDesignTeamMeeting(c.get('deps'), requireActor(c), p.networkId, p.teamId, c.req.valid('json')), 201);
  });

r.openapi(createRoute({ method: 'put', path: '/networks/{networkId}/design-team-meetings/{meetingId}/log', tags, request: { params: networkParams.extend({ meetingId: z.uuid() }), ...body(teamMeetingLogSchema) }, responses: { 200: json(teamSchema), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await saveDesignTeamLog(c.get('deps'), requireActor(c), p.networkId, p.meetingId, c.req.valid('json').log), 200);
  });

r.openapi(createRoute({ method: 'post', path: '/networks/{networkId}/design-teams/{teamId}/products', tags, request: { params: teamParams, ...body(teamProductInputSchema) }, responses: { 201: json(teamSchema), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await addDesignTeamProduct(c.get('deps'), requireActor(c), p.networkId, p.teamId, c.req.valid('json')), 201);
  });
