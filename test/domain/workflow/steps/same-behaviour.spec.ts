// 简易 or 高级: a flow whose BPMN still behaves as its steps compile stays in 简易模式, however the modeler
// moved its shapes or wrote its XML; one changed in the modeler beyond that (an element renamed, added or
// removed, a condition changed) is 高级.
import { describe, expect, it } from 'vitest';
import { createModdle, list } from '../../../../server/domain/workflow/moddle.js';
import { compileSteps } from '../../../../server/domain/workflow/steps/compile-steps.js';
import { sameBehaviour } from '../../../../server/domain/workflow/steps/same-behaviour.js';
import { ACTION_NAMES } from '../../../../server/runtime/actions/names.js';
import { CHAIN } from './fixtures.js';

const options = { actions: ACTION_NAMES };

async function compiledXml(): Promise<string> {
  const r = await compileSteps(CHAIN, { id: 'chain', name: '演示流程' });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.xml;
}

/** what a modeler does: parse, change, write */
async function edit(xml: string, change: (process: ReturnType<typeof list>[number], defs: ReturnType<typeof list>[number]) => void): Promise<string> {
  const moddle = createModdle();
  const { rootElement } = await moddle.fromXML(xml, 'bpmn:Definitions');
  const process = list(rootElement, 'rootElements').find((r) => r.$type === 'bpmn:Process')!;
  change(process, rootElement);
  return (await moddle.toXML(rootElement, { format: false })).xml;
}

describe('does the BPMN still do what the steps say', () => {
  it('yes: the same BPMN, re-written without formatting and with every shape moved', async () => {
    const xml = await compiledXml();
    const moved = await edit(xml, (_, defs) => {
      const plane = (defs.get('diagrams') as { plane: { planeElement: { bounds?: { x: number } }[] } }[])[0]!.plane;
      for (const pe of plane.planeElement) if (pe.bounds) pe.bounds.x += 40;
    });
    expect(moved).not.toBe(xml);
    expect(await sameBehaviour(xml, moved, options)).toBe(true);
  });

  it('no: a task renamed, an element removed, a condition changed, or BPMN that does not compile', async () => {
    const xml = await compiledXml();
    const renamed = await edit(xml, (p) => {
      const task = list(p, 'flowElements').find((e) => e.id === 'competentReview') as unknown as { name: string };
      task.name = '主管部门审核（改）';
    });
    const conditionChanged = await edit(xml, (p) => {
      const f = list(p, 'flowElements').find((e) => e.$type === 'bpmn:SequenceFlow' && e.get('conditionExpression'))!;
      (f.get('conditionExpression') as { body: string }).body = 'decision = "other"';
    });
    const removed = await edit(xml, (p) => {
      const els = p.get('flowElements') as { id?: string }[];
      els.splice(els.findIndex((e) => e.id === 'unitReviewCorrectDeadline'), 1);
    });
    expect(await sameBehaviour(xml, renamed, options)).toBe(false);
    expect(await sameBehaviour(xml, conditionChanged, options)).toBe(false);
    expect(await sameBehaviour(xml, removed, options)).toBe(false);
    expect(await sameBehaviour(xml, '<not-bpmn/>', options)).toBe(false);
  });
});
