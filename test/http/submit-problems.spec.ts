// The applicant's submit check (issue 13 item 2): only what blocks the path applied for, no internal keys, each
// material named once; the 必传/选传 the portal shows is what submit requires; after a return the application
// carries its correction deadline as a Beijing last day with the working days left (holiday calendars).
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seniorForm } from '../conformance/support.js';
import { upload } from '../support/applicant-flow.js';
import { duringApplyPhase } from '../support/apply-phase.js';
import { startHarness, type Harness } from '../support/harness.js';

type Detail = { code: string; message: string; pointer?: string; source?: string };
const details = (res: LightMyRequestResponse): Detail[] => (res.json().details ?? []) as Detail[];
const YEAR = duringApplyPhase().slice(0, 4);
const LEVEL = 'gongcheng.fugao';

describe('submit problems: the chosen path only, in words; 选传 agrees with submit; the correction deadline', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ now: duringApplyPhase() });
  });
  afterAll(async () => h?.close());

  async function draft(form: Record<string, unknown>): Promise<string> {
    const zhang = h.as('demo-zhang');
    const created = await zhang({ method: 'POST', url: '/api/applications', payload: { campaignId: YEAR, levelKey: LEVEL } });
    expect(created.statusCode, created.body).toBe(201);
    const app = created.json() as { id: string; version: number };
    const saved = await zhang({ method: 'PUT', url: `/api/applications/${app.id}/form`, payload: { form, version: app.version } });
    expect(saved.statusCode, saved.body).toBe(200);
    return app.id;
  }
  const submit = (id: string, pathId?: string) => h.as('demo-zhang')({ method: 'POST', url: `/api/applications/${id}/submit`, payload: pathId ? { pathId } : {} });

  it('no path chosen and none passes: the conditions of the level\'s ordinary path only, no key, each material once', async () => {
    const id = await draft({ name: '张建设', gender: '男', specialty: 'jianshe', education: { degree: '本科', fullTime: true } });
    const res = await submit(id);
    expect(res.statusCode).toBe(422);
    const all = details(res);
    const paths = new Set(all.filter((d) => d.code.startsWith('eligibility.')).map((d) => d.source?.split('/')[0]));
    expect([...paths]).toEqual(['regular']);
    for (const d of all) expect(d.message).not.toMatch(/form\.|org\.|[a-z]+\.[a-z]+[A-Z]/);
    // a condition that could not be decided names the missing field and points at it
    const undecided = all.find((d) => d.code === 'eligibility.undecided');
    expect(undecided).toMatchObject({ message: expect.stringContaining('尚未填写：现专业技术资格'), pointer: '/currentTitle/grade' });
    const materials = all.filter((d) => d.code === 'materials.missing').map((d) => d.message);
    expect(new Set(materials).size).toBe(materials.length);
  });

  it('a chosen path: only its conditions; a missing field in it by its title and pointer, not form.poge.transferredOn', async () => {
    const id = await draft(seniorForm({ name: '张建设' }));
    const res = await submit(id, 'poge-5');
    expect(res.statusCode).toBe(422);
    const elig = details(res).filter((d) => d.code.startsWith('eligibility.'));
    expect(elig.length).toBeGreaterThan(0);
    expect(elig.every((d) => d.source?.startsWith('poge-5/'))).toBe(true);
    for (const d of details(res)) expect(d.message).not.toContain('transferredOn');
    expect(elig.find((d) => d.code === 'eligibility.undecided')).toMatchObject({ pointer: '/poge/transferredOn' });
    // an unknown path is refused in words, without echoing the id typed
    const unknown = await submit(id, 'no-such-path');
    expect(details(unknown).find((d) => d.code === 'eligibility.unknown_path')?.message).not.toContain('no-such-path');
  });

  it('选传 agrees with submit: the application names the items submit requires, and submit refuses exactly those', async () => {
    const id = await draft(seniorForm({ name: '张建设' }));
    const level = (await h.anon({ method: 'GET', url: `/api/levels/${LEVEL}` })).json() as { materials: { id: string; required: boolean; requiredWhen?: string }[] };
    const shown = await h.as('demo-zhang')({ method: 'GET', url: `/api/applications/${id}` });
    const required = (shown.json().materialsRequired ?? null) as string[] | null;
    expect(required).not.toBeNull();
    // a public-sector unit: the 继续教育审验卡 and 年度考核表 are conditional in the level (选传 there) but required here
    expect(required).toEqual(expect.arrayContaining(['ce-card', 'appraisals']));
    expect(level.materials.find((m) => m.id === 'ce-card')).toMatchObject({ required: false });
    const res = await submit(id, 'regular');
    const missing = details(res).filter((d) => d.code === 'materials.missing').map((d) => d.pointer?.split('/')[2]);
    expect([...missing].sort()).toEqual([...required!].sort());
    // upload what it says and nothing optional: submit goes through (no 选传 item is refused)
    for (const item of required!) expect((await upload(h.as('demo-zhang'), id, item)).statusCode).toBe(200);
    expect((await h.as('demo-zhang')({ method: 'POST', url: `/api/applications/${id}/pledge` })).statusCode).toBe(200);
    const ok = await submit(id, 'regular');
    expect(ok.statusCode, ok.body).toBe(200);
    // in review, the applicant is told the step it waits on and the next one (every review agreeing)
    const listed = (await h.as('demo-zhang')({ method: 'GET', url: '/api/applications' })).json().items as { id: string; stage?: unknown }[];
    expect(listed.find((a) => a.id === id)?.stage).toEqual({ current: '单位审核（真实性、完整性、时效性）', next: '单位公示（5个工作日）' });
    const optional = level.materials.filter((m) => !required!.includes(m.id)).map((m) => m.id);
    expect(optional).toEqual(expect.arrayContaining(['entrust-letter', 'unit-publicity']));
  });

  it('after a return with a 5-working-day deadline: correction {deadline, lastDay (Beijing), workingDaysLeft}', async () => {
    const mine = (await h.as('demo-zhang')({ method: 'GET', url: '/api/applications' })).json().items as { id: string; status: string }[];
    const id = mine.find((a) => a.status === 'submitted')!.id;
    const inbox = (await h.as('demo-unit-design')({ method: 'GET', url: '/api/tasks?limit=200' })).json().items as { applicationId: string; taskId: string }[];
    const task = inbox.find((t) => t.applicationId === id)!;
    const ret = await h.as('demo-unit-design')({
      method: 'POST',
      url: `/api/tasks/${id}/${task.taskId}/complete`,
      payload: { payload: { decision: 'return', comment: '请按一次性告知补正', items: [{ pointer: '/education/school', message: '毕业院校与学历证书不一致' }] } },
    });
    expect(ret.statusCode, ret.body).toBe(200);
    // returned Wed 2026-05-20 10:00 Beijing: 05-21, 05-22, 05-25, 05-26, 05-27 → the last day is 05-27
    const list = (await h.as('demo-zhang')({ method: 'GET', url: '/api/applications' })).json().items as { id: string; correction?: unknown }[];
    expect(list.find((a) => a.id === id)?.correction).toEqual({ deadline: '2026-05-27T16:00:00.000Z', lastDay: '2026-05-27', workingDaysLeft: 5, overdue: false });
    h.clock.set('2026-05-25T01:00:00.000Z'); // Monday: 05-26 and 05-27 are left
    const one = (await h.as('demo-zhang')({ method: 'GET', url: `/api/applications/${id}` })).json();
    expect(one.correction).toMatchObject({ lastDay: '2026-05-27', workingDaysLeft: 2 });
    expect(one.materialsRequired).toEqual(expect.arrayContaining(['ce-card']));
    // nobody else is told the applicant's deadline this way
    const seen = (await h.as('demo-unit-design')({ method: 'GET', url: `/api/applications/${id}` })).json();
    expect(seen.correction).toBeUndefined();
  });
});
