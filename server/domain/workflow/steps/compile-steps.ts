// The step model -> standard BPMN 2.0 with a left-to-right diagram: the format that is executed,
// checked, exported and opened in any BPMN modeler. Start event, the chain, one end event.
import type { ConditionGroup } from '../../rules/condition-model.js';
import { compileCondition as conditionFeel } from '../../rules/condition-compile.js';
import { fail, ok, type Problem, type Result } from '../../result.js';
import { layoutBpmnXml } from '../layout/layout-xml.js';
import { checkSteps } from './check-steps.js';
import { DEFAULT_END, START_ID } from './defaults.js';
import { compileChain } from './compile-chain.js';
import type { StepContext } from './context.js';
import { Graph } from './graph.js';
import { renderXml } from './render-xml.js';
import type { StepFlow } from './types.js';
import { walkSteps } from './walk.js';

export { DEFAULT_END, START_ID };

export interface CompiledSteps {
  /** the BPMN with its diagram */
  xml: string;
  /** the same without a diagram (what workflows/src/ keeps for the seeded flows) */
  source: string;
  /** element id -> the id of the step it belongs to */
  owners: Record<string, string>;
}

export interface StepsProcess {
  /** the process id: the workflow's key */
  id: string;
  name: string;
}

/** the graph of the flow: checked steps in, BPMN nodes and flows out */
export function buildGraph(flow: StepFlow): Graph {
  const owners: string[] = [];
  const graph = new Graph(() => owners[owners.length - 1]);
  const within = <T>(stepId: string, f: () => T): T => {
    owners.push(stepId);
    try {
      return f();
    } finally {
      owners.pop();
    }
  };
  const ctx = (inParallel: boolean): StepContext => ({
    graph,
    inParallel,
    chain: (steps, opts) => compileChain(steps, ctx(opts.inParallel), within),
    feel: (group: ConditionGroup) => {
      const r = conditionFeel(group);
      // checkSteps refuses an unfinished condition before anything is compiled
      if (!r.ok) throw new Error(`条件未完成：${r.error[0]?.message ?? ''}`);
      return r.value;
    },
  });
  const end = { ...DEFAULT_END, ...flow.end };
  graph.add({ kind: 'startEvent', id: START_ID, name: '提交申报' });
  const body = compileChain(flow.chain, ctx(false), within);
  graph.add({ kind: 'endEvent', id: end.id, name: end.name, terminate: false });
  if (body) {
    graph.flow(START_ID, body.entry);
    graph.connect(body.exits, end.id);
  } else {
    graph.flow(START_ID, end.id);
  }
  return graph;
}

export async function compileSteps(flow: StepFlow, process: StepsProcess): Promise<Result<CompiledSteps>> {
  const problems = checkSteps(flow);
  if (problems.length > 0) return fail('steps.invalid', `步骤有 ${problems.length} 处问题，未生成流程图`, problems);
  const graph = buildGraph(flow);
  if (graph.duplicates.length > 0) {
    const pointers = new Map([...walkSteps(flow)].map((l) => [l.step.id, l.pointer]));
    const dup: Problem[] = graph.duplicates.map((d) => ({
      code: 'steps.duplicate_id',
      message: `元素编号“${d.id}”重复：请修改步骤编号`,
      ...(d.owner ? { elementId: d.owner, pointer: `${pointers.get(d.owner) ?? '/steps'}/id` } : { pointer: '/steps/end/id' }),
    }));
    return fail('steps.invalid', `步骤有 ${dup.length} 处问题，未生成流程图`, dup);
  }
  const source = renderXml(graph, process);
  const laid = await layoutBpmnXml(source);
  if (!laid.ok) return laid;
  return ok({ xml: laid.value, source, owners: Object.fromEntries(graph.owners) });
}
