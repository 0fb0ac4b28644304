// Step flows for the step-compiler specs: the chain the issue names, and one step of every type.
import type { ConditionGroup } from '../../../../server/domain/rules/condition-model.js';
import type { Step, StepFlow } from '../../../../server/domain/workflow/steps/types.js';

export const when = (fact: string, op: 'isTrue' | 'isFalse'): ConditionGroup => ({ kind: 'group', op: 'and', children: [{ kind: 'rule', fact, op }] });

export const unitReview: Step = { type: 'review', id: 'unitReview', name: '单位审核', role: 'unitReviewer', scope: 'unit', conclusions: ['approve', 'return', 'reject'] };
export const unitPublicity: Step = { type: 'publicity', id: 'unitPublicity', name: '单位公示', days: 5 };
export const competentReview: Step = { type: 'review', id: 'competentReview', name: '主管部门复核', role: 'competentReviewer', scope: 'competent', conclusions: ['approve', 'return', 'reject'], correctionDays: 3 };
export const expertReview: Step = { type: 'expertReview', id: 'vote', name: '专家评审', session: 'meeting', rule: 'twoThirds' };
export const resultPublicity: Step = { type: 'resultPublicity', id: 'resultPublicity', name: '评审结果公示', days: 5, complaints: { role: 'committeeClerk', scope: 'committeeOffice' } };
export const certificate: Step = { type: 'certificate', id: 'issueCertificate', name: '发证' };

/** 单位审核 → 单位公示 → 主管部门复核 → 专家评审 → 结果公示 → 发证 */
export const CHAIN: StepFlow = { chain: [unitReview, unitPublicity, competentReview, expertReview, resultPublicity, certificate], end: { id: 'certified', name: '已发证' } };

/** every step type once, with a condition branch and parallel branches */
export const EVERY_TYPE: StepFlow = {
  chain: [
    unitReview,
    unitPublicity,
    {
      type: 'condition',
      id: 'channel',
      name: '报送渠道',
      branches: [
        { name: '直报单位', condition: when('directReport', 'isTrue'), steps: [] },
        { name: '其他单位', otherwise: true, steps: [{ ...competentReview, dueDays: 10 }, { type: 'roster', id: 'roster', name: '公示花名册', days: 5, countStartDay: true }] },
      ],
    },
    {
      type: 'parallel',
      id: 'together',
      name: '同时办理',
      branches: [
        { name: '送交评委会', steps: [{ type: 'send', id: 'send', name: '分类送交', role: 'centreClerk', scope: 'centre', classify: true }] },
        { name: '通知单位', steps: [{ type: 'notify', id: 'notifyUnit', name: '通知申报单位' }] },
      ],
    },
    {
      ...expertReview,
      type: 'expertReview',
      scoring: { name: '专家评分', pass: { kind: 'group', op: 'and', children: [{ kind: 'rule', fact: 'lectureScore', op: 'gte', value: 60 }] } },
    } as Step,
    resultPublicity,
    { type: 'filing', id: 'filing', name: '核准备案', role: 'centreClerk', scope: 'centre' },
    certificate,
    { type: 'notify', id: 'notifyDone', name: '通知申报人' },
    { type: 'pass', id: 'done', name: '办结' },
  ],
};
