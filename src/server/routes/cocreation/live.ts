import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { getCookie, setCookie } from 'hono/cookie';
import { streamSSE } from 'hono/streaming';
import type { Context } from 'hono';
import type { AppEnv } from '../../context.ts';
import { body, errorSchema, errors, json } from '../../openapi.ts';
import { boardSchema } from '../../../domain/cocreation/session/schema.ts';
import { readBoard } from '../../../domain/cocreation/session/actions.ts';
import { joinInputSchema, joinResultSchema, participantStateSchema, PARTICIPANT_COOKIE } from '../../../domain/cocreation/participant/schema.ts';
import { authenticateViewer, joinCocreationSession, readParticipantState } from '../../../domain/cocreation/participant/actions.ts';
import { attachInputSchema, markInputSchema, statementInputSchema, statementResultSchema } from '../../../domain/cocreation/statement/schema.ts';
import { attachCocreationStatement, markCocreationStatement, postCocreationStatement } from '../../../domain/cocreation/statement/actions.ts';
import { consentInputSchema, consentResultSchema, dotsInputSchema, proposalEditInputSchema, proposalEditResultSchema, voteResultSchema } from '../../../domain/cocreation/proposal/schema.ts';
import { consentCocreationProposal, editCocreationProposal, voteCocreationProposal } from '../../../domain/cocreation/proposal/actions.ts';
import { liveConnect } from './live-hub.ts';

// Taking part, without an account: join with the code (an HttpOnly cookie scoped to the session's
// path keeps the participant, so a reload rejoins), the board and its live stream (Server-Sent
// Events), and the participant's contributions in each step. Not scoped to a network in the URL:
// the session's code and the participant's token lead to it.
export const liveRoutes = new OpenAPIHono<AppEnv>();
const r = liveRoutes;
const tags = ['cocreation'];
const base = '/cocreation/sessions/{sessionId}';
const sessionParams = z.object({ sessionId: z.uuid() });
const statementParams = z.object({ sessionId: z.uuid(), statementId: z.uuid() });
const proposalParams = z.object({ sessionId: z.uuid(), proposalId: z.uuid() });
const more = {
  409: json(errorSchema, 'Not in this step, or already decided'), 410: json(errorSchema, 'Ended or expired'),
  422: json(errorSchema, 'Over the dot budget or too long'), 429: json(errorSchema, 'Too many writes from one participant'),
};
const COOKIE_DAYS = 3;
const token = (c: Context<AppEnv>) => getCookie(c, PARTICIPANT_COOKIE);

r.openapi(createRoute({ method: 'post', path: '/cocreation/join', tags, request: { ...body(joinInputSchema) }, responses: { 200: json(joinResultSchema), ...errors, ...more } }),
  async (c) => {
    const joined = await joinCocreationSession(c.get('deps'), c.get('actor'), c.req.valid('json'));
    setCookie(c, PARTICIPANT_COOKIE, joined.token, {
      path: `/api/cocreation/sessions/${joined.sessionId}`, httpOnly: true, sameSite: 'Lax', secure: c.get('request').secure ?? false, maxAge: COOKIE_DAYS * 86_400,
    });
    return c.json({ sessionId: joined.sessionId, participantId: joined.participantId, displayName: joined.displayName }, 200);
  });

r.openapi(createRoute({ method: 'get', path: `${base}/me`, tags, request: { params: sessionParams }, responses: { 200: json(participantStateSchema), ...errors } }),
  async (c) => c.json(await readParticipantState(c.get('deps'), c.req.valid('param').sessionId, token(c), c.get('actor')), 200));

r.openapi(createRoute({ method: 'get', path: `${base}/board`, tags, request: { params: sessionParams }, responses: { 200: json(boardSchema), ...errors } }),
  async (c) => {
    const { sessionId } = c.req.valid('param');
    const nid = await authenticateViewer(c.get('deps'), sessionId, token(c), c.get('actor'));
    return c.json(await readBoard(c.get('deps'), nid, sessionId), 200);
  });

