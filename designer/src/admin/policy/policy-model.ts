// The policy module editor's view of a module body: its blocks and paths are edited by the rules editor as if
// they were a level's rules (pointers /rules/…), its condition set as one list. Pure helpers, no React.
import type { PolicyBody } from '../rules/policy-modules.js';
import type { CondValue, PathValue, PointerProblem, RulesValue } from '../rules/rules-model.js';

export type { PolicyBody };

/** blocks and paths as a rules value the rules editor shows */
export const toRulesView = (body: PolicyBody): RulesValue => ({ blocks: body.blocks ?? [], paths: (body.paths ?? []) as PathValue[] });

/** the module with the rules editor's blocks and paths; an empty list is left out (a module holds what it has) */
export function fromRulesView(body: PolicyBody, rules: unknown): PolicyBody {
  const r = rules as { blocks?: CondValue[]; paths?: PolicyBody['paths'] };
  const { blocks: _b, paths: _p, ...rest } = body;
  return { ...rest, ...(r.blocks?.length ? { blocks: r.blocks } : {}), ...(r.paths?.length ? { paths: r.paths } : {}) };
}

/** the module's problems at blocks and paths, at the pointers the rules editor uses */
export const problemsForRulesView = <P extends PointerProblem>(problems: readonly P[] | null): P[] =>
  (problems ?? []).filter((p) => /^\/(blocks|paths)(\/|$)/.test(p.pointer ?? '')).map((p) => ({ ...p, pointer: `/rules${p.pointer}` }));

/** the condition set's problems, at the pointers of a one-path list (/rules/paths/0/conditions/j) */
export const problemsForSet = <P extends PointerProblem>(problems: readonly P[] | null): P[] =>
  (problems ?? []).filter((p) => /^\/conditions(\/|$)/.test(p.pointer ?? '')).map((p) => ({ ...p, pointer: `/rules/paths/0${p.pointer}` }));

/** a pointer into the module in words */
export function modulePointerOf(body: PolicyBody, pointer: string): string | undefined {
  let m = /^\/paths\/(\d+)\/conditions\/(\d+)/.exec(pointer);
  if (m) return `申报路径「${body.paths?.[Number(m[1])]?.name ?? ''}」第 ${Number(m[2]) + 1} 条条件`;
  m = /^\/paths\/(\d+)/.exec(pointer);
  if (m) return `申报路径「${body.paths?.[Number(m[1])]?.name ?? ''}」`;
  m = /^\/blocks\/(\d+)/.exec(pointer);
  if (m) return `不得申报情形第 ${Number(m[1]) + 1} 条`;
  m = /^\/conditions\/(\d+)/.exec(pointer);
  if (m) return `条件集第 ${Number(m[1]) + 1} 条`;
  if (pointer === '/name') return '模块名称';
  if (pointer === '' ) return '模块';
  return undefined;
}
