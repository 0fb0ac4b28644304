import { describe, expect, it } from 'vitest';
import { started } from './support.js';

describe('催办', () => {
  it('at most once per task per working day; a weekend reminder counts for the Monday', async () => {
    const i = await started();
    const id = i.task('Unit').id;
    const fri = '2022-09-30T02:00:00.000Z'; // Fri 10:00 Beijing, the last working day before 国庆
    i.send({ type: 'remindTask', taskId: id, userId: 'applicant', now: fri });
    expect(i.task('Unit').remindedAt).toBe(fri);
    const again = i.try({ type: 'remindTask', taskId: id, userId: 'applicant', now: '2022-09-30T08:00:00.000Z' });
    expect(!again.ok && again.error.code).toBe('task.already_reminded');
    const holiday = '2022-10-03T02:00:00.000Z'; // 国庆: counts for Sat 10-08, a 补班 working day
    i.send({ type: 'remindTask', taskId: id, userId: 'applicant', now: holiday });
    const sat = i.try({ type: 'remindTask', taskId: id, userId: 'applicant', now: '2022-10-08T02:00:00.000Z' });
    expect(!sat.ok && sat.error.code).toBe('task.already_reminded');
    i.send({ type: 'remindTask', taskId: id, userId: 'applicant', now: '2022-10-09T02:00:00.000Z' });
  });

  it('is refused where the step does not allow it', async () => {
    const i = await started();
    const { approve } = await import('./support.js');
    approve(i, 'Unit', 'rev-a');
    approve(i, 'Dept', 'dept-a');
    const r = i.try({ type: 'remindTask', taskId: i.task('Office').id, userId: 'applicant', now: '2022-10-09T02:00:00.000Z' });
    expect(!r.ok && r.error).toMatchObject({ code: 'task.op_not_allowed', message: '“办事机构审核”环节不允许催办' });
  });
});
