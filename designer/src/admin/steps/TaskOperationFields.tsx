// 任务操作 and 审批意见必填 of a 审核 / 送交 step: which of 转办、委派、加签、抄送、撤回、催办、退回到指定环节 the
// handlers may use (the workbench shows a button only for these; the server refuses the others).
import { Checkbox, Form } from 'antd';
import { OPERATION_LABELS, TASK_OPERATIONS, type TaskOperation } from '../../../../server/domain/workflow/task-ops/operations.js';

interface WithOperations {
  operations?: TaskOperation[];
  opinionRequired?: boolean;
}

export default function TaskOperationFields<S extends WithOperations>({ step, onChange }: { step: S; onChange: (s: S) => void }) {
  return (
    <>
      <Form.Item label="允许的任务操作" tooltip="办理人可使用的操作；未勾选的操作不显示，服务端也会拒绝">
        <Checkbox.Group
          data-testid="step-operations"
          value={step.operations ?? []}
          options={TASK_OPERATIONS.map((op) => ({ value: op, label: OPERATION_LABELS[op] }))}
          onChange={(v) => {
            const { operations: _, ...rest } = step;
            const picked = TASK_OPERATIONS.filter((op) => (v as TaskOperation[]).includes(op));
            onChange((picked.length > 0 ? { ...rest, operations: picked } : rest) as S);
          }}
        />
      </Form.Item>
      <Form.Item>
        <Checkbox
          data-testid="step-opinion-required"
          checked={step.opinionRequired === true}
          onChange={(e) => {
            const { opinionRequired: _, ...rest } = step;
            onChange((e.target.checked ? { ...rest, opinionRequired: true } : rest) as S);
          }}
        >
          审批意见必填
        </Checkbox>
      </Form.Item>
    </>
  );
}
