// The + between two steps: a menu of step types in Chinese; the chosen step is inserted there.
import { Button, Dropdown, Tooltip } from 'antd';
import { STEP_TYPE_LABELS } from '../../../../server/domain/workflow/steps/labels.js';
import type { StepType } from '../../../../server/domain/workflow/steps/types.js';

/** the order the menu offers them in, roughly the order of a review */
const MENU: StepType[] = ['review', 'publicity', 'roster', 'send', 'expertReview', 'resultPublicity', 'filing', 'certificate', 'notify', 'pass', 'condition', 'parallel'];

const HINTS: Record<StepType, string> = {
  review: '同意 / 退回补正（一次告知）/ 不同意',
  publicity: 'N 个工作日，可受理投诉',
  roster: '公示申报人花名册 N 个工作日',
  send: '公共服务中心（分类）送交',
  expertReview: '评委会专家表决，可先评分',
  resultPublicity: '评审结果公示，受理投诉并核查',
  filing: '人社部门核准备案',
  certificate: '制发电子证书',
  notify: '发送通知',
  pass: '审核通过，流程办结',
  condition: '按条件走不同分支',
  parallel: '几个分支同时办理',
};

export default function AddStepButton({ onAdd, disabled, where }: { onAdd: (type: StepType) => void; disabled?: boolean; where: string }) {
  return (
    <div className="zc-steps-add">
      <div className="zc-steps-link" />
      <Dropdown
        disabled={disabled}
        trigger={['click']}
        menu={{
          items: MENU.map((t) => ({ key: t, label: `${STEP_TYPE_LABELS[t]}　${HINTS[t]}`, 'data-testid': `add-${t}` })),
          onClick: ({ key, domEvent }) => {
            domEvent.stopPropagation();
            onAdd(key as StepType);
          },
        }}
      >
        <Tooltip title={`在${where}添加步骤`}>
          <Button shape="circle" size="small" disabled={disabled} aria-label={`在${where}添加步骤`} data-testid="add-step" onClick={(e) => e.stopPropagation()}>
            +
          </Button>
        </Tooltip>
      </Dropdown>
      <div className="zc-steps-link" />
    </div>
  );
}
