// Version diff: what a department changed between two versions, by element, with names and Chinese labels.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../server/config.js';
import { diffFlows } from '../../../server/domain/workflow/diff.js';

const BEFORE = readFileSync(join(REPO_ROOT, 'workflows/unit-review.bpmn'), 'utf8');

describe('flow version diff', () => {
  it('finds no change between a version and itself', async () => {
    expect(await diffFlows(BEFORE, BEFORE)).toEqual({ added: [], removed: [], changed: [] });
  });

  it('reports a changed role inside the zc extension, a renamed step, and added and removed elements by name', async () => {
    const after = BEFORE.replace('role="unitReviewer"', 'role="competentReviewer"')
      .replace('name="单位审核"', 'name="单位初审"')
      // a new step instead of the rejection's service task (its flows keep their ids)
      .replace('<bpmn:serviceTask id="rejectWithdraw" name="不予推荐">', '<bpmn:serviceTask id="notifyReject" name="通知申报人">')
      .replace('</bpmn:serviceTask>', '</bpmn:serviceTask>')
      .replace(/sourceRef="rejectWithdraw"/g, 'sourceRef="notifyReject"')
      .replace(/targetRef="rejectWithdraw"/g, 'targetRef="notifyReject"')
      .replace(/bpmnElement="rejectWithdraw"/g, 'bpmnElement="notifyReject"');
    const d = await diffFlows(BEFORE, after);
    expect(d.added).toEqual([expect.objectContaining({ id: 'notifyReject', name: '通知申报人', typeLabel: '服务任务' })]);
    expect(d.removed).toEqual([expect.objectContaining({ id: 'rejectWithdraw', name: '不予推荐', typeLabel: '服务任务' })]);
    const review = d.changed.find((c) => c.id === 'unitReview');
    expect(review?.name).toBe('单位初审');
    expect(review?.changes).toEqual(
      expect.arrayContaining([
        { field: 'name', label: '名称', from: '单位审核', to: '单位初审' },
        { field: 'zc:Assignment.role', label: '办理角色', from: 'unitReviewer', to: 'competentReviewer' },
      ]),
    );
    // the flows into and out of the replaced step changed their end, named (never a bare id)
    const rewired = d.changed.filter((c) => c.type === 'bpmn:SequenceFlow');
    expect(rewired.length).toBeGreaterThan(0);
    for (const c of [...d.added, ...d.removed, ...d.changed]) expect(c.name).not.toMatch(/^[A-Za-z_][\w-]*$/);
    // renaming a step does not count as changing the flows that touch it
    expect(d.changed.filter((c) => c.changes?.some((x) => x.field === 'source' && x.to === '“单位初审”'))).toEqual([]);
  });
});
