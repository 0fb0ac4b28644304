// 发送通知 compiles its settings onto the service task (zc:Notify) and the compiled model reads them back: who is
// told (申报人, the offices reached so far, a role at a scope) and with which template; nothing set means the
// applicant and the generic 流程通知. The engine's runAction effect carries them, so telling people stays pure.
import { describe, expect, it } from 'vitest';
import { compileWorkflow } from '../../../../server/domain/workflow/compile.js';
import { compileSteps } from '../../../../server/domain/workflow/steps/compile-steps.js';
import type { Step, StepFlow } from '../../../../server/domain/workflow/steps/types.js';
import { planNotifications } from '../../../../server/runtime/notifications/events.js';
import { ACTION_NAMES } from '../../../../server/runtime/actions/names.js';

const review: Step = { type: 'review', id: 'unitReview', name: '单位审核', role: 'unitReviewer', scope: 'unit', conclusions: ['approve'] };
const flowWith = (notify: Step): StepFlow => ({ chain: [review, notify, { type: 'pass', id: 'done', name: '审核通过' }] });

async function compiled(flow: StepFlow) {
  const r = await compileSteps(flow, { id: 'notify-flow', name: '通知流程' });
  if (!r.ok) throw new Error(JSON.stringify(r.error, null, 2));
  const model = await compileWorkflow(r.value.xml, { actions: ACTION_NAMES });
  if (!model.ok) throw new Error(JSON.stringify(model.error, null, 2));
  return { xml: r.value.xml, model: model.value };
}

describe('the 发送通知 step', () => {
  it('compiles its recipients and template onto the service task, and the model reads them', async () => {
    const { xml, model } = await compiled(flowWith({ type: 'notify', id: 'tellAll', name: '通知各方', to: ['applicant', 'handlers'], role: 'competentReviewer', scope: 'competent', template: 'notify-result' }));
    expect(xml).toMatch(/<zc:Action name="notify" \/>\s*<zc:Notify to="applicant,handlers" role="competentReviewer" scope="competent" template="notify-result" \/>/);
    expect(model.elements['tellAll']).toMatchObject({ kind: 'serviceTask', action: 'notify', notify: { to: ['applicant', 'handlers'], role: 'competentReviewer', scope: 'competent', template: 'notify-result' } });
  });

  it('with nothing set it tells the applicant with the generic 流程通知', async () => {
    const { model } = await compiled(flowWith({ type: 'notify', id: 'tell', name: '通知申报人' }));
    expect(model.elements['tell']).toMatchObject({ notify: { to: ['applicant'], template: 'notify-flow' } });
  });

  it('a role without its office is refused at the step', async () => {
    const r = await compileSteps(flowWith({ type: 'notify', id: 'tell', name: '通知申报人', role: 'competentReviewer' }), { id: 'notify-flow', name: '通知流程' });
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.error.details).toEqual([expect.objectContaining({ code: 'steps.notify_who_incomplete', pointer: '/steps/chain/1/scope' })]);
  });

  it('a step with every recipient unchecked is refused at its 通知对象', async () => {
    const r = await compileSteps(flowWith({ type: 'notify', id: 'tell', name: '通知申报人', to: [] }), { id: 'notify-flow', name: '通知流程' });
    expect(r.ok ? [] : r.error.details).toEqual([expect.objectContaining({ code: 'steps.notify_nobody', pointer: '/steps/chain/1/to' })]);
  });

  it('its effect plans one notice for the applicant and one for the offices reached, with ids fixed per pass', () => {
    const before = { id: 'a1', applicantId: 'li', status: 'submitted', version: 3 } as never;
    const after = {
      id: 'a1',
      applicantId: 'li',
      status: 'submitted',
      version: 4,
      routing: { competent: 'dept-x' },
      workflow: { variables: {}, timers: [], openTasks: [], reached: ['applicant@li', 'unitReviewer@unit-1', 'expert@committee-1#zhang'], history: [{ elementId: 'tell', kind: 'enter', at: 't' }] },
    } as never;
    const notify = { to: ['applicant', 'handlers'] as ('applicant' | 'handlers')[], role: 'competentReviewer', scope: 'competent', template: 'notify-flow' };
    const plan = planNotifications(before, after, [{ type: 'runAction', tokenId: 't1', name: 'notify', elementId: 'tell', notify, stepName: '通知各方' }]);
    expect(plan).toEqual([
      { event: 'flow.notice', occasion: 'tell#1', data: { stepName: '通知各方' }, template: 'notify-flow', recipients: { kind: 'users', userIds: ['li'] }, link: '/my' },
      {
        event: 'flow.notice',
        occasion: 'tell#1',
        data: { stepName: '通知各方' },
        template: 'notify-flow',
        recipients: { kind: 'all', of: [{ kind: 'role', role: 'unitReviewer', orgId: 'unit-1' }, { kind: 'users', userIds: ['zhang'] }, { kind: 'role', role: 'competentReviewer', orgId: 'dept-x' }] },
        link: '/workbench',
      },
    ]);
  });
});
