// The stored shape of an application on MongoDB. Form data and flow state are free-form JSON whose keys
// (`$schema`, dotted names) MongoDB-protocol servers may refuse as field names: they are kept as JSON text; the
// indexed fields stay native, with the adapter's derived fields beside them.
import { summarize } from '../../domain/applications/summary.js';
import type { Application } from '../../domain/schema-types.gen.js';
import { reachOf } from '../../domain/workflow/reach.js';
import type { Stored } from './guarded-writes.js';

const json = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

export function applicationDoc(app: Application): Stored {
  const { form, workflow, ...rest } = json(app);
  const summary = summarize(app);
  return {
    ...rest,
    _id: app.id,
    _form: JSON.stringify(form),
    ...(workflow !== undefined ? { _workflow: JSON.stringify(workflow) } : {}),
    _routedOrgs: [...new Set(Object.values(app.routing ?? {}))],
    _reachedBy: reachOf(app),
    // what lists read instead of the document (domain/applications/summary.ts)
    _summary: JSON.stringify(summary),
    _incidents: summary.incidents.length,
  };
}
