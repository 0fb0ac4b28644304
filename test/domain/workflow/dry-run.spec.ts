// 试运行 (issue 12 item 5): the seeded online review walked for a sample applicant from a start date, with the
// real engine on the seeded holiday calendars: 公示 dates skip the National Day holiday, and the 条件分支 go
// the way the applicant's unit says.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileWorkflow } from '../../../server/domain/workflow/compile.js';
import { dryRun, type DryRun } from '../../../server/domain/workflow/dry-run.js';
import { SAMPLE_APPLICANTS, sampleApplicant } from '../../../server/domain/workflow/dry-run-profiles.js';
import { compileSteps } from '../../../server/domain/workflow/steps/compile-steps.js';
import type { StepFlow } from '../../../server/domain/workflow/steps/types.js';
import { ACTION_NAMES } from '../../../server/runtime/actions/names.js';
import { seededCalendars } from '../calendar/load.js';
import { EVERY_TYPE } from './steps/fixtures.js';

const seeded = (key: string) => JSON.parse(readFileSync(join(import.meta.dirname, `../../../workflows/steps/${key}.json`), 'utf8')) as StepFlow;
const online = seeded('online-review');

async function run(profile: string, start: string, flow: StepFlow = online): Promise<DryRun> {
  const compiled = await compileSteps(flow, { id: 'dry-run', name: '试运行' });
  if (!compiled.ok) throw new Error(compiled.error.message);
  const model = await compileWorkflow(compiled.value.xml, { actions: ACTION_NAMES });
  if (!model.ok) throw new Error(model.error.message);
  const r = dryRun({ model: model.value, steps: flow, owners: compiled.value.owners, facts: sampleApplicant(profile)!.facts, start, calendars: seededCalendars() });
  if (!r.ok) throw new Error(`${r.error.message} ${JSON.stringify(r.error.details)}`);
  return r.value;
}

const at = (r: DryRun, id: string) => r.steps.find((s) => s.id === id);

describe('试运行', () => {
  it('a 单位公示 of 5 working days started the day before National Day ends after the holiday', async () => {
    const r = await run('league', '2026-09-30');
    expect(at(r, 'unitReview')).toMatchObject({ name: '单位审核（真实性、完整性、时效性）', typeLabel: '审核', start: '2026-09-30', end: '2026-09-30' });
    // 09-30 counts (countStartDay), 10-01..10-07 are off, 10-10 (Saturday) is a working day
    expect(at(r, 'unitPublicity')).toMatchObject({ typeLabel: '公示', start: '2026-09-30', end: '2026-10-12' });
    expect(at(r, 'competentReview')?.start).toBe('2026-10-13');
    expect(r.end).toMatchObject({ id: 'certified', name: '已发证' });
  });

  it('a 公示 in an ordinary week: 2026-12-01 → 2026-12-07', async () => {
    const r = await run('regionLevel', '2026-12-01');
    expect(at(r, 'unitPublicity')).toMatchObject({ start: '2026-12-01', end: '2026-12-07' });
  });

  it('the 条件分支 go the way each sample applicant\'s unit says', async () => {
    const direct = await run('directReport', '2026-12-01');
    expect(at(direct, 'directGw')?.branch).toEqual({ name: '直报单位：直接报送公共服务中心', condition: expect.stringContaining('职称直报单位') });
    expect(at(direct, 'competentReview')).toBeUndefined();
    expect(at(direct, 'centreReview')).toBeDefined();

    const league = await run('league', '2026-12-01');
    expect(at(league, 'directGw')?.branch).toEqual({ name: '主管部门（非公：所选推荐渠道）', condition: '其他情况（以上条件都不成立）' });
    expect(at(league, 'levelGw')?.branch?.name).toBe('盟市所属单位');
    expect(league.steps.map((s) => s.id)).toEqual(expect.arrayContaining(['competentReview', 'leagueReview', 'leagueRoster', 'centreReview', 'vote', 'resultPublicity', 'issueCertificate']));
    expect(at(league, 'deptRoster')).toBeUndefined();
    // steps are listed in the order they are reached, with dates that never go back
    const starts = league.steps.map((s) => s.start);
    expect([...starts].sort()).toEqual(starts);
  });

  it('every seeded flow, and a flow with every step type, runs to its end for every sample applicant', async () => {
    const flows: [string, StepFlow][] = [
      ...['directed-review', 'entrusted-out', 'entrusted-review', 'league-review', 'online-review', 'recognition', 'teacher-review', 'unit-review'].map((k): [string, StepFlow] => [k, seeded(k)]),
      ['every-type', EVERY_TYPE],
    ];
    for (const [key, flow] of flows) {
      for (const sample of SAMPLE_APPLICANTS) {
        const r = await run(sample.id, '2026-03-02', flow);
        expect(r.end.date >= '2026-03-02', `${key} ${sample.id}`).toBe(true);
        // the happy path never ends in a failure end
        expect(['未通过', '已撤回'], `${key} ${sample.id}`).not.toContain(r.end.name);
        expect(r.steps.length, `${key} ${sample.id}`).toBeGreaterThan(0);
        for (const s of r.steps) expect(s.end >= s.start, `${key} ${s.id}`).toBe(true);
      }
    }
  }, 60_000);
});
