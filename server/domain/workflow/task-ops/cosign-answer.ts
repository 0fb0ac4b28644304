// 加签答复: the co-reviewer answers with an opinion; their task closes and the owner may complete.
import { ok, type Result } from '../../result.js';
import type { TaskOpEvent } from '../state.js';
import type { Run } from '../step.js';
import { ownTask, refuse } from './own-task.js';

export function answerCosign(run: Run, e: Extract<TaskOpEvent, { type: 'answerCosign' }>): Result<void> {
  const own = ownTask(run, e.taskId, e.userId, 'answerCosign');
  if (!own.ok) return own;
  const { task, el } = own.value;
  if (e.opinion.trim() === '') return refuse('task.opinion_required', '请填写加签意见', el.id);
  run.s.openTasks = run.s.openTasks
    .filter((t) => t.id !== task.id)
    .map((t) => (t.id === task.cosignOf ? { ...t, opinions: [...(t.opinions ?? []), { kind: 'cosign' as const, userId: e.userId, opinion: e.opinion.trim(), at: e.now }] } : t));
  run.emit({ type: 'cancelTask', taskId: task.id, elementId: task.elementId });
  return ok(undefined);
}
