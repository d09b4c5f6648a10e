import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import type { AppEnv } from '../../context.ts';
import { requireActor } from '../../context.ts';
import { body, errors, json, networkParams } from '../../openapi.ts';
import { checkInSchema, choicesSchema, clockSchema, pauseInputSchema, registrationSchema, serverTimeSchema, speeddateInputSchema, speeddateSchema, speeddateSummarySchema } from '../../../domain/speeddate/event/schema.ts';
import { checkInSpeeddate, chooseSpeeddate, createSpeeddate, findSpeeddateNetwork, listSpeeddates, pauseSpeeddate, readServerTime, readSpeeddate, readSpeeddateClock, respondSpeeddate } from '../../../domain/speeddate/event/actions.ts';
import { renderSpeeddateRouteCards } from '../../../domain/speeddate/event/render-route-cards.ts';
import { exportSpeeddateRoute } from '../../../domain/speeddate/event/export-route.ts';
import { clockConnect } from './clock-hub.ts';

// Speeddates: coordinators organise and check in, participants register, choose and watch the clock.
export const speeddateRoutes = new OpenAPIHono<AppEnv>();
const r = speeddateRoutes;
const tags = ['speeddate'];
const params = networkParams.extend({ eventId: z.uuid() });
const conflict = { 409: errors[400], 422: errors[400] };
const pdf = { content: { 'application/pdf': { schema: z.string().meta({ format: 'binary' }) } }, description: 'PDF' };
const file = { content: { 'text/csv': { schema: z.string() }, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string().meta({ format: 'binary' }) } }, description: 'CSV or XLSX' };
const fileHeaders = (type: string, filename: string) => ({ 'content-type': type, 'content-disposition': `attachment; filename="${filename}"`, 'cache-control': 'no-store' });

r.openapi(createRoute({ method: 'get', path: '/time', tags, responses: { 200: json(serverTimeSchema) } }),
  async (c) => c.json(readServerTime(c.get('deps')), 200, { 'cache-control': 'no-store' }));

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/speeddates', tags, request: { params: networkParams }, responses: { 200: json(z.array(speeddateSummarySchema)), ...errors } }),
  async (c) => c.json(await listSpeeddates(c.get('deps'), requireActor(c), c.req.valid('param').networkId), 200));

r.openapi(createRoute({ method: 'post', path: '/networks/{networkId}/speeddates', tags, request: { params: networkParams, ...body(speeddateInputSchema) }, responses: { 201: json(speeddateSchema), ...errors, ...conflict } }),
  async (c) => c.json(await createSpeeddate(c.get('deps'), requireActor(c), c.req.valid('param').networkId, c.req.valid('json')), 201));

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/speeddates/{eventId}', tags, request: { params }, responses: { 200: json(speeddateSchema), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await readSpeeddate(c.get('deps'), requireActor(c), p.networkId, p.eventId), 200);
  });

r.openapi(createRoute({ method: 'put', path: '/networks/{networkId}/speeddates/{eventId}/registration', tags, request: { params, ...body(registrationSchema) }, responses: { 200: json(speeddateSchema), ...errors, ...conflict } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await respondSpeeddate(c.get('deps'), requireActor(c), p.networkId, p.eventId, c.req.valid('json').attending), 200);
  });

r.openapi(createRoute({ method: 'post', path: '/networks/{networkId}/speeddates/{eventId}/check-in', tags, request: { params, ...body(checkInSchema) }, responses: { 200: json(speeddateSchema), ...errors, ...conflict } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await checkInSpeeddate(c.get('deps'), requireActor(c), p.networkId, p.eventId, c.req.valid('json')), 200);
  });

r.openapi(createRoute({ method: 'put', path: '/networks/{networkId}/speeddates/{eventId}/choices', tags, request: { params, ...body(choicesSchema) }, responses: { 200: json(speeddateSchema), ...errors, ...conflict } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await chooseSpeeddate(c.get('deps'), requireActor(c), p.networkId, p.eventId, c.req.valid('json')), 200);
  });

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/speeddates/{eventId}/clock', tags, request: { params }, responses: { 200: json(clockSchema), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await readSpeeddateClock(c.get('deps'), requireActor(c), p.networkId, p.eventId), 200, { 'cache-control': 'no-store' });
  });

r.openapi(createRoute({ method: 'get', path: '/speeddates/{eventId}/clock/events', tags, request: { params: z.object({ eventId: z.uuid() }) }, responses: { 200: { content: { 'text/event-stream': { schema: z.string() } }, description: 'The room clock pushed by the server: "clock" events (clockEventSchema: on connecting, at every check-in, recompute, pause or resume, and when a round or changeover begins or ends) and "time" events (clockTimeEventSchema, every few seconds)' }, ...errors } }),
  async (c) => {
    const { eventId } = c.req.valid('param');
    const deps = c.get('deps');
    const actor = requireActor(c);
    const networkId = await findSpeeddateNetwork(deps, eventId);
    c.header('cache-control', 'no-store');
    c.header('x-accel-buffering', 'no');
    let chain = Promise.resolve();
    const queued: [string, string][] = [];
    let write: (event: string, data: string) => void = (event, data) => { queued.push([event, data]); };
    // Connecting reads the clock first, so an unknown event or a stranger gets a plain error answer.
    const disconnect = await clockConnect(deps, actor, networkId, eventId, (event, data) => write(event, data));
    return streamSSE(c, async (stream) => {
      write = (event, data) => { chain = chain.then(() => stream.writeSSE({ event, data })).catch(() => undefined); };
      for (const [event, data] of queued.splice(0)) write(event, data);
      const heartbeat = setInterval(() => { chain = chain.then(() => stream.write(': keep-alive\n\n')).then(() => undefined).catch(() => undefined); }, 15_000);
      await new Promise<void>((resolve) => stream.onAbort(() => resolve()));
      clearInterval(heartbeat);
      disconnect();
    });
  });

r.openapi(createRoute({ method: 'put', path: '/networks/{networkId}/speeddates/{eventId}/pause', tags, request: { params, ...body(pauseInputSchema) }, responses: { 200: json(speeddateSchema), ...errors, ...conflict } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await pauseSpeeddate(c.get('deps'), requireActor(c), p.networkId, p.eventId, c.req.valid('json').paused), 200);
  });

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/speeddates/{eventId}/route-cards.pdf', tags, request: { params }, responses: { 200: pdf, ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    const out = await renderSpeeddateRouteCards(c.get('deps'), requireActor(c), p.networkId, p.eventId, c.get('locale'));
    return c.body(new Uint8Array(out), 200, fileHeaders('application/pdf', 'route-cards.pdf'));
  });

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/speeddates/{eventId}/rotation', tags, request: { params, query: z.object({ format: z.enum(['csv', 'xlsx']).default('xlsx') }) }, responses: { 200: file, ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    const out = await exportSpeeddateRoute(c.get('deps'), requireActor(c), p.networkId, p.eventId, c.get('locale'), c.req.valid('query').format);
    return c.body(new Uint8Array(out.body), 200, fileHeaders(out.type, out.filename));
  });
