// Words, not codes: what the words walks share — the keys the definitions use (read from the seeds at test time), the
// English a Chinese screen must never show, whole-token matching, and the build served from a copy.
import { cpSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { STATUS_NAMES } from '../../server/domain/applications/status-names.js';
import { REPO_ROOT } from '../../server/config.js';
import { ROLE_LABELS } from '../../designer/src/common/labels.js';
import { DIST, serveBrowserApp, type BrowserApp } from './browser.js';
import type { Harness } from './harness.js';
import { tempDir } from './temp-dir.js';

/** English a Chinese screen must never show: library defaults (RJSF, antd without its locale) and leaked values */
export const ENGLISH = ['Add Item', 'Add', 'Remove', 'Move up', 'Move down', 'Submit', 'pointer', 'message', 'undefined', 'null', 'NaN', 'Invalid Date', '[object Object]', 'true', 'false', 'No data', 'Cancel', 'OK', 'Search', 'Loading', 'required', 'must be', 'should be', 'is a required property', 'Item', 'Error', 'error', 'key', 'id'];

/**
 * The build copied first, then served over the harness's platform: the walk takes minutes, and a rebuild meanwhile
 * (another spec's `npm run build:designer`) would take away chunks the open pages still load.
 */
export async function serveBuildCopy(h: Harness): Promise<BrowserApp & { dir: string }> {
  const dir = tempDir('zc-walk-dist-').path;
  for (let attempt = 0; ; attempt++) {
    cpSync(DIST, dir, { recursive: true });
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    if ([...html.matchAll(/"\/(assets\/[^"]+)"/g)].every((m) => existsSync(join(dir, m[1] ?? '')))) break;
    if (attempt === 5) throw new Error('designer/dist changed during every copy');
    rmSync(dir, { recursive: true, force: true });
  }
  const served = await serveBrowserApp(h, { designerDir: dir });
  return {
    ...served,
    dir,
    close: async () => {
      await served.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

/** every ASCII identifier-like string a definition uses as a key, with where it comes from */
export function internalKeys(): Map<string, string> {
  const keys = new Map<string, string>();
  const add = (key: unknown, from: string) => {
    if (typeof key === 'string' && /^[A-Za-z][\w.-]*$/.test(key) && !keys.has(key)) keys.set(key, from);
  };
  for (const f of readdirSync(join(REPO_ROOT, 'seeds', 'series'))) {
    const s = readJson(join(REPO_ROOT, 'seeds', 'series', f)) as { key: string; specialties?: { key: string }[]; levels?: { levelKey: string; definition: string }[] };
    add(s.key, '系列 key');
    for (const sp of s.specialties ?? []) add(sp.key, `${s.key} 专业 key`);
    for (const l of s.levels ?? []) {
      add(l.levelKey, `${s.key} 层级 key`);
      add(l.definition, '层级定义 key');
    }
  }
  for (const f of readdirSync(join(REPO_ROOT, 'seeds', 'levels'))) {
    const l = readJson(join(REPO_ROOT, 'seeds', 'levels', f)) as { rules?: { paths?: { id: string }[]; blocks?: { use?: string }[] }; materials?: { id: string }[]; workflow?: { key?: string; byChannel?: Record<string, string> } };
    add(f.replace(/\.json$/, ''), '层级定义 key');
    for (const p of l.rules?.paths ?? []) add(p.id, '申报路径 id');
    for (const b of l.rules?.blocks ?? []) add(b.use, '政策模块 key');
    for (const m of l.materials ?? []) add(m.id, '材料 id');
    add(l.workflow?.key, '流程 key');
    for (const [channel, flow] of Object.entries(l.workflow?.byChannel ?? {})) {
      add(channel, '申报渠道 key');
      add(flow, '流程 key');
    }
  }
  for (const f of readdirSync(join(REPO_ROOT, 'seeds', 'policies'))) add(f.replace(/\.json$/, ''), '政策模块 key');
  // the forms: enum values that are keys, and the field names
  const walk = (node: unknown, from: string): void => {
    if (Array.isArray(node)) return node.forEach((n) => walk(n, from));
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (Array.isArray(o['enum'])) for (const v of o['enum']) add(v, `${from} 选项值`);
    if (o['properties'] && typeof o['properties'] === 'object') for (const k of Object.keys(o['properties'] as object)) add(k, `${from} 字段名`);
    for (const v of Object.values(o)) walk(v, from);
  };
  for (const f of readdirSync(join(REPO_ROOT, 'schemas', 'forms')).filter((x) => x.endsWith('.json'))) walk(readJson(join(REPO_ROOT, 'schemas', 'forms', f)), `表单 ${f}`);
  for (const f of readdirSync(join(REPO_ROOT, 'workflows')).filter((x) => x.endsWith('.bpmn'))) {
    const xml = readFileSync(join(REPO_ROOT, 'workflows', f), 'utf8');
    // the process's own elements (not the diagram's shapes, which never reach a screen)
    for (const m of xml.matchAll(/<bpmn:(?!BPMN)\w+[^>]*\sid="([^"]+)"/g)) add(m[1], `流程 ${f} 元素 id`);
  }
  for (const r of Object.keys(ROLE_LABELS)) add(r, '角色代码');
  for (const s of Object.keys(STATUS_NAMES)) add(s, '状态代码');
  return keys;
}

export const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** a key as a whole token: no letter, digit, `_`, `-` or `.` (followed by a letter) right beside it */
export const token = (s: string) => new RegExp(`(?<![A-Za-z0-9_.-])${escape(s)}(?![A-Za-z0-9_-]|\\.[A-Za-z])`);

export interface Finding {
  page: string;
  found: string;
  why: string;
  context: string;
}


/**
 * What asks a person to type an internal id, a key, JSON or FEEL: an input's placeholder, aria-label or form label
 * naming one. 证书编号 is printed on the certificate itself, so a visitor typing it types words from paper.
 */
export const ASKS_FOR_CODE = /(?<![A-Za-z])(id|ID|Id|key|Key|KEY|JSON|json|FEEL|feel)(?![A-Za-z])|(?<!证书)编号|标识|代码|表达式/;

/** each visible input, textarea and select of the page with the words that ask for it */
export async function inputPrompts(page: import('playwright-core').Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('input, textarea, [role="combobox"]'))) {
      if (el.offsetParent === null || (el as HTMLInputElement).type === 'hidden' || (el as HTMLInputElement).type === 'radio' || (el as HTMLInputElement).type === 'checkbox') continue;
      const item = el.closest('.ant-form-item');
      const label = item?.querySelector('label')?.innerText ?? '';
      const words = [el.getAttribute('placeholder') ?? '', el.getAttribute('aria-label') ?? '', label, el.closest('.ant-select')?.querySelector('.ant-select-selection-placeholder')?.textContent ?? ''];
      out.push(words.filter(Boolean).join(' | '));
    }
    return out;
  });
}
