import { OpenAPIHono } from '@hono/zod-openapi';
import type { AreaModule } from '../domain/area-module.ts';
import type { AppEnv } from './context.ts';

/** An area as the server sees it: its domain module and its routes (src/server/routes/<area>/). */
export interface ServerArea {
  module: AreaModule;
  routes: OpenAPIHono<AppEnv>;
}

/** Joins an area's route files (one per noun) into the area's router. */
export function serverAreaCreate(module: AreaModule, ...routers: OpenAPIHono<AppEnv>[]): ServerArea {
  const routes = new OpenAPIHono<AppEnv>();
  for (const router of routers) routes.route('/', router);
  return { module, routes };
}
