import { describe, expect, it } from 'vitest';
import { compileFixture, env, Instance, routing, T0 } from './harness.js';
import { seededCalendars } from '../calendar/load.js';

describe('timers', () => {
  it('intermediate timer: 5 working days from Thu 2022-09-29, then a 2-hour calendar wait', async () => {
    const i = new Instance(await compileFixture('timer-catch.bpmn'));
    const fx = i.send({ type: 'start', now: T0, variables: {} });
    // last working day 2022-10-10, due at 00:00 Beijing on 10-11
    expect(fx).toEqual([{ type: 'scheduleTimer', timerId: expect.any(String), elementId: 'Publicity', dueAt: '2022-10-10T16:00:00.000Z' }]);
    expect(i.state.timers).toEqual([expect.objectContaining({ elementId: 'Publicity', dueAt: '2022-10-10T16:00:00.000Z' })]);
    const next = i.fire('Publicity');
    expect(next).toEqual([{ type: 'scheduleTimer', timerId: expect.any(String), elementId: 'Wait2h', dueAt: '2022-10-10T18:00:00.000Z' }]);
    i.fire('Wait2h');
    expect(i.state.status).toBe('completed');
  });

  it('a stale timer id is an error value (the scheduler ignores it)', async () => {
    const i = new Instance(await compileFixture('timer-catch.bpmn'));
    i.send({ type: 'start', now: T0, variables: {} });
    const r = i.try({ type: 'timerFired', timerId: 'tm999', now: T0 });
    expect(!r.ok && r.error.code).toBe('timer.not_found');
  });

  it('past the known calendar: incident calendar.not_covered on that token, no guessed timer', async () => {
    const i = new Instance(await compileFixture('timer-catch.bpmn'), { calendars: seededCalendars([2026]) });
    i.send({ type: 'start', now: '2026-12-28T01:00:00.000Z', variables: {} });
    expect(i.state.timers).toEqual([]);
    expect(i.state.incidents[0]).toMatchObject({ elementId: 'Publicity', code: 'calendar.not_covered' });
    expect(i.state.incidents[0]!.reason).toContain('2027');
  });

  it('interrupting boundary timer: correction deadline cancels the task', async () => {
    const i = new Instance(await compileFixture('boundary-timer.bpmn'));
    i.send({ type: 'start', now: T0, variables: { routing } });
    const task = i.task('Correction');
    // start day not counted: 09-30, 10-08, 10-09, 10-10, 10-11 -> due 10-12 00:00 Beijing
    expect(task.dueAt).toBe('2022-10-11T16:00:00.000Z');
    expect(task.orgId).toBe('user-applicant-1');
    const fx = i.fire('Deadline');
    expect(fx).toEqual([
      { type: 'cancelTask', taskId: task.id, elementId: 'Correction' },
      { type: 'completed', terminated: false },
    ]);
    expect(i.state.history.some((h) => h.elementId === 'EndExpired')).toBe(true);
  });

  it('completing the task in time cancels the boundary timer', async () => {
    const i = new Instance(await compileFixture('boundary-timer.bpmn'), env);
    i.send({ type: 'start', now: T0, variables: { routing } });
    const timerId = i.timer('Deadline').id;
    const fx = i.complete('Correction', { decision: 'resubmit' }, '2022-10-09T02:00:00.000Z');
    expect(fx).toEqual([{ type: 'cancelTimer', timerId }, { type: 'completed', terminated: false }]);
    expect(i.state.timers).toEqual([]);
  });
});
