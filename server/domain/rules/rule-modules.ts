// Policy modules (政策规则模块) inside a level's rules, expanded. A level's rules may hold, besides its own
// conditions and paths, references to published modules:
//   rules.blocks[i]                 {use, version?}                         → every block of the module, in place
//   rules.paths[i]                  {use, version?}                         → every path of the module, in place
//   rules.paths[i].conditions[j]    {use, version?, condition, id?, message?} → one condition of the module's
//                                                                             condition set (`conditions`), its id
//                                                                             and message optionally reworded
// Modules hold plain conditions only (no references), so expansion is one step. The result is an ordinary
// RulesDef: compile and evaluation know nothing of modules. Pure: the caller loads the module versions.
import { fail, ok, type Problem, type Result } from '../result.js';
import type { ConditionDef, PathDef, RulesDef } from './types.js';

export interface ModuleUse {
  readonly use: string;
  /** the module version the level was published with; a draft may leave it out */
  readonly version?: number;
}

export interface ConditionUse extends ModuleUse {
  readonly condition: string;
  readonly id?: string;
  readonly message?: string;
}

export type ConditionEntry = ConditionDef | ConditionUse;
export interface PathEntryDef extends Omit<PathDef, 'conditions'> {
  readonly conditions: readonly ConditionEntry[];
}
export type PathEntry = PathEntryDef | ModuleUse;
export type BlockEntry = ConditionDef | ModuleUse;

/** a level's `rules` as stored: own conditions and paths mixed with module references */
export interface RulesWithModules {
  readonly paths: readonly PathEntry[];
  readonly blocks?: readonly BlockEntry[];
}

/** the body of a `policy` definition (schemas/policy.schema.json) */
export interface PolicyModuleBody {
  readonly key: string;
  readonly name: string;
  readonly description?: string;
  readonly blocks?: readonly ConditionDef[];
  readonly paths?: readonly PathDef[];
  readonly conditions?: readonly ConditionDef[];
}

export interface ModuleVersion {
  readonly key: string;
  /** the published version; 0 when the caller knows the body but not its number (seed files being checked) */
  readonly version: number;
  readonly body: PolicyModuleBody;
}

/** answers a module at a version (undefined: the latest the caller knows), or undefined when there is none */
export type ModuleLookup = (key: string, version: number | undefined) => ModuleVersion | undefined;

export const isUse = (entry: object): entry is ModuleUse => 'use' in entry;

export type UsePlace = 'blocks' | 'paths' | 'condition';

/** one `use` entry of a level's rules, with its pointer */
export interface UseSite {
  readonly key: string;
  readonly version?: number;
  readonly place: UsePlace;
  readonly condition?: string;
  readonly pointer: string;
}

/** every module reference in a level's rules, in document order */
export function moduleUses(rules: RulesWithModules, pointerPrefix = '/rules'): UseSite[] {
  const out: UseSite[] = [];
  const site = (u: ModuleUse, place: UsePlace, pointer: string, condition?: string): UseSite => ({
    key: u.use,
    ...(u.version === undefined ? {} : { version: u.version }),
    place,
    ...(condition === undefined ? {} : { condition }),
    pointer,
  });
  (rules.blocks ?? []).forEach((b, i) => {
    if (isUse(b)) out.push(site(b, 'blocks', `${pointerPrefix}/blocks/${i}`));
  });
  rules.paths.forEach((p, i) => {
    if (isUse(p)) return void out.push(site(p, 'paths', `${pointerPrefix}/paths/${i}`));
    p.conditions.forEach((c, j) => {
      if (isUse(c)) out.push(site(c, 'condition', `${pointerPrefix}/paths/${i}/conditions/${j}`, (c as ConditionUse).condition));
    });
  });
  return out;
}

export const usesModules = (rules: RulesWithModules): boolean => moduleUses(rules).length > 0;

/** where an expanded path or condition came from: the level entry, and the module when it was a reference */
export interface Origin {
  readonly pointer: string;
  readonly module?: { readonly key: string; readonly version: number; readonly name: string; readonly pointer: string };
}

export interface ExpandedRules {
  readonly rules: RulesDef;
  /** the module versions used, once each */
  readonly modules: readonly { key: string; version: number; name: string }[];
  /** expanded pointer (…/paths/4, …/paths/4/conditions/1, …/blocks/2) → its origin */
  readonly origins: ReadonlyMap<string, Origin>;
  /** references that could not be expanded (they are left out of `rules`) */
  readonly problems: readonly Problem[];
}

/**
 * Expands every reference, leaving out the ones that cannot be (each with a Chinese problem at the
 * pointer of its `use` entry): the checks still see the level's own conditions.
 */