r.openapi(createRoute({ method: 'get', path: `${base}/events`, tags, request: { params: sessionParams }, responses: { 200: { content: { 'text/event-stream': { schema: z.string() } }, description: 'The whole board ("board" events: on connecting, after a step, a join or a setup change) and what changed ("delta" events: statements and proposals, see boardDeltaSchema); the id is the board\'s seq' }, ...errors } }),
  async (c) => {
    const deps = c.get('deps');
    const { sessionId } = c.req.valid('param');
    const nid = await authenticateViewer(deps, sessionId, token(c), c.get('actor'));
    c.header('cache-control', 'no-store');
    c.header('x-accel-buffering', 'no');
    return streamSSE(c, async (stream) => {
      let chain = Promise.resolve();
      // A browser that reconnects says which change it has (Last-Event-ID = the board's seq).
      const lastEventId = Number(c.req.header('last-event-id') ?? NaN);
      const disconnect = await liveConnect(deps, nid, sessionId, (event, seq, data) => {
        chain = chain.then(() => stream.writeSSE({ event, id: String(seq), data })).catch(() => undefined);
      }, Number.isSafeInteger(lastEventId) ? lastEventId : undefined);
      const heartbeat = setInterval(() => { chain = chain.then(() => stream.write(': keep-alive\n\n')).then(() => undefined).catch(() => undefined); }, 15_000);
      await new Promise<void>((resolve) => stream.onAbort(() => resolve()));
      clearInterval(heartbeat);
      disconnect();
    });
  });

r.openapi(createRoute({ method: 'post', path: `${base}/statements`, tags, request: { params: sessionParams, ...body(statementInputSchema) }, responses: { 201: json(statementResultSchema), ...errors, ...more } }),
  async (c) => c.json(await postCocreationStatement(c.get('deps'), c.req.valid('param').sessionId, token(c), c.get('actor'), c.req.valid('json')), 201));

r.openapi(createRoute({ method: 'put', path: `${base}/statements/{statementId}/mark`, tags, request: { params: statementParams, ...body(markInputSchema) }, responses: { 200: json(statementResultSchema), ...errors, ...more } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await markCocreationStatement(c.get('deps'), p.sessionId, token(c), c.get('actor'), p.statementId, c.req.valid('json').mark), 200);
  });

r.openapi(createRoute({ method: 'put', path: `${base}/statements/{statementId}/domains`, tags, request: { params: statementParams, ...body(attachInputSchema) }, responses: { 200: json(statementResultSchema), ...errors, ...more } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await attachCocreationStatement(c.get('deps'), p.sessionId, token(c), c.get('actor'), p.statementId, c.req.valid('json').domainKeys), 200);
  });

r.openapi(createRoute({ method: 'post', path: `${base}/proposals/{proposalId}/edits`, tags, request: { params: proposalParams, ...body(proposalEditInputSchema) }, responses: { 200: json(proposalEditResultSchema), ...errors, ...more } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await editCocreationProposal(c.get('deps'), p.sessionId, token(c), c.get('actor'), p.proposalId, c.req.valid('json')), 200);
  });

r.openapi(createRoute({ method: 'put', path: `${base}/proposals/{proposalId}/dots`, tags, request: { params: proposalParams, ...body(dotsInputSchema) }, responses: { 200: json(voteResultSchema), ...errors, ...more } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await voteCocreationProposal(c.get('deps'), p.sessionId, token(c), c.get('actor'), p.proposalId, c.req.valid('json').dots), 200);
  });

r.openapi(createRoute({ method: 'put', path: `${base}/proposals/{proposalId}/consent`, tags, request: { params: proposalParams, ...body(consentInputSchema) }, responses: { 200: json(consentResultSchema), ...errors, ...more } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await consentCocreationProposal(c.get('deps'), p.sessionId, token(c), c.get('actor'), p.proposalId, c.req.valid('json')), 200);
  });
