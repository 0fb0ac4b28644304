// Step templates (our own, not bpmn-js-element-templates: that package binds template fields only to BPMN
// attributes and Camunda/Zeebe extension elements, while our settings live in zc:* children, and a step here is
// often more than one element — 公示 is 发布公示 → 定时 N 个工作日). Each template is dragged from the palette as
// a small, already connected group of elements whose settings are then chosen from Chinese dropdowns.
export interface ZcSettings {
  assignment?: { role: string; scope: string };
  decisionForm?: { formKey: string; decisions: string };
  action?: string;
  duration?: { value: string; unit: 'workingDays' | 'calendarDays'; countStartDay?: boolean };
  voting?: { attendees: string; completionCondition: string };
}

export interface TemplatePart {
  type: 'bpmn:UserTask' | 'bpmn:ServiceTask' | 'bpmn:ExclusiveGateway' | 'bpmn:IntermediateCatchEvent';
  name: string;
  zc: ZcSettings;
  multiInstance?: boolean;
  timer?: boolean;
}

export interface StepTemplate {
  id: string;
  /** the palette's label (short) */
  label: string;
  /** the palette's tooltip */
  description: string;
  /** elements in order, each connected to the next */
  parts: TemplatePart[];
}

const review = (name: string, role: string, scope: string, formKey: string, decisions: string, gateway: string): TemplatePart[] => [
  { type: 'bpmn:UserTask', name, zc: { assignment: { role, scope }, decisionForm: { formKey, decisions } } },
  { type: 'bpmn:ExclusiveGateway', name: gateway, zc: {} },
];
const publicity = (open: string, wait: string, close?: string): TemplatePart[] => [
  { type: 'bpmn:ServiceTask', name: open, zc: { action: 'publicity.open' } },
  { type: 'bpmn:IntermediateCatchEvent', name: wait, timer: true, zc: { duration: { value: '5', unit: 'workingDays', countStartDay: true } } },
  ...(close ? [{ type: 'bpmn:ServiceTask' as const, name: close, zc: { action: 'publicity.close' } }] : []),
];

export const STEP_TEMPLATES: StepTemplate[] = [
  { id: 'review', label: '审核', description: '审核：选择办理角色和机构范围，结论为 同意／退回补正（一次告知）／不同意', parts: review('审核', 'competentReviewer', 'competent', 'review', 'approve,return,reject', '审核结论') },
  { id: 'publicity', label: '公示', description: '公示：发布公示，等待 5 个工作日（按节假日日历计算）', parts: publicity('发布公示', '公示（5个工作日）') },
  { id: 'roster', label: '花名册', description: '花名册公示：在网站公示申报人花名册 5 个工作日', parts: publicity('公示花名册', '花名册公示（5个工作日）') },
  { id: 'send', label: '送交', description: '送交：公共服务中心分类送交评委会办事机构', parts: review('分类送交', 'centreClerk', 'centre', 'review', 'approve,reject', '送交结论') },
  {
    id: 'expert',
    label: '专家评审',
    description: '专家评审：评委会专家无记名表决，出席专家三分之二以上同意为通过',
    parts: [
      {
        type: 'bpmn:UserTask',
        name: '专家评审表决',
        multiInstance: true,
        zc: { assignment: { role: 'expert', scope: 'committee' }, decisionForm: { formKey: 'vote', decisions: 'approve,reject' }, voting: { attendees: 'experts', completionCondition: 'approvals >= attending * 2 / 3' } },
      },
      { type: 'bpmn:ExclusiveGateway', name: '表决结果', zc: {} },
    ],
  },
  { id: 'result', label: '结果公示', description: '结果公示：发布评审结果公示 5 个工作日，期满结束公示', parts: publicity('发布评审结果公示', '评审结果公示（5个工作日）', '结束公示') },
  { id: 'filing', label: '核准备案', description: '核准备案：公共服务中心核准备案，结论为 同意／不同意', parts: review('核准备案', 'centreClerk', 'centre', 'filing', 'approve,reject', '备案结论') },
  { id: 'certificate', label: '发证', description: '发证：自动颁发电子证书', parts: [{ type: 'bpmn:ServiceTask', name: '颁发电子证书', zc: { action: 'certificate.issue' } }] },
  { id: 'notify', label: '通知', description: '通知：向申报人发送通知', parts: [{ type: 'bpmn:ServiceTask', name: '通知申报人', zc: { action: 'notify' } }] },
];

/** the zc:* extension values of a part, as [moddle type, attributes] */
export function zcValues(zc: ZcSettings): [string, Record<string, unknown>][] {
  const out: [string, Record<string, unknown>][] = [];
  if (zc.assignment) out.push(['zc:Assignment', { ...zc.assignment }]);
  if (zc.decisionForm) out.push(['zc:DecisionForm', { ...zc.decisionForm }]);
  if (zc.action) out.push(['zc:Action', { name: zc.action }]);
  if (zc.duration) out.push(['zc:Duration', { ...zc.duration }]);
  if (zc.voting) out.push(['zc:Voting', { ...zc.voting }]);
  return out;
}
