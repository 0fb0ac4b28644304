// What a notification template (seeds/templates/notify-*.hbs) may use: the facts the runtime renders it with
// (runtime/notifications/compose.ts: applicationFacts, deadlineFacts, each event's data and recipientName), by
// their Chinese labels with the text to insert, for the template workbench; and a sample of them for its preview.
// test/http/template-preview.spec.ts checks that every fact compose.ts passes is listed here.
import type { FieldGroup, TemplateField } from '../documents/context-fields.js';

/** a template is a notification's when its key says so (TEMPLATE_OF in compose.ts) */
export const isNotificationTemplate = (key: string): boolean => key.startsWith('notify-');

const value = (label: string, path: string): TemplateField => ({ label, path, kind: 'value', insert: `{{${path}}}` });

export const NOTIFICATION_FACT_GROUPS: readonly FieldGroup[] = [
  {
    key: 'people',
    label: '收件人与申报',
    fields: [
      value('收件人姓名', 'recipientName'),
      value('申报人姓名', 'applicantName'),
      value('职称系列', 'seriesName'),
      value('申报职称', 'levelName'),
      value('级别', 'grade'),
      value('申报状态', 'statusName'),
      value('评审结果', 'resultName'),
      value('证书编号', 'certificateNumber'),
    ],
  },
  {
    key: 'step',
    label: '环节与期限',
    fields: [
      value('环节', 'stepName'),
      { label: '期限（最后一天）', path: 'deadline', kind: 'date', insert: '{{date deadline}}' },
      value('剩余工作日', 'workingDaysLeft'),
      { label: '是否发给申报人本人', path: 'forApplicant', kind: 'flag', insert: '{{#if forApplicant}}…{{else}}…{{/if}}' },
    ],
  },
  {
    key: 'items',
    label: '一次告知',
    fields: [
      {
        label: '需补正事项',
        path: 'items',
        kind: 'list',
        insert: '{{#each items}}\n· {{#if label}}{{label}}：{{/if}}{{message}}\n{{/each}}',
        children: [value('所涉栏目', 'label'), value('事项说明', 'message')],
      },
    ],
  },
  { key: 'from', label: '催办与抄送', fields: [value('催办人或抄送人', 'fromName'), value('说明', 'note')] },
];

/** every fact name above: the data object's keys */
export const NOTIFICATION_FACT_NAMES: readonly string[] = NOTIFICATION_FACT_GROUPS.flatMap((g) => g.fields.map((f) => f.path));

const DAY_MS = 86_400_000;
const BEIJING_MS = 8 * 3_600_000;

/** The sample a notification template is previewed with; `now` is an instant (ISO 8601), the deadline a week on. */
export function sampleNotificationFacts(now: string): Record<string, unknown> {
  const at = Date.parse(now);
  const deadline = new Date((Number.isNaN(at) ? 0 : at) + BEIJING_MS + 7 * DAY_MS).toISOString().slice(0, 10);
  return {
    recipientName: '张三',
    applicantName: '张三',
    seriesName: '示例系列',
    levelName: '示例职称',
    grade: '副高级',
    statusName: '退回补正',
    resultName: '已通过',
    certificateNumber: '样例-2026-0001',
    stepName: '单位审核',
    deadline,
    workingDaysLeft: 5,
    forApplicant: true,
    items: [
      { label: '最高学历 · 毕业证书', message: '请上传清晰的毕业证书扫描件' },
      { label: '', message: '请补充近五年的继续教育学时证明' },
    ],
    fromName: '李审核',
    note: '请尽快办理（样例说明）',
  };
}
