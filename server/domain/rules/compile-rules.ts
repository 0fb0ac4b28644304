// Publish-time and load-time compile of a rules object: every expression is
// syntax-checked once per definition version, and every problem is reported with
// its pointer, e.g. /rules/paths/0/conditions/1/expr.
import type { CompiledCondition, CompiledPath, CompiledRules, ConditionDef, RulesDef } from './types.js';
import type { Problem } from '../result.js';
import { fail, ok, type Result } from '../result.js';
import { rulesNames } from './context-shape.js';
import { compileExpression } from './feel.js';
import { checkFeelStatically } from './feel-static.js';
import type { FeelNames } from './feel-types.js';

function compileConditions(list: readonly ConditionDef[], base: string, problems: Problem[], names?: FeelNames): CompiledCondition[] {
  const seen = new Set<string>();
  const out: CompiledCondition[] = [];
  list.forEach((c, i) => {
    const at = `${base}/${i}`;
    if (seen.has(c.id)) problems.push({ code: 'rules.duplicate_id', message: `条件编号「${c.id}」重复`, pointer: `${at}/id` });
    seen.add(c.id);
    if (c.message.trim() === '') problems.push({ code: 'rules.empty_message', message: `第 ${i + 1} 条条件缺少给申报人的说明（不满足时告诉申报人什么）`, pointer: `${at}/message` });
    const expr = compileExpression(c.expr, `${at}/expr`);
    if (!expr.ok) {
      problems.push(...expr.error.details);
      return;
    }
    out.push({ id: c.id, message: c.message, expr: expr.value });
    // at publish: names, functions and a true/false result, checked against the level's form
    if (names) for (const f of checkFeelStatically(c.expr, names, { expectBoolean: true })) problems.push({ ...f, pointer: `${at}/expr` });
  });
  return out;
}

export interface CompileRulesOptions {
  pointerPrefix?: string;
  source?: string;
  /** the level's form schema: when given (at publish), every expression's names and result type are checked too */
  form?: unknown;
}

export function compileRules(rules: RulesDef, opts: CompileRulesOptions = {}): Result<CompiledRules> {
  const prefix = opts.pointerPrefix ?? '/rules';
  const pathNames = opts.form === undefined ? undefined : rulesNames(opts.form, { withPath: true });
  const blockNames = opts.form === undefined ? undefined : rulesNames(opts.form);
  const problems: Problem[] = [];
  if (rules.paths.length === 0) problems.push({ code: 'rules.no_paths', message: '至少需要一条申报路径', pointer: `${prefix}/paths` });
  const seen = new Set<string>();
  const paths: CompiledPath[] = rules.paths.map((p, i) => {
    const at = `${prefix}/paths/${i}`;
    if (seen.has(p.id)) problems.push({ code: 'rules.duplicate_id', message: `路径编号「${p.id}」重复`, pointer: `${at}/id` });
    seen.add(p.id);
    return {
      id: p.id,
      name: p.name,
      quotaExempt: p.quotaExempt ?? false,
      onceOnly: p.onceOnly ?? false,
      ...(p.onceGroup ? { onceGroup: p.onceGroup } : {}),
      conditions: compileConditions(p.conditions, `${at}/conditions`, problems, pathNames),
    };
  });
  const blocks = compileConditions(rules.blocks ?? [], `${prefix}/blocks`, problems, blockNames);
  if (problems.length > 0) {
    const withSource = opts.source === undefined ? problems : problems.map((p) => ({ ...p, source: opts.source }));
    return fail('rules.invalid', `规则有 ${problems.length} 处错误`, withSource);
  }
  return ok({ paths, blocks });
}
