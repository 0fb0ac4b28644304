// Expanding policy module references (domain/rules/rule-modules.ts): references become the module's
// blocks, paths or single conditions in place; pinned versions are honoured; what cannot be expanded is a
// Chinese problem at the pointer of the `use` entry; problems inside module content point at the entry.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileRules } from '../../../server/domain/rules/compile-rules.js';
import {
  expandRules,
  locateProblem,
  moduleUses,
  pinRules,
  type ModuleLookup,
  type PolicyModuleBody,
  type RulesWithModules,
} from '../../../server/domain/rules/rule-modules.js';
import { policyModuleProblems } from '../../../server/domain/rules/rule-modules-check.js';

const FIXTURE = JSON.parse(readFileSync(join(import.meta.dirname, 'rule-modules.fixture.json'), 'utf8')) as {
  modules: Record<string, PolicyModuleBody>;
  rules: RulesWithModules;
  expanded: unknown;
};

/** the fixture's modules; no version: the highest */
const lookup: ModuleLookup = (key, version) => {
  const versions = Object.keys(FIXTURE.modules).filter((k) => k.startsWith(`${key}@`)).map((k) => Number(k.split('@')[1]));
  const v = version ?? Math.max(...versions);
  const body = FIXTURE.modules[`${key}@${v}`];
  return body && { key, version: v, body };
};

describe('policy module expansion', () => {
  it('expands blocks, paths and single conditions in place, with rewording, at the pinned versions', () => {
    const res = expandRules(FIXTURE.rules, lookup);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.value.rules).toEqual(FIXTURE.expanded);
    expect(res.value.modules.map((m) => `${m.key}@${m.version}`).sort()).toEqual(['blocks-common@1', 'common@1', 'poge@1']);
    expect(compileRules(res.value.rules).ok).toBe(true);
  });

  it('a draft without versions takes the latest; pinning stamps every reference', () => {
    const unpinned = JSON.parse(JSON.stringify(FIXTURE.rules).replace(/,"version":1/g, '')) as RulesWithModules;
    expect(moduleUses(unpinned).every((u) => u.version === undefined)).toBe(true);
    const latest = expandRules(unpinned, lookup);
    expect(latest.ok && latest.value.rules.paths.map((p) => p.id)).toEqual(['regular', 'poge-1', 'poge-2']);
    const pinned = pinRules(unpinned, (key) => (key === 'poge' ? 2 : 1));
    expect(moduleUses(pinned).map((u) => `${u.key}@${u.version}@${u.pointer}`)).toEqual([
      'blocks-common@1@/rules/blocks/0',
      'common@1@/rules/paths/0/conditions/0',
      'common@1@/rules/paths/0/conditions/1',
      'poge@2@/rules/paths/1',
    ]);
  });

  it('refuses what cannot be expanded at the pointer of the use entry, in Chinese', () => {
    const rules: RulesWithModules = {
      blocks: [{ use: 'poge' }],
      paths: [{ use: 'missing' }, { use: 'poge', version: 9 }, { use: 'common' }, { id: 'p', name: '路径', conditions: [{ use: 'common', condition: 'nope' }] }],
    };
    const res = expandRules(rules, lookup);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.details.map((p) => [p.code, p.pointer])).toEqual([
      ['policy.no_blocks', '/rules/blocks/0/use'],
      ['xref.unknown_policy', '/rules/paths/0/use'],
      ['xref.unknown_policy_version', '/rules/paths/1/version'],
      ['policy.no_paths', '/rules/paths/2/use'],
      ['policy.unknown_condition', '/rules/paths/3/conditions/0/condition'],
    ]);
    for (const p of res.error.details) expect(p.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('a problem inside a module points at the use entry and names the module; own conditions keep their place', () => {
    const res = expandRules(FIXTURE.rules, lookup);
    if (!res.ok) throw new Error('expected ok');
    const inModule = locateProblem({ code: 'rules.syntax', message: '语法错误', pointer: '/rules/paths/1/conditions/0/expr' }, res.value);
    expect(inModule.pointer).toBe('/rules/paths/1');
    expect(inModule.message).toContain('破格路径');
    expect(inModule.message).toContain('第 1 版');
    // own block 'own' is the third expanded block, the second entry of the level
    expect(locateProblem({ code: 'x', message: 'm', pointer: '/rules/blocks/2/expr' }, res.value).pointer).toBe('/rules/blocks/1/expr');
    expect(locateProblem({ code: 'x', message: 'm', pointer: '/rules/paths/0/conditions/2/expr' }, res.value).pointer).toBe('/rules/paths/0/conditions/2/expr');
  });

  it('a module must hold something, and every expression in it must parse', () => {
    expect(policyModuleProblems({ key: 'e', name: '空' }).map((p) => p.code)).toEqual(['policy.empty']);
    const bad = policyModuleProblems({ key: 'b', name: '坏', conditions: [{ id: 'a', expr: 'years(', message: '说明' }, { id: 'a', expr: 'true', message: '' }] });
    expect(bad.map((p) => p.pointer)).toEqual(expect.arrayContaining(['/conditions/0/expr', '/conditions/1/id', '/conditions/1/message']));
  });
});
