// The step designer's model compiles to standard BPMN 2.0 with a diagram: accepted by every workflow check,
// warning-free through bpmn-moddle (what bpmn-js and Camunda Modeler read), readable, with each element
// traced to its step; a model that cannot work is refused with every problem on its step.
import { describe, expect, it } from 'vitest';
import { diagramExtent, drawnDiagram, overlaps } from '../../../../server/domain/workflow/layout/diagram-geometry.js';
import { compileWorkflow } from '../../../../server/domain/workflow/compile.js';
import { createModdle } from '../../../../server/domain/workflow/moddle.js';
import { compileSteps } from '../../../../server/domain/workflow/steps/compile-steps.js';
import type { Step, StepFlow } from '../../../../server/domain/workflow/steps/types.js';
import { ACTION_NAMES } from '../../../../server/runtime/actions/names.js';
import { CHAIN, EVERY_TYPE, unitReview, when } from './fixtures.js';

async function compiled(flow: StepFlow) {
  const r = await compileSteps(flow, { id: 'demo-flow', name: '演示流程' });
  if (!r.ok) throw new Error(JSON.stringify(r.error, null, 2));
  return r.value;
}

async function problems(flow: StepFlow) {
  const r = await compileSteps(flow, { id: 'demo-flow', name: '演示流程' });
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.error.details;
}

describe('steps compile to standard BPMN the engine accepts', () => {
  it.each([
    ['the 单位审核 → … → 发证 chain', CHAIN],
    ['every step type, a condition branch and parallel branches', EVERY_TYPE],
  ])('%s: passes every workflow check, round-trips through bpmn-moddle without warnings, readable diagram', async (_, flow) => {
    const { xml, owners } = await compiled(flow);
    const model = await compileWorkflow(xml, { actions: ACTION_NAMES });
    expect(model.ok ? [] : model.error.details).toEqual([]);

    const moddle = createModdle();
    const parsed = await moddle.fromXML(xml, 'bpmn:Definitions');
    expect(parsed.warnings).toEqual([]);
    const { xml: again } = await moddle.toXML(parsed.rootElement, { format: true });
    expect((await createModdle().fromXML(again, 'bpmn:Definitions')).warnings).toEqual([]);

    const drawn = drawnDiagram(parsed.rootElement);
    const { width, height } = diagramExtent(drawn);
    expect(width).toBeGreaterThan(height);
    expect(height).toBeLessThanOrEqual(1000);
    expect(overlaps(drawn)).toEqual([]);
    // every flow element is drawn
    const ids = Object.keys((model.ok && model.value.elements) || {});
    for (const id of ids) expect(drawn.shapes.some((s) => s.elementId === id)).toBe(true);
    // each element belongs to the step it was compiled from (start and end belong to none)
    expect(owners['unitReviewCorrect']).toBe('unitReview');
    expect(owners['openResultPublicity']).toBe('resultPublicity');
    expect(owners['start']).toBeUndefined();
  });

  it('审核 is the task, its conclusion gateway, 不同意 (reject, end) and 退回补正 (correction task, N-working-day deadline, withdrawal, end)', async () => {
    const { xml } = await compiled({ chain: [{ ...unitReview, correctionDays: 7 } as Step] });
    const r = await compileWorkflow(xml, { actions: ACTION_NAMES });
    if (!r.ok) throw new Error(r.error.message);
    const e = r.value.elements;
    expect(Object.keys(e).sort()).toEqual(
      ['end', 'start', 'unitReview', 'unitReviewCorrect', 'unitReviewCorrectDeadline', 'unitReviewGw', 'unitReviewReject', 'unitReviewRejected', 'unitReviewWithdraw', 'unitReviewWithdrawn'].sort(),
    );
    expect(e['unitReview']).toMatchObject({ kind: 'userTask', name: '单位审核', assignment: { role: 'unitReviewer', scope: 'unit' }, decisions: ['approve', 'return', 'reject'], formKey: 'review' });
    expect(e['unitReviewCorrectDeadline']).toMatchObject({ kind: 'boundaryTimer', attachedTo: 'unitReviewCorrect', duration: { value: '7', unit: 'workingDays' } });
    expect(e['unitReviewWithdraw']).toMatchObject({ kind: 'serviceTask', action: 'application.withdraw' });
    expect(e['unitReviewReject']).toMatchObject({ kind: 'serviceTask', action: 'application.reject' });
    const flows = Object.values(r.value.flows);
    const named = (name: string) => flows.find((f) => f.source === 'unitReviewGw' && f.name === name);
    expect(named('同意')).toMatchObject({ target: 'end', condition: { source: 'decision = "approve"' } });
    expect(named('退回补正（一次告知）')).toMatchObject({ target: 'unitReviewCorrect', condition: { source: 'decision = "return"' } });
    expect(e['unitReviewGw']).toMatchObject({ default: named('不同意')!.id });
  });

  it('a branch condition from the condition builder becomes the FEEL of its flow; 其他情况 is the default', async () => {
    const { xml } = await compiled(EVERY_TYPE);
    const r = await compileWorkflow(xml, { actions: ACTION_NAMES });
    if (!r.ok) throw new Error(r.error.message);
    const out = Object.values(r.value.flows).filter((f) => f.source === 'channel');
    expect(out.find((f) => f.name === '直报单位')).toMatchObject({ target: 'channelJoin', condition: { source: 'directReport' } });
    expect(r.value.elements['channel']).toMatchObject({ kind: 'exclusiveGateway', default: out.find((f) => f.name === '其他单位')!.id });
    expect(Object.values(r.value.flows).find((f) => f.source === 'voteScoringGw' && f.target === 'vote')).toMatchObject({ condition: { source: 'lectureScore >= 60' } });
  });

  it('inside a parallel branch a failure ends the whole flow (terminate end event); elsewhere a plain end', async () => {
    const { xml } = await compiled(EVERY_TYPE);
    const r = await compileWorkflow(xml, { actions: ACTION_NAMES });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.elements['sendRejected']).toMatchObject({ kind: 'endEvent', terminate: true });
    expect(r.value.elements['unitReviewRejected']).toMatchObject({ kind: 'endEvent', terminate: false });
    expect(r.value.elements['together']).toMatchObject({ kind: 'parallelGateway' });
    expect(r.value.elements['togetherJoin']).toMatchObject({ kind: 'parallelGateway', incoming: expect.arrayContaining([expect.any(String), expect.any(String)]) });
  });

  it('a step keeps the element ids it is given for its parts (a re-expressed flow keeps its applications’ ids)', async () => {
    const { xml } = await compiled({ chain: [{ ...unitReview, ids: { correct: 'correct', gateway: 'unitDecision' } } as Step] });
    const r = await compileWorkflow(xml, { actions: ACTION_NAMES });
    expect(r.ok && Object.keys(r.value.elements)).toEqual(expect.arrayContaining(['correct', 'unitDecision', 'unitReviewCorrectDeadline']));
  });
});

