// Field labels for pointers: a one-time notice (一次告知) lists problems by JSON pointer,
// and people need "论文第3项 题目", not "/papers/2/title".
import type { Labels } from './types.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const token = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');
const untoken = (s: string): string => s.replace(/~1/g, '/').replace(/~0/g, '~');

/** Walk properties and items of a form schema; array items are keyed with `*`. */
export function labelsFromSchema(schema: unknown, at = '', out: Record<string, string> = {}): Labels {
  if (!isObject(schema)) return out;
  if (at !== '' && typeof schema.title === 'string') out[at] = schema.title;
  const props = schema.properties;
  if (isObject(props)) for (const [k, sub] of Object.entries(props)) labelsFromSchema(sub, `${at}/${token(k)}`, out);
  if (isObject(schema.items)) labelsFromSchema(schema.items, `${at}/*`, out);
  return out;
}

export function pointerLabel(pointer: string, labels: Labels): string {
  if (pointer === '' || !pointer.startsWith('/')) return pointer;
  let key = '';
  let text = '';
  for (const raw of pointer.slice(1).split('/')) {
    if (/^\d+$/.test(raw)) {
      key += '/*';
      text += `第${Number(raw) + 1}项`;
      continue;
    }
    key += `/${raw}`;
    const label = labels[key] ?? untoken(raw);
    text += text === '' ? label : ` ${label}`;
  }
  return text;
}
