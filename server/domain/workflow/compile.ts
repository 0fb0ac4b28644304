// BPMN XML -> CompiledModel, refusing the document with every problem listed (nothing partial).
import { fail, ok, type Problem, type Result } from '../result.js';
import { buildContext, type Check } from './checks/context.js';
import { checkActionNames } from './checks/action-names.js';
import { checkFeelExpressions } from './checks/feel-expressions.js';
import { checkGatewayConditions } from './checks/gateway-conditions.js';
import { checkMessageNames } from './checks/message-names.js';
import { checkReachability } from './checks/reachability.js';
import { checkSupportedElements } from './checks/supported-elements.js';
import { checkTimerDurations } from './checks/timer-durations.js';
import { checkUserTaskAssignment } from './checks/user-task-assignment.js';
import { checkVoting } from './checks/voting.js';
import { buildModel } from './build.js';
import type { CompiledModel } from './model.js';
import { createModdle, list } from './moddle.js';

export interface CompileOptions {
  /** names of the built-in actions a service task may run */
  actions: readonly string[];
}

const CHECKS: readonly Check[] = [
  checkSupportedElements,
  checkGatewayConditions,
  checkReachability,
  checkUserTaskAssignment,
  checkVoting,
  checkFeelExpressions,
  checkActionNames,
  checkTimerDurations,
  checkMessageNames,
];

function refuse(problems: Problem[]) {
  return fail('bpmn.invalid', `流程定义有 ${problems.length} 处错误，未发布`, problems);
}

export async function compileWorkflow(xml: string, options: CompileOptions): Promise<Result<CompiledModel>> {
  // bpmn-moddle leaves entities unexpanded, but a DOCTYPE has no business in a flow: refuse outright.
  if (/<!DOCTYPE/i.test(xml)) {
    return refuse([{ code: 'bpmn.doctype', message: '流程文件不得包含 <!DOCTYPE> 声明（防止实体注入）' }]);
  }
  let parsed;
  try {
    parsed = await createModdle().fromXML(xml, 'bpmn:Definitions');
  } catch (e) {
    return refuse([{ code: 'bpmn.parse_error', message: `BPMN 文件无法解析：${e instanceof Error ? e.message : String(e)}` }]);
  }
  if (parsed.warnings.length > 0) {
    return refuse(
      parsed.warnings.map((w) => {
        const id = w.element?.id;
        return {
          code: 'bpmn.parse_warning',
          message: `BPMN 文件存在无法识别的内容${id ? `（元素 ${id}）` : ''}：${w.message.split('\n')[0] ?? ''}`,
          ...(id ? { elementId: id } : {}),
        };
      }),
    );
  }
  const definitions = parsed.rootElement;
  const process = list(definitions, 'rootElements').find((r) => r.$type === 'bpmn:Process');
  if (!process) return refuse([{ code: 'bpmn.process_count', message: '流程定义中没有 bpmn:process' }]);
  const ctx = buildContext(definitions, process, options.actions);
  const problems = CHECKS.flatMap((check) => check(ctx));
  if (problems.length > 0) return refuse(problems);
  const model = buildModel(ctx, problems);
  return problems.length > 0 ? refuse(problems) : ok(model);
}
