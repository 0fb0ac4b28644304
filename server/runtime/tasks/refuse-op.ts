// Operations the engine does not carry (抄送) check the step's settings here, with the engine's words.
import { fail, type Result } from '../../domain/result.js';
import type { Application } from '../../domain/schema-types.gen.js';
import { OPERATION_LABELS, type TaskOperation } from '../../domain/workflow/task-ops/operations.js';
import type { OpenTask } from '../../domain/workflow/state.js';
import type { AppDeps } from '../applications/deps.js';
import { stepSettings } from './step-settings.js';

export async function refuseOp(d: AppDeps, app: Application, task: OpenTask, op: TaskOperation): Promise<Result<never> | null> {
  const settings = await stepSettings(d, app, task.elementId);
  if (settings.operations.includes(op) && task.cosignOf === undefined && task.delegatedBy === undefined) return null;
  const message = `“${task.name ?? task.elementId}”环节不允许${OPERATION_LABELS[op]}`;
  return fail('task.op_not_allowed', message, [{ code: 'task.op_not_allowed', message, elementId: task.elementId }]);
}
