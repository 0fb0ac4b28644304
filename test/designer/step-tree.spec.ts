// The step designer's edits (designer/src/admin/steps/step-tree.ts): pure, anywhere in the chain or its
// branches, never mutating the flow; fresh steps get ids no step has; problems find their step by pointer.
import { describe, expect, it } from 'vitest';
import type { Step, StepFlow } from '../../server/domain/workflow/steps/types.js';
import { allSteps, chainAt, freshId, insertStep, moveStep, newStep, pathOfPointer, pointerOf, removeStep, replaceStep, stepAt, summary } from '../../designer/src/admin/steps/step-tree.js';

const frozen = <T>(v: T): T => {
  if (v && typeof v === 'object') {
    for (const x of Object.values(v)) frozen(x);
    Object.freeze(v);
  }
  return v;
};

const review = (id: string, name: string): Step => ({ type: 'review', id, name, role: 'unitReviewer', scope: 'unit', conclusions: ['approve', 'return', 'reject'] });
const flow = (): StepFlow =>
  frozen({
    chain: [
      review('a', '单位审核'),
      {
        type: 'condition',
        id: 'c',
        name: '分流',
        branches: [
          { name: '直报', condition: { kind: 'group', op: 'and', children: [{ kind: 'rule', fact: 'directReport', op: 'isTrue' }] }, steps: [] },
          { name: '其他', otherwise: true, steps: [review('b', '主管部门复核'), { type: 'roster', id: 'r', name: '花名册', days: 5 }] },
        ],
      },
      { type: 'certificate', id: 'cert', name: '发证' },
    ],
  });

describe('step tree edits', () => {
  it('finds steps and chains by path, and inserts, replaces, moves and removes inside a branch without touching the original', () => {
    const f = flow();
    expect(stepAt(f, [1, 1, 0])?.name).toBe('主管部门复核');
    expect(chainAt(f, [1, 0])).toEqual([]);
    const inserted = insertStep(f, [1, 0], 0, review('x', '专家组初审'));
    expect(chainAt(inserted, [1, 0])!.map((s) => s.id)).toEqual(['x']);
    const moved = moveStep(inserted, [1, 1, 1], -1);
    expect(chainAt(moved, [1, 1])!.map((s) => s.id)).toEqual(['r', 'b']);
    expect(moveStep(moved, [1, 1, 0], -1)).toEqual(moved); // already first
    const renamed = replaceStep(moved, [0], { ...f.chain[0]!, name: '单位初审' });
    expect(renamed.chain[0]!.name).toBe('单位初审');
    const removed = removeStep(renamed, [1, 1, 1]);
    expect(chainAt(removed, [1, 1])!.map((s) => s.id)).toEqual(['r']);
    expect(f).toEqual(flow());
    expect([...allSteps(removed)].map((s) => s.path.join('.'))).toEqual(['0', '1', '1.0.0', '1.1.0', '2']);
  });

  it('a pointer into the steps is the step it names, both ways', () => {
    expect(pointerOf([1, 1, 0])).toBe('/steps/chain/1/branches/1/steps/0');
    expect(pathOfPointer('/steps/chain/1/branches/1/steps/0/role')).toEqual([1, 1, 0]);
    expect(pathOfPointer('/steps/chain/2')).toEqual([2]);
    expect(pathOfPointer('/name')).toBeUndefined();
  });

  it('new steps: Chinese defaults, an id no step has, a summary in words', () => {
    const f = insertStep(flow(), [], 0, review('review1', '已有'));
    expect(freshId(f, 'review')).toBe('review2');
    const s = newStep(f, 'review');
    expect(s).toMatchObject({ id: 'review2', name: '审核', conclusions: ['approve', 'return', 'reject'], correctionDays: 5 });
    expect(summary(s)).toBe('主管部门（推荐渠道） · 主管部门审核人；同意 / 退回补正（5 个工作日内补正） / 不同意');
    expect(newStep(f, 'condition')).toMatchObject({ branches: [{ name: '条件成立时' }, { name: '其他情况', otherwise: true }] });
    expect(summary(newStep(f, 'resultPublicity'))).toBe('公示 5 个工作日（含当天）；受理投诉：评委会办事机构核查');
  });
});