describe('a step model that cannot work is refused, each problem on its step', () => {
  it('an empty flow', async () => {
    expect(await problems({ chain: [] })).toEqual([expect.objectContaining({ code: 'steps.empty', pointer: '/steps/chain' })]);
  });

  it('a review that cannot approve, a role and org outside the lists', async () => {
    const p = await problems({ chain: [{ ...unitReview, conclusions: ['reject'], role: 'nobody', scope: 'moon' } as Step] });
    expect(p.map((x) => [x.code, x.pointer, x.elementId])).toEqual([
      ['steps.bad_role', '/steps/chain/0/role', 'unitReview'],
      ['steps.bad_scope', '/steps/chain/0/scope', 'unitReview'],
      ['steps.review_no_approve', '/steps/chain/0/conclusions', 'unitReview'],
    ]);
    expect(p.every((x) => /[\u4e00-\u9fa5]/.test(x.message))).toBe(true);
  });

  it('a condition branch without 其他情况, with an unfinished condition, or testing what the flow does not have', async () => {
    const flow: StepFlow = {
      chain: [
        {
          type: 'condition',
          id: 'c',
          name: '分流',
          branches: [
            { name: '甲', condition: { kind: 'group', op: 'and', children: [] }, steps: [] },
            { name: '乙', condition: when('form.degree', 'isTrue'), steps: [] },
          ],
        },
      ],
    };
    const p = await problems(flow);
    expect(p.map((x) => x.code)).toEqual(['steps.condition_default', 'steps.condition_incomplete', 'steps.condition_unknown_fact']);
    expect(p[1]).toMatchObject({ pointer: '/steps/chain/0/branches/0/condition', elementId: 'c' });
    expect(p[2]!.message).toContain('form.degree');
  });

  it('a parallel branch without steps, a single branch, and two steps making the same element id', async () => {
    const p = await problems({
      chain: [
        { type: 'parallel', id: 'p', name: '并行', branches: [{ name: '甲', steps: [] }] },
        unitReview,
      ],
    });
    expect(p.map((x) => [x.code, x.pointer])).toEqual([
      ['steps.too_few_branches', '/steps/chain/0/branches'],
      ['steps.parallel_empty', '/steps/chain/0/branches/0/steps'],
    ]);
    const dup = await problems({ chain: [unitReview, { type: 'notify', id: 'unitReviewGw', name: '通知' }] });
    expect(dup).toEqual([expect.objectContaining({ code: 'steps.duplicate_id', elementId: 'unitReviewGw', pointer: '/steps/chain/1/id' })]);
  });
});
