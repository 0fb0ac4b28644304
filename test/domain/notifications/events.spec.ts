// Who one transition tells: pure, from the application before and after and the engine's effects.
import { describe, expect, it } from 'vitest';
import { planNotifications } from '../../../server/runtime/notifications/events.js';
import { resolveRecipients } from '../../../server/runtime/notifications/transition-notifications.js';
import { newState, type OpenTask, type WorkflowState } from '../../../server/domain/workflow/state.js';
import { makeApplication, makeUser } from '../../support/factories.js';

const task = (over: Partial<OpenTask> = {}): OpenTask => ({ id: 'tk1', tokenId: 't1', elementId: 'unitReview', name: '单位审核', role: 'unitReviewer', scope: 'unit', orgId: 'unit-1', createdAt: '2022-06-01T02:00:00.000Z', decisions: [], ...over });
const state = (over: Partial<WorkflowState> = {}): WorkflowState => ({ ...newState(), status: 'active', ...over });

describe('planNotifications', () => {
  it('a created task tells its role at its org, an expert ballot only its assignee; links open the task', () => {
    const t1 = task();
    const t2 = task({ id: 'tk2', tokenId: 't2', role: 'expert', orgId: 'cmt-1', assignee: 'expert-1', name: '评委会表决' });
    const before = makeApplication({ status: 'draft' });
    const after = makeApplication({ status: 'submitted', version: 2, workflow: state({ openTasks: [t1, t2] }) });
    const plan = planNotifications(before, after, [{ type: 'createTask', task: t1 }, { type: 'createTask', task: t2 }]);
    expect(plan).toEqual([
      { event: 'task.assigned', recipients: { kind: 'role', role: 'unitReviewer', orgId: 'unit-1' }, occasion: 'tk1', data: { stepName: '单位审核' }, link: '/workbench/app-1/tk1' },
      { event: 'task.assigned', recipients: { kind: 'users', userIds: ['expert-1'] }, occasion: 'tk2', data: { stepName: '评委会表决' }, link: '/workbench/app-1/tk2' },
    ]);
  });

  it('a return tells the applicant with the correction deadline; the correction task itself is not a second message', () => {
    const correct = task({ id: 'tk3', role: 'applicant', orgId: 'u-applicant', dueAt: '2022-06-09T16:00:00.000Z' });
    const before = makeApplication({ status: 'submitted', version: 2 });
    const after = makeApplication({ status: 'returned', version: 3, notice: { issuedAt: '2022-06-01T02:00:00.000Z', deadline: '2022-06-09T16:00:00.000Z', items: [] }, workflow: state({ openTasks: [correct] }) });
    const plan = planNotifications(before, after, [{ type: 'createTask', task: correct }]);
    expect(plan).toEqual([{ event: 'application.returned', recipients: { kind: 'users', userIds: ['u-applicant'] }, occasion: 'v3', data: {}, dueAt: '2022-06-09T16:00:00.000Z', link: '/my' }]);
  });

  it('公示 started by its action, ended by its waiting timer firing (not by a cancelled one); one occasion per publicity', () => {
    const opened = { publicity: { openedAt: '2022-06-02T02:00:00.000Z' } };
    const before = makeApplication({ status: 'submitted', workflow: state() });
    const open = makeApplication({ status: 'submitted', version: 2, workflow: state({ variables: opened, timers: [{ id: 'tm1', tokenId: 't9', elementId: 'publicity', dueAt: '2022-06-09T16:00:00.000Z' }] }) });
    const started = planNotifications(before, open, [{ type: 'runAction', tokenId: 't9', name: 'publicity.open', elementId: 'publicity_open' }]);
    expect(started.map((p) => [p.event, p.occasion])).toEqual([['publicity.started', 'publicity-2022-06-02T02:00:00.000Z']]);
    const fired = makeApplication({ status: 'submitted', version: 3, workflow: state({ variables: opened }) });
    expect(planNotifications(open, fired, []).map((p) => [p.event, p.occasion])).toEqual([['publicity.ended', 'publicity-2022-06-02T02:00:00.000Z']]);
    expect(planNotifications(open, fired, [{ type: 'cancelTimer', timerId: 'tm1' }])).toEqual([]);
  });

  it('a task deadline timer that fires is no publicity ending', () => {
    const t = task({ dueAt: '2022-06-09T16:00:00.000Z' });
    const before = makeApplication({ status: 'submitted', workflow: state({ variables: { publicity: { openedAt: 'x' } }, openTasks: [t], timers: [{ id: 'tm1', tokenId: 't1', elementId: 'due', dueAt: '2022-06-09T16:00:00.000Z' }] }) });
    const after = makeApplication({ status: 'submitted', version: 2, workflow: state({ variables: { publicity: { openedAt: 'x' } } }) });
    expect(planNotifications(before, after, [])).toEqual([]);
  });

  it('a task handed to a person (转办, 委派 and back) tells that person, once per hand-over', () => {
    const handed = task({ assignee: 'li', personal: true });
    const before = makeApplication({ status: 'submitted', version: 4, workflow: state({ openTasks: [task()] }) });
    const after = makeApplication({ status: 'submitted', version: 5, workflow: state({ openTasks: [handed] }) });
    expect(planNotifications(before, after, [{ type: 'reassignTask', task: handed }])).toEqual([
      { event: 'task.assigned', recipients: { kind: 'users', userIds: ['li'] }, occasion: 'tk1:li:v5', data: { stepName: '单位审核' }, link: '/workbench/app-1/tk1' },
    ]);
  });

  it('results and the certificate tell the applicant once each', () => {
    const before = makeApplication({ status: 'submitted' });
    expect(planNotifications(before, makeApplication({ status: 'passed' }), []).map((p) => [p.event, p.occasion])).toEqual([['application.result', 'passed']]);
    expect(planNotifications(before, makeApplication({ status: 'rejected' }), []).map((p) => p.event)).toEqual(['application.result']);
    const certified = makeApplication({ status: 'certified', certificate: { number: '2022ABC', issuedAt: 'x', verifyCode: 'y' } });
    expect(planNotifications(makeApplication({ status: 'passed' }), certified, []).map((p) => [p.event, p.occasion])).toEqual([['certificate.issued', '2022ABC']]);
    expect(planNotifications(certified, certified, [])).toEqual([]);
  });
});

describe('resolveRecipients', () => {
  it('a role address reaches every active holder at that org, never a disabled account', () => {
    const users = [
      makeUser({ id: 'a', roles: [{ role: 'unitReviewer', orgId: 'unit-1' }] }),
      makeUser({ id: 'b', roles: [{ role: 'unitReviewer', orgId: 'unit-2' }] }),
      makeUser({ id: 'c', roles: [{ role: 'unitReviewer', orgId: 'unit-1' }], disabled: { at: 'x', by: 'admin', reason: '离职' } }),
      makeUser({ id: 'd', roles: [{ role: 'competentReviewer', orgId: 'unit-1' }] }),
    ];
    expect(resolveRecipients({ kind: 'role', role: 'unitReviewer', orgId: 'unit-1' }, users).map((u) => u.id)).toEqual(['a']);
    expect(resolveRecipients({ kind: 'users', userIds: ['b', 'zz'] }, users).map((u) => u.id)).toEqual(['b']);
  });
});
