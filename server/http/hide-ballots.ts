// Secret ballot: individual experts' votes live in the flow state only until the vote ends, and
// no response ever carries them — not to the applicant, not to another expert, not to a clerk.
// Applied to every response as a last step, so a new route cannot leak them by accident.
import type { FastifyInstance } from 'fastify';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function withoutBallots(app: Obj): Obj {
  const wf = app.workflow;
  if (!isObj(wf) || !('votes' in wf)) return app;
  const { votes: _secret, ...rest } = wf;
  return { ...app, workflow: rest };
}

/** an application, a list of them ({items}), or a wrapper ({application}) */
export function hideBallots(payload: unknown): unknown {
  if (!isObj(payload)) return payload;
  let out = 'workflow' in payload ? withoutBallots(payload) : payload;
  if (Array.isArray(out.items)) out = { ...out, items: out.items.map((i) => (isObj(i) ? withoutBallots(i) : i)) };
  if (isObj(out.application)) out = { ...out, application: withoutBallots(out.application) };
  return out;
}

export function installBallotSecrecy(app: FastifyInstance): void {
  app.addHook('preSerialization', async (_request, _reply, payload) => hideBallots(payload));
}
