// Test helper: compile a fixture beside the spec and drive an instance with a fake clock
// (every event carries `now`; nothing sleeps).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileWorkflow } from '../../../server/domain/workflow/compile.js';
import type { CompiledModel } from '../../../server/domain/workflow/model.js';
import { newState, type Effect, type OpenTask, type Timer, type WorkflowEvent, type WorkflowState } from '../../../server/domain/workflow/state.js';
import { step, type StepEnv } from '../../../server/domain/workflow/step.js';
import type { Result } from '../../../server/domain/result.js';
import { seededCalendars } from '../calendar/load.js';

export const ACTIONS = ['quota.reserve', 'publicity.open', 'publicity.close', 'certificate.issue', 'application.withdraw'] as const;

export function fixture(name: string): string {
  const local = join(import.meta.dirname, name);
  return readFileSync(name.includes('/') ? join(import.meta.dirname, '../../..', name) : local, 'utf8');
}

export async function compileFixture(name: string): Promise<CompiledModel> {
  const r = await compileWorkflow(fixture(name), { actions: ACTIONS });
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error, null, 2)}`);
  return r.value;
}

export const env: StepEnv = { calendars: seededCalendars() };

export const routing = {
  unit: 'org-unit-1',
  competent: 'org-competent-1',
  league: 'org-league-150100',
  centre: 'org-centre',
  committeeOffice: 'org-committee-office',
  committee: 'org-committee-eng-senior',
  applicant: 'user-applicant-1',
};

/** An instance under test: keeps the state and every effect emitted so far. */
export class Instance {
  state: WorkflowState = newState();
  effects: Effect[] = [];
  last: Effect[] = [];

  constructor(
    readonly model: CompiledModel,
    readonly stepEnv: StepEnv = env,
  ) {}

  try(event: WorkflowEvent): Result<{ state: WorkflowState; effects: Effect[] }> {
    const r = step(this.model, this.state, event, this.stepEnv);
    if (r.ok) {
      this.state = r.value.state;
      this.last = r.value.effects;
      this.effects.push(...r.value.effects);
    }
    return r;
  }

  send(event: WorkflowEvent): Effect[] {
    const r = this.try(event);
    if (!r.ok) throw new Error(`${event.type}: ${r.error.code} ${r.error.message}`);
    return r.value.effects;
  }

  tasks(elementId: string): OpenTask[] {
    return this.state.openTasks.filter((t) => t.elementId === elementId);
  }

  task(elementId: string): OpenTask {
    const [t] = this.tasks(elementId);
    if (!t) throw new Error(`no open task at ${elementId}; open: ${this.state.openTasks.map((x) => x.elementId).join(',')}`);
    return t;
  }

  timer(elementId: string): Timer {
    const t = this.state.timers.find((x) => x.elementId === elementId);
    if (!t) throw new Error(`no timer at ${elementId}`);
    return t;
  }

  complete(elementId: string, payload: Record<string, string>, now: string, userId = 'u1'): Effect[] {
    return this.send({ type: 'completeTask', taskId: this.task(elementId).id, userId, payload, now });
  }

  fire(elementId: string): Effect[] {
    const t = this.timer(elementId);
    return this.send({ type: 'timerFired', timerId: t.id, now: t.dueAt });
  }
}

export const T0 = '2022-09-29T01:30:00.000Z'; // Thu 09:30 Beijing time
