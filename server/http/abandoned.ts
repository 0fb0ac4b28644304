// Requests whose client went away stop working. Each request carries `request.abandoned`, an AbortSignal that
// fires when the connection closes before the reply was sent; long loops (roster, dashboard and export pages)
// check it between pages, and a request whose client left while it waited is answered without running its handler.
// Why not Fastify's `request.signal`: it listens to the request stream's 'close', which Node 20 emits as soon as
// the request body has been read (at once for a GET), not when the client leaves; the reply's 'close' before the
// reply finished is the one that means "nobody is listening any more".
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from './errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** aborts when the client closed the connection before the reply was sent */
    abandoned: AbortSignal;
  }
}

/** the abort reason: a client error, so the error handler answers (nobody reads it) without logging a failure */
export const abandonedError = (): HttpError => new HttpError(499, 'request.abandoned', '客户端已断开连接，请求已停止处理');

const SIGNAL = Symbol('abandoned');
type WithSignal = FastifyRequest & { [SIGNAL]?: AbortSignal };
/** a request that never went through the hook (a framework error before routing) is never abandoned */
const NEVER = new AbortController().signal;

export function installAbandoned(app: FastifyInstance): void {
  app.decorateRequest('abandoned', {
    getter(this: WithSignal) {
      return this[SIGNAL] ?? NEVER;
    },
  });
  app.addHook('onRequest', (request: WithSignal, reply, done) => {
    const controller = new AbortController();
    request[SIGNAL] = controller.signal;
    const res = reply.raw;
    res.once('close', () => {
      if (!res.writableFinished) controller.abort(abandonedError());
    });
    done();
  });
  // queued while the server was busy and the client has left since: no work for nobody
  app.addHook('preHandler', (request, _reply, done) => {
    done(request.abandoned.aborted ? abandonedError() : undefined);
  });
}