export function expandRulesLenient(rules: RulesWithModules, lookup: ModuleLookup, pointerPrefix = '/rules'): ExpandedRules {
  const problems: Problem[] = [];
  const origins = new Map<string, Origin>();
  const used = new Map<string, { key: string; version: number; name: string }>();
  const load = (u: ModuleUse, pointer: string): ModuleVersion | undefined => {
    const m = lookup(u.use, u.version);
    if (!m) {
      problems.push(
        u.version === undefined || lookup(u.use, undefined) === undefined
          ? { code: 'xref.unknown_policy', message: `政策规则模块「${u.use}」不存在或尚未发布`, pointer: `${pointer}/use` }
          : { code: 'xref.unknown_policy_version', message: `政策规则模块「${u.use}」没有第 ${u.version} 版`, pointer: `${pointer}/version` },
      );
      return undefined;
    }
    used.set(`${m.key}@${m.version}`, { key: m.key, version: m.version, name: m.body.name });
    return m;
  };
  const from = (m: ModuleVersion, pointer: string, modulePointer: string): Origin => ({
    pointer,
    module: { key: m.key, version: m.version, name: m.body.name, pointer: modulePointer },
  });

  const blocks: ConditionDef[] = [];
  (rules.blocks ?? []).forEach((b, i) => {
    const at = `${pointerPrefix}/blocks/${i}`;
    if (!isUse(b)) {
      origins.set(`${pointerPrefix}/blocks/${blocks.length}`, { pointer: at });
      return void blocks.push(b);
    }
    const m = load(b, at);
    if (!m) return;
    if (!m.body.blocks?.length) {
      problems.push({ code: 'policy.no_blocks', message: `政策规则模块「${m.body.name}」没有不得申报情形，不能在「不得申报」中引用`, pointer: `${at}/use` });
      return;
    }
    m.body.blocks.forEach((c, k) => {
      origins.set(`${pointerPrefix}/blocks/${blocks.length}`, from(m, at, `/blocks/${k}`));
      blocks.push(c);
    });
  });

  const paths: PathDef[] = [];
  rules.paths.forEach((p, i) => {
    const at = `${pointerPrefix}/paths/${i}`;
    if (isUse(p)) {
      const m = load(p, at);
      if (!m) return;
      if (!m.body.paths?.length) {
        problems.push({ code: 'policy.no_paths', message: `政策规则模块「${m.body.name}」没有申报路径，不能作为路径引用`, pointer: `${at}/use` });
        return;
      }
      m.body.paths.forEach((mp, k) => {
        const to = `${pointerPrefix}/paths/${paths.length}`;
        origins.set(to, from(m, at, `/paths/${k}`));
        mp.conditions.forEach((_, j) => origins.set(`${to}/conditions/${j}`, from(m, at, `/paths/${k}/conditions/${j}`)));
        paths.push(mp);
      });
      return;
    }
    const to = `${pointerPrefix}/paths/${paths.length}`;
    origins.set(to, { pointer: at });
    const conditions: ConditionDef[] = [];
    p.conditions.forEach((c, j) => {
      const cAt = `${at}/conditions/${j}`;
      if (!isUse(c)) {
        origins.set(`${to}/conditions/${conditions.length}`, { pointer: cAt });
        return void conditions.push(c);
      }
      const cu = c as ConditionUse;
      const m = load(cu, cAt);
      if (!m) return;
      const k = (m.body.conditions ?? []).findIndex((x) => x.id === cu.condition);
      const found = m.body.conditions?.[k];
      if (!found) {
        problems.push({
          code: 'policy.unknown_condition',
          message: `政策规则模块「${m.body.name}」第 ${m.version} 版的条件集中没有条件「${cu.condition}」`,
          pointer: `${cAt}/condition`,
        });
        return;
      }
      origins.set(`${to}/conditions/${conditions.length}`, from(m, cAt, `/conditions/${k}`));
      conditions.push({ id: cu.id ?? found.id, expr: found.expr, message: cu.message ?? found.message });
    });
    const { conditions: _own, ...head } = p;
    paths.push({ ...head, conditions });
  });

  const expanded: RulesDef = rules.blocks === undefined ? { paths } : { paths, blocks };
  return { rules: expanded, modules: [...used.values()], origins, problems };
}

/** every reference expanded, or every reference that cannot be, as problems at their pointers */
export function expandRules(rules: RulesWithModules, lookup: ModuleLookup, pointerPrefix = '/rules'): Result<ExpandedRules> {
  const res = expandRulesLenient(rules, lookup, pointerPrefix);
  if (res.problems.length > 0) return fail('definition.invalid', `规则引用的政策规则模块有 ${res.problems.length} 处问题`, [...res.problems]);
  return ok(res);
}

/**
 * A problem found in the expanded rules, moved to where a person can fix it: a problem inside a
 * module's content points at the level's `use` entry and names the module and version.
 */
export function locateProblem(p: Problem, expanded: Pick<ExpandedRules, 'origins'>): Problem {
  if (p.pointer === undefined) return p;
  let best: { at: string; origin: Origin } | undefined;
  for (const [at, origin] of expanded.origins) {
    if ((p.pointer === at || p.pointer.startsWith(`${at}/`)) && (!best || at.length > best.at.length)) best = { at, origin };
  }
  if (!best) return p;
  const rest = p.pointer.slice(best.at.length);
  const m = best.origin.module;
  if (!m) return { ...p, pointer: best.origin.pointer + rest };
  return { ...p, pointer: best.origin.pointer, message: `引用的政策规则模块「${m.name}」${m.version > 0 ? `第 ${m.version} 版` : ''}（${m.pointer}${rest}）：${p.message}` };
}

/** the rules with every reference stamped with the module version it is published with */
export function pinRules<R extends RulesWithModules>(rules: R, versionOf: (key: string) => number | undefined): R {
  const pin = <U extends ModuleUse>(u: U): U => {
    const v = versionOf(u.use);
    return v === undefined ? u : { ...u, version: v };
  };
  return {
    ...rules,
    ...(rules.blocks === undefined ? {} : { blocks: rules.blocks.map((b) => (isUse(b) ? pin(b) : b)) }),
    paths: rules.paths.map((p) => (isUse(p) ? pin(p) : { ...p, conditions: p.conditions.map((c) => (isUse(c) ? pin(c) : c)) })),
  };
}
