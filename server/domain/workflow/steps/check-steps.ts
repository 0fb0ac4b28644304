// What the step model must satisfy before it is compiled, each problem on its step (pointer and the
// step's id, which is the id of its main element): the BPMN checks then run on what it compiles to.
import { compileCondition as conditionFeel } from '../../rules/condition-compile.js';
import type { ConditionGroup, ConditionNode, FactDef } from '../../rules/condition-model.js';
import type { Problem } from '../../result.js';
import { FLOW_FACTS, SCORE_FACTS } from './flow-facts.js';
import { STEP_ROLES, STEP_SCOPES, STEP_TYPE_LABELS } from './labels.js';
import type { Step, StepFlow } from './types.js';
import { walkSteps } from './walk.js';

const at = (step: Step, pointer: string, code: string, message: string): Problem => ({ code, message, pointer, elementId: step.id });

const title = (s: Step): string => `${STEP_TYPE_LABELS[s.type]}“${s.name}”`;

function facts(node: ConditionNode): string[] {
  return node.kind === 'rule' ? [node.fact] : node.children.flatMap(facts);
}

/** the condition compiles, and tests only what the flow has */
function conditionProblems(step: Step, pointer: string, what: string, group: ConditionGroup | undefined, known: readonly FactDef[]): Problem[] {
  if (!group) return [at(step, pointer, 'steps.condition_missing', `${title(step)}的${what}没有设置条件`)];
  const compiled = conditionFeel(group);
  if (!compiled.ok) return compiled.error.map((p) => at(step, pointer, 'steps.condition_incomplete', `${title(step)}的${what}：${p.message}`));
  const unknown = [...new Set(facts(group))].filter((f) => !known.some((k) => k.id === f));
  return unknown.map((f) => at(step, pointer, 'steps.condition_unknown_fact', `${title(step)}的${what}用到了流程中没有的数据“${f}”`));
}

function whoProblems(step: Step, pointer: string, who: { role: string; scope: string }): Problem[] {
  const out: Problem[] = [];
  if (!STEP_ROLES.some((r) => r.value === who.role)) out.push(at(step, `${pointer}/role`, 'steps.bad_role', `${title(step)}的办理角色不在可选范围内`));
  if (!STEP_SCOPES.some((s) => s.value === who.scope)) out.push(at(step, `${pointer}/scope`, 'steps.bad_scope', `${title(step)}的办理机构不在可选范围内`));
  return out;
}

function branchCount(step: Step & { branches: readonly unknown[] }, pointer: string): Problem[] {
  return step.branches.length >= 2 ? [] : [at(step, `${pointer}/branches`, 'steps.too_few_branches', `${title(step)}至少需要两个分支`)];
}

function stepProblems(step: Step, pointer: string): Problem[] {
  switch (step.type) {
    case 'review':
      return [
        ...whoProblems(step, pointer, step),
        ...(step.conclusions.includes('approve') ? [] : [at(step, `${pointer}/conclusions`, 'steps.review_no_approve', `${title(step)}必须可以作出“同意”的结论`)]),
      ];
    case 'send':
    case 'filing':
      return whoProblems(step, pointer, step);
    case 'publicity':
    case 'resultPublicity':
      return step.complaints ? whoProblems(step, `${pointer}/complaints`, step.complaints) : [];
    case 'expertReview':
      return step.scoring ? conditionProblems(step, `${pointer}/scoring/pass`, '评分合格条件', step.scoring.pass, SCORE_FACTS) : [];
    case 'condition': {
      const defaults = step.branches.filter((b) => b.otherwise === true).length;
      const out = branchCount(step, pointer);
      if (defaults !== 1) out.push(at(step, `${pointer}/branches`, 'steps.condition_default', `${title(step)}必须有且只有一个“其他情况”分支（都不满足时走这里）`));
      step.branches.forEach((b, i) => {
        if (!b.otherwise) out.push(...conditionProblems(step, `${pointer}/branches/${i}/condition`, `分支“${b.name}”`, b.condition, FLOW_FACTS));
      });
      return out;
    }
    case 'parallel':
      return [...branchCount(step, pointer), ...step.branches.flatMap((b, i) => (b.steps.length > 0 ? [] : [at(step, `${pointer}/branches/${i}/steps`, 'steps.parallel_empty', `${title(step)}的分支“${b.name}”没有步骤`)]))];
    case 'notify':
      // 通知对象里“某机构的某角色”要两者都选；什么都不选（不是未设置）就谁也不通知
      if (step.role === undefined && step.scope === undefined) return step.to?.length === 0 ? [at(step, `${pointer}/to`, 'steps.notify_nobody', `${title(step)}没有选择通知对象`)] : [];
      if (step.role === undefined || step.scope === undefined) return [at(step, `${pointer}/${step.role === undefined ? 'role' : 'scope'}`, 'steps.notify_who_incomplete', `${title(step)}的通知机构和通知角色要同时选择`)];
      return whoProblems(step, pointer, { role: step.role, scope: step.scope });
    case 'certificate':
    case 'pass':
    case 'roster':
      return [];
  }
}

export function checkSteps(flow: StepFlow): Problem[] {
  const out: Problem[] = [];
  if (flow.chain.length === 0) out.push({ code: 'steps.empty', message: '流程至少需要一个步骤', pointer: '/steps/chain' });
  for (const { step, pointer } of walkSteps(flow)) out.push(...stepProblems(step, pointer));
  return out;
}
