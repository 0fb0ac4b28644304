// Machine keys derived from Chinese names (档案系列 → dangan, 副研究馆员 → fuyanjiuguanyuan): administrators name
// things in Chinese and may edit the key, but never have to invent one.
import { pinyin } from 'pinyin-pro';

/** the key pattern of series and level keys (schemas/series.schema.json) */
export const KEY_PATTERN = /^[a-z][a-z0-9-]*$/;

/** lower-case pinyin without tones, letters and digits only; `fallback` when the name gives nothing usable */
export function keyFromName(name: string, fallback = 'x'): string {
  const spelled = pinyin(name.trim(), { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
  const key = spelled.replace(/^[0-9]+/, '');
  return key || fallback;
}

/** a derived key not in `taken`: fuji, fuji-2, fuji-3 … */
export function uniqueKey(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let i = 2; ; i++) if (!used.has(`${base}-${i}`)) return `${base}-${i}`;
}

/** why a key cannot be used, in Chinese; null when it can */
export function keyProblem(key: string, taken: Iterable<string> = []): string | null {
  if (!key) return '请填写标识';
  if (!KEY_PATTERN.test(key)) return '标识只能由小写字母、数字和横线组成，并以字母开头';
  for (const t of taken) if (t === key) return `标识「${key}」已被使用`;
  return null;
}
