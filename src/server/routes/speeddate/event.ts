import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AppEnv } from '../../context.ts';
import { requireActor } from '../../context.ts';
import { body, errors, json, networkParams } from '../../openapi.ts';
import { checkInSchema, choicesSchema, clockSchema, registrationSchema, serverTimeSchema, speeddateInputSchema, speeddateSchema, speeddateSummarySchema } from '../../../domain/speeddate/event/schema.ts';
import { checkInSpeeddate, chooseSpeeddate, createSpeeddate, listSpeeddates, readServerTime, readSpeeddate, readSpeeddateClock, respondSpeeddate } from '../../../domain/speeddate/event/actions.ts';
import { renderSpeeddateRouteCards } from '../../../domain/speeddate/event/render-route-cards.ts';
import { exportSpeeddateRoute } from '../../../domain/speeddate/event/export-route.ts';

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
