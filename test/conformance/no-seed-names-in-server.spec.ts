// The runtime is generic: no file under server/ may name a series, level, org or committee of the
// seeds. The names are read from seeds/ at test time, so adding a seed extends the check.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/config.js';

const readJson = (p: string): unknown => JSON.parse(readFileSync(p, 'utf8'));
const jsonFiles = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => join(dir, f));

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/** every identifier and name the seeds define */
function seedNames(): { ascii: Set<string>; text: Set<string> } {
  const ascii = new Set<string>();
  const text = new Set<string>();
  const add = (v: unknown) => {
    if (typeof v !== 'string' || v.trim() === '') return;
    (/^[\x20-\x7e]+$/.test(v) ? ascii : text).add(v);
  };
  for (const f of jsonFiles(join(REPO_ROOT, 'seeds/series'))) {
    const s = readJson(f) as { key: string; name: string; levels: { levelKey: string; definition?: string }[] };
    add(s.key);
    add(s.name);
    for (const l of s.levels) {
      add(l.levelKey);
      add(l.definition);
    }
  }
  for (const f of jsonFiles(join(REPO_ROOT, 'seeds/levels'))) {
    const l = readJson(f) as { seriesKey: string; levelKey: string };
    add(l.levelKey);
    add(`${l.seriesKey}.${l.levelKey}`);
  }
  for (const o of readJson(join(REPO_ROOT, 'seeds/orgs.json')) as { id: string; name: string }[]) {
    add(o.id);
    add(o.name);
  }
  for (const c of (readJson(join(REPO_ROOT, 'seeds/committees.json')) as { committees: { id: string; name: string }[] }).committees) {
    add(c.id);
    add(c.name);
  }
  return { ascii, text };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('the runtime names no seed', () => {
  it('REQ-DATA: no file under server/ contains a series key, level key, org id or name, or committee id or name from seeds/', () => {
    const { ascii, text } = seedNames();
    expect(ascii.size).toBeGreaterThan(50);
    // an ASCII key counts only as a whole token, so `nm` does not match `name`
    const token = new RegExp(`(?<![A-Za-z0-9_-])(${[...ascii].sort((a, b) => b.length - a.length).map(escape).join('|')})(?![A-Za-z0-9_-])`);
    const hits: string[] = [];
    for (const file of walk(join(REPO_ROOT, 'server'))) {
      const src = readFileSync(file, 'utf8');
      const rel = relative(REPO_ROOT, file);
      const m = token.exec(src);
      if (m) hits.push(`${rel}: ${m[1]}`);
      for (const t of text) if (src.includes(t)) hits.push(`${rel}: ${t}`);
    }
    expect(hits).toEqual([]);
  });

  it('REQ-DATA: the check itself sees a seed name when one is planted', () => {
    const { ascii } = seedNames();
    const token = new RegExp(`(?<![A-Za-z0-9_-])(${[...ascii].map(escape).join('|')})(?![A-Za-z0-9_-])`);
    expect(token.test("if (app.seriesKey === 'gongcheng') {}")).toBe(true);
    expect(token.test('const name = user.name;')).toBe(false);
  });
});
