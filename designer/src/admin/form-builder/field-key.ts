// A new field's key comes from its Chinese label, so nobody types an identifier and rules read as words:
// 证书编号 → zhengShuBianHao (full pinyin in camelCase), a long label → its initials (是否取得注册证书 → sfqdzczs),
// Latin letters and digits kept (SCI 检索号 → sciJianSuoHao). Dictionary-based and offline (pinyin-pro).
import { pinyin } from 'pinyin-pro';
import { RESERVED_TOP_LEVEL, validateKey } from './schema-tree.js';

/** longer full-pinyin keys read worse than initials */
const MAX_FULL = 24;

const words = (label: string): string[] =>
  pinyin(label, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
    .flatMap((w) => w.split(/[^A-Za-z0-9]+/))
    .filter(Boolean);

const camel = (parts: readonly string[]): string =>
  parts.map((w, i) => (i === 0 ? w.toLowerCase() : w.charAt(0).toUpperCase() + w.slice(1).toLowerCase())).join('');

/** the key a label suggests, before deduplication ('' when the label has no letters, digits or Chinese) */
export function keyFromLabel(label: string): string {
  const parts = words(label.trim());
  let key = camel(parts);
  if (key.length > MAX_FULL) key = parts.map((w) => (/^[a-z]+$/i.test(w) && w.length > 1 && !/^[A-Z0-9]+$/.test(w) ? w[0]!.toLowerCase() : w.toLowerCase())).join('').slice(0, MAX_FULL);
  if (/^\d/.test(key)) key = `f${key}`;
  return key;
}

/** a free key derived from the label among `siblings`: zhengShuBianHao, zhengShuBianHao2, … */
export function uniqueKeyFromLabel(label: string, siblings: readonly string[], topLevel: boolean, currentKey?: string): string {
  const base = keyFromLabel(label) || 'ziDuan';
  for (let i = 1; ; i++) {
    const key = i === 1 ? base : `${base}${i}`;
    if (key === currentKey) return key;
    if (validateKey(key, siblings, currentKey, topLevel) === null && !(topLevel && RESERVED_TOP_LEVEL.includes(key))) return key;
  }
}

/** is this key still the one the label gave (so renaming the label may rename the key)? */
export function isDerivedKey(key: string, label: string, siblings: readonly string[], topLevel: boolean): boolean {
  return key === uniqueKeyFromLabel(label, siblings.filter((k) => k !== key), topLevel);
}
