// The three-step fixture started, with the service tasks' results fed back as the runtime would.
import type { WorkflowEvent } from '../../../../server/domain/workflow/state.js';
import { compileFixture, Instance, routing, T0 } from '../harness.js';

export const LATER = '2022-09-30T02:00:00.000Z';

/** sends the event, then completes every action it asked for (as runtime/workflow/advance.ts does) */
export function sendAll(i: Instance, event: WorkflowEvent): void {
  const queue = [...i.send(event)];
  while (queue.length > 0) {
    const e = queue.shift()!;
    if (e.type === 'runAction') queue.push(...i.send({ type: 'actionCompleted', tokenId: e.tokenId, output: {}, now: event.now }));
  }
}

export async function started(): Promise<Instance> {
  const i = new Instance(await compileFixture('test/domain/workflow/task-ops/three-steps.bpmn'));
  sendAll(i, { type: 'start', now: T0, variables: { routing } });
  return i;
}

export const approve = (i: Instance, elementId: string, userId: string, now = LATER): void =>
  sendAll(i, { type: 'completeTask', taskId: i.task(elementId).id, userId, payload: { decision: 'approve', comment: '同意' }, now });
