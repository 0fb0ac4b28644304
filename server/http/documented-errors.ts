// Every route documents the one error shape for each 4xx status the platform answers with, so the OpenAPI document
// lists every status a client can get (the fuzz run checks it: test/fuzz/). A route that declares its own schema for
// a status keeps it; a route that declares no success status gets a plain 200 (what Fastify's OpenAPI generator
// shows for a route without response schemas); hidden routes (static files) are not documented.
import type { FastifyInstance } from 'fastify';

/** what the access hook, the routes and the error handler (error-handler.ts) answer with */
export const ERROR_STATUSES = [400, 401, 403, 404, 409, 413, 414, 415, 422, 429] as const;

export function installDocumentedErrors(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const schema = route.schema ?? {};
    if (schema.hide) return;
    const response: Record<string, unknown> = { ...((schema.response as Record<string, unknown> | undefined) ?? {}) };
    if (!Object.keys(response).some((k) => /^2(\d\d|xx)$/i.test(k))) response[200] = { description: 'Default Response' };
    for (const status of ERROR_STATUSES) if (!(status in response)) response[status] = { $ref: 'Error#' };
    route.schema = { ...schema, response };
  });
}
