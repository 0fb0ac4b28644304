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
import { checkTaskOperations } from './checks/task-operations.js';
import { buildModel } from './build.js';
import type { CompiledModel } from './model.js';
import { createModdle, list } from './moddle.js';
import { endOf, positionAt, positionInMessage } from './xml-position.js';

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
  checkTaskOperations,
  checkFeelExpressions,
  checkActionNames,
  checkTimerDurations,
  checkMessageNames,
];

/** saxen's nested errors, in words an author understands */
const PARSE_REASONS: [RegExp, string, string][] = [
  [/unclosed tag|missing end tag|unexpected end/i, 'bpmn.truncated', '文件不完整：有标签未闭合（文件可能被截断）'],
  [/missing start tag/i, 'bpmn.parse_error', '不是 XML：找不到起始标签'],
  [/failed to parse document as/i, 'bpmn.parse_error', '根元素不是 bpmn:definitions'],
  [/closing tag mismatch/i, 'bpmn.parse_error', '结束标签与起始标签不匹配'],
  [/illegal first char|invalid|unexpected/i, 'bpmn.parse_error', '标签或属性写法不合法'],
];

/** a document the XML parser refused, located by line and column; a truncated one where the text stops */
function parseProblem(xml: string, raw: string): Problem {
  const [, code, reason] = PARSE_REASONS.find(([re]) => re.test(raw)) ?? [undefined, 'bpmn.parse_error', raw.split('\n')[0] ?? raw];
  const at = code === 'bpmn.truncated' ? endOf(xml) : (positionInMessage(raw) ?? endOf(xml));
  return { code, message: `BPMN 文件无法解析（第 ${at.line} 行第 ${at.column} 列）：${reason}`, ...at };
}

function refuse(problems: Problem[]) {
  return fail('bpmn.invalid', `流程定义有 ${problems.length} 处错误，未发布`, problems);
}

export async function compileWorkflow(xml: string, options: CompileOptions): Promise<Result<CompiledModel>> {
  // bpmn-moddle leaves entities unexpanded, but a DOCTYPE has no business in a flow: refuse outright.
  const doctype = /<!DOCTYPE/i.exec(xml);
  if (doctype) {
    const at = positionAt(xml, doctype.index);
    return refuse([{ code: 'bpmn.doctype', message: `流程文件不得包含 <!DOCTYPE> 声明（防止实体注入），见第 ${at.line} 行第 ${at.column} 列`, ...at }]);
  }
  let parsed;
  try {
    parsed = await createModdle().fromXML(xml, 'bpmn:Definitions');
  } catch (e) {
    return refuse([parseProblem(xml, e instanceof Error ? e.message : String(e))]);
  }
  if (parsed.warnings.length > 0) {
    return refuse(
      parsed.warnings.map((w) => {
        const id = w.element?.id;
        const at = positionInMessage(w.message);
        return {
          code: 'bpmn.parse_warning',
          message: `BPMN 文件存在无法识别的内容${id ? `（元素 ${id}）` : ''}${at ? `（第 ${at.line} 行第 ${at.column} 列）` : ''}：${w.message.split('\n')[0] ?? ''}`,
          ...(id ? { elementId: id } : {}),
          ...at,
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
