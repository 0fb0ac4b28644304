// Render a definition's template into a printable HTML page. Templates are checked and
// compiled once per (definition version, template name): published versions never change.
import type { Problem } from '../result.js';
import { fail, ok, type Result } from '../result.js';
import type { RenderRequest } from './types.js';
import { COMPILE_OPTIONS, hb, RUNTIME_OPTIONS } from './instance.js';
import { checkTemplate } from './compile-check.js';
import { htmlPage } from './page.js';
import { withinRenderBudget } from './render-budget.js';

type Compiled = (context: unknown, options: Record<string, unknown>) => string;

const MAX_CACHED = 500;
const cache = new Map<string, Compiled>();

function compiled(req: RenderRequest): Result<Compiled> {
  const key = `${req.definition}#${req.name}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key); // LRU: re-insert as most recent
    cache.set(key, hit);
    return ok(hit);
  }
  const problems = checkTemplate(req.source, pointerOf(req.name));
  if (problems.length > 0) return fail('documents.invalid_template', `文书模板「${req.name}」有错误`, withSource(problems, req.definition));
  const template = hb.compile(req.source, COMPILE_OPTIONS) as Compiled;
  cache.set(key, template);
  while (cache.size > MAX_CACHED) {
    const oldest = cache.keys().next().value;
    if (oldest === undefined) break;
    cache.delete(oldest);
  }
  return ok(template);
}

const pointerOf = (name: string): string => `/templates/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
const withSource = (problems: Problem[], source: string): Problem[] => problems.map((p) => ({ ...p, source }));

/** Body only: the template's output, HTML-escaped by default. */
export function renderBody(req: RenderRequest): Result<string> {
  const template = compiled(req);
  if (!template.ok) return template;
  try {
    // bounded: nested {{#each}} multiplies, and must cost a refusal, not the server (render-budget.ts)
    const run = template.value;
    return withinRenderBudget(() => run(req.data, { ...RUNTIME_OPTIONS, data: { labels: req.labels ?? {} } }), { pointer: pointerOf(req.name), source: req.definition });
  } catch (e) {
    const message = `文书「${req.name}」生成失败：${e instanceof Error ? e.message : String(e)}`;
    return fail('documents.render_failed', message, [{ code: 'documents.render_failed', message, pointer: pointerOf(req.name), source: req.definition }]);
  }
}

/** A full printable A4 HTML document. */
export function renderDocument(req: RenderRequest): Result<string> {
  const body = renderBody(req);
  return body.ok ? ok(htmlPage(req.title, body.value)) : body;
}
