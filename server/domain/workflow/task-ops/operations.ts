// The task operations a step may allow (zc:TaskOperations allowed="…", the steps' `operations`), with the
// Chinese names people see: the designer's checkboxes, the workbench's buttons and every refusal use these.
import type { TaskOperations } from '../../schema-types.gen.js';

export type TaskOperation = TaskOperations[number];

export const TASK_OPERATIONS: readonly TaskOperation[] = ['transfer', 'delegate', 'cosign', 'copy', 'withdraw', 'remind', 'returnTo'];

export const OPERATION_LABELS: Readonly<Record<TaskOperation, string>> = {
  transfer: '转办',
  delegate: '委派',
  cosign: '加签',
  copy: '抄送',
  withdraw: '撤回',
  remind: '催办',
  returnTo: '退回到指定环节',
};

export const isTaskOperation = (s: string): s is TaskOperation => (TASK_OPERATIONS as readonly string[]).includes(s);
