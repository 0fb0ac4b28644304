import { Engine } from 'bpmn-engine';
import { readFileSync } from 'node:fs';
const source = readFileSync('test/bench/sample-review.plain.bpmn', 'utf8');
const cache = new Map<string, (e: unknown, c: unknown) => unknown>();
const expressions = {
  resolveExpression(tpl: string, context: { environment?: unknown; content?: unknown }) {
    const m = /^\$\{([\s\S]+)\}$/.exec(tpl);
    if (!m) return tpl;
    let fn = cache.get(m[1]!);
    if (!fn) { fn = new Function('environment', 'content', `return (${m[1]});`) as (e: unknown, c: unknown) => unknown; cache.set(m[1]!, fn); }
    return fn(context.environment, context.content);
  },
  isExpression: (t?: string) => !!t && /^\$\{[\s\S]+\}$/.test(t),
  hasExpression: (t?: string) => !!t && /\$\{[\s\S]+?\}/.test(t),
};
let engine = new Engine({ name: 'x', source, expressions });
let exec = await engine.execute({ variables: {} });
const show = () => exec.getPostponed().map((a: any) => a.id + (a.getPostponed ? '[' + a.getPostponed().map((c: any) => c.id + ':' + c.executionId).join(',') + ']' : ''));
console.log(show());
const script: [string, Record<string, unknown>][] = [['UnitReview',{decision:'approve'}],['UnitPublicity',{}],['CompetentCheck',{decision:'return'}],['Correction',{}],['CompetentCheck',{decision:'approve'}],['Vote',{}],['Vote',{}],['Vote',{}],['Vote',{}],['Vote',{voteResult:'passed'}],['OpenPublicity',{}],['ResultPublicity',{complaint:true}],['Investigate',{decision:'dismiss'}],['ClosePublicity',{}],['Filing',{}],['IssueCertificate',{}]];
for (const [id, vars] of script) {
  console.log('getState'); const state = JSON.stringify(await engine.getState());
  console.log('stop', engine.state); if (engine.state === 'running') await engine.stop(); console.log('stopped');
  engine = new Engine({ name: 'x', expressions }).recover(JSON.parse(state), { expressions });
  exec = await engine.resume();
  const api: any = exec.getPostponed().find((a: any) => a.id === id);
  if (!api) { console.log('not waiting', id, show()); break; }
  Object.assign(exec.environment.variables, vars);
  const child = api.getPostponed ? api.getPostponed().find((c: any) => c.executionId !== api.executionId) : undefined;
  (child ?? api).signal();
  console.log(id, '->', show(), engine.state);
}
const st: any = await engine.getState();
console.log(JSON.stringify(st.environment.variables), JSON.stringify(st.definitions[0].execution?.processes?.[0]?.execution?.children?.filter((c:any)=>c.counters?.taken).map((c:any)=>c.id)));
