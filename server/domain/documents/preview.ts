// Preview of a template being edited: checked as at publish (every problem, each at its line and column),
// compiled without the cache (the text changes with every keystroke), and rendered within the budget.
import { fail, type Result } from '../result.js';
import { checkTemplate } from './compile-check.js';
import { COMPILE_OPTIONS, hb, RUNTIME_OPTIONS } from './instance.js';
import { htmlPage } from './page.js';
import { withinRenderBudget } from './render-budget.js';
import type { Labels } from './types.js';

type Compiled = (context: unknown, options: Record<string, unknown>) => string;

export interface PreviewRequest {
  source: string;
  data: unknown;
  title: string;
  labels?: Labels;
}

export function previewTemplate(req: PreviewRequest): Result<string> {
  const body = previewBody(req);
  return body.ok ? { ok: true, value: htmlPage(req.title, body.value) } : body;
}

/** the template's output alone (a notification's text is framed differently, domain/notifications/preview-page.ts) */
export function previewBody(req: Omit<PreviewRequest, 'title'>): Result<string> {
  const problems = checkTemplate(req.source, '/source');
  if (problems.length > 0) return fail('documents.invalid_template', `模板有 ${problems.length} 处错误，未能预览`, problems);
  const template = hb.compile(req.source, COMPILE_OPTIONS) as Compiled;
  try {
    const body = withinRenderBudget(() => template(req.data, { ...RUNTIME_OPTIONS, data: { labels: req.labels ?? {} } }), { pointer: '/source' });
    return body;
  } catch (e) {
    // what the budget does not name (a helper refusing its arguments …) is still the template's problem
    const text = e instanceof Error ? e.message : String(e);
    const block = /^#(\w+) requires exactly one argument/.exec(text);
    const message = block ? `文书生成失败：{{#${block[1]}}} 后面需要写且只写一个栏目` : `文书生成失败：${text}`;
    return fail('documents.render_failed', message, [{ code: 'documents.render_failed', message, pointer: '/source' }]);
  }
}
