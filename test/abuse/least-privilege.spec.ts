// The least-privilege matrix (role × stage × endpoint): an office sees an application once the flow has
// reached it and keeps seeing what it handled; an expert sees it only while it is (or was) on the agenda of a
// vote they sit in, with the ID number masked and no ID documents; the applicant always sees their own;
// everybody else gets a 404 that does not reveal it exists. While the vote is open nobody learns which
// experts have voted; only the committee office sees the progress, as a count.
// One 副高级 engineering application goes unit → 主管部门 → 盟市 → 中心 → 办事机构 → experts → 公示 → 备案.
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upload } from '../support/applicant-flow.js';
import { act, approve, at, prepare, seniorForm, start, submit, taskOf, timersOf, view, type Harness } from '../conformance/support.js';

type Stage = 'draft' | 'unit' | 'competent' | 'vote' | 'finished';
const STAGES: Stage[] = ['draft', 'unit', 'competent', 'vote', 'finished'];
const after = (from: Stage | null) => (s: Stage): boolean => from !== null && STAGES.indexOf(s) >= STAGES.indexOf(from);

const ID_NUMBER = '150102198503150017';
const MASKED = '150102********0017';
const NAME = '申报人甲乙丙';

interface Who {
  label: string;
  user: string;
  /** the first stage at which the role may see the application (null: never) */
  from: Stage | null;
  kind: 'owner' | 'applicant' | 'office' | 'expert' | 'admin';
  /** the role's own open tasks on the application, per stage */
  inbox?: Partial<Record<Stage, string[]>>;
}

const WHO: Who[] = [
  { label: 'the applicant (owner)', user: 'owner', from: 'draft', kind: 'owner' },
  { label: 'another applicant of the same unit', user: 'neighbour', from: null, kind: 'applicant' },
  { label: 'the unit reviewer of the applicant\'s unit', user: 'demo-unit-design', from: 'unit', kind: 'office', inbox: { unit: ['unitReview'] } },
  { label: 'a unit reviewer of another unit', user: 'demo-unit-hospital', from: null, kind: 'office' },
  { label: 'the competent department (reached at its stage)', user: 'demo-dept-jianshe', from: 'competent', kind: 'office', inbox: { competent: ['competentReview'] } },
  { label: 'the league HR bureau (reached later)', user: 'demo-hrss-hhht', from: 'vote', kind: 'office' },
  { label: 'the committee office (clerk)', user: 'demo-office-gongcheng', from: 'vote', kind: 'office' },
  { label: 'an expert of the committee who sits in the vote', user: 'expert-1', from: 'vote', kind: 'expert', inbox: { vote: ['vote'] } },
  { label: 'an expert of the committee who does not sit in the vote', user: 'expert-unseated', from: null, kind: 'expert' },
  { label: 'an expert of another committee', user: 'expert-elsewhere', from: null, kind: 'expert' },
  { label: 'the administrator', user: 'demo-admin', from: 'draft', kind: 'admin' },
];

const ROSTER_ROLES = new Set<Who['kind']>(['office', 'admin']);

type Json = Record<string, unknown>;
interface TaskLike {
  elementId: string;
  assignee?: string;
}
const tasksIn = (app: Json): TaskLike[] => [
  ...((app['openTasks'] as TaskLike[] | undefined) ?? []),
  ...((((app['workflow'] as Json | null | undefined)?.['openTasks']) as TaskLike[] | undefined) ?? []),
];

describe('least privilege: role × stage × endpoint', () => {
  let h: Harness;
  let id = '';
  let files: { idcard: string; diploma: string } = { idcard: '', diploma: '' };
  let castAnswer: Json = {};

  beforeAll(async () => {
    h = await start(
      '2022-06-01T02:00:00.000Z',
      [
        { id: 'owner', orgId: 'unit-hhht-design' },
        { id: 'neighbour', orgId: 'unit-hhht-design' },
      ],
      [
        { id: 'expert-unseated', roles: [{ role: 'expert', orgId: 'cmt-gongcheng-senior' }] },
        { id: 'expert-elsewhere', roles: [{ role: 'expert', orgId: 'cmt-weisheng-senior' }] },
      ],
    );
    await h.platform.store.updateUser({ ...(await h.platform.store.getUser('owner'))!, name: NAME, version: 2 }, 1, []);
    id = await prepare(h, 'owner', { levelKey: 'gongcheng.fugao', form: seniorForm({ name: NAME, idNumber: ID_NUMBER }) });
    // the scan of the ID card differs from every other file (the helper uploads one sample for all items)
    expect((await upload(h.as('owner'), id, 'idcard', 'application/pdf', Buffer.from('%PDF-1.4\n% ID card scan\n'))).statusCode).toBe(200);
    const materials = (await view(h, 'owner', id))['materials'] as { itemId: string; hash: string }[];
    const diploma = materials.find((m) => m.itemId === 'diploma')!.hash;
    files = { idcard: materials.find((m) => m.itemId === 'idcard' && m.hash !== diploma)!.hash, diploma };
    // the neighbour's own application, so that "another applicant" has something of their own to list
    await prepare(h, 'neighbour', { levelKey: 'gongcheng.fugao', form: seniorForm({ name: '邻座申报人' }) });
  });
  afterAll(async () => h.close());

  /** moves the flow on to the stage */
  async function reach(stage: Stage): Promise<void> {
    const fireNext = async () => {
      const due = timersOf(await view(h, 'demo-admin', id)).sort()[0]!;
      expect(await at(h, due)).toBeGreaterThanOrEqual(1);
    };
    if (stage === 'unit') {
      const res = await submit(h, 'owner', id);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ committeeId: 'cmt-gongcheng-senior', routing: { competent: '150100-jianshe', committeeOffice: 'office-gongcheng' } });
    }
    if (stage === 'competent') {
      await approve(h, 'demo-unit-design', id, 'unitReview');
      await fireNext(); // unit 公示
      await taskOf(h, 'demo-dept-jianshe', id, 'competentReview');
    }
    if (stage === 'vote') {
      await approve(h, 'demo-dept-jianshe', id, 'competentReview');
      await approve(h, 'demo-hrss-hhht', id, 'leagueReview');
      await fireNext(); // roster 公示
      await approve(h, 'demo-centre', id, 'centreReview');
      await approve(h, 'demo-office-gongcheng', id, 'officeCheck');
      // one of three has voted: nobody but the office may learn that, and only as a count
      castAnswer = await act(h, 'expert-2', id, 'vote', { vote: 'approve' });
    }
    if (stage === 'finished') {
      await act(h, 'expert-1', id, 'vote', { vote: 'approve' });
      await fireNext(); // results 公示
      expect((await approve(h, 'demo-centre', id, 'filing'))['status']).toBe('certified');
    }
  }

  const get = (user: string, url: string): Promise<LightMyRequestResponse> => h.as(user)({ method: 'GET', url });

  for (const stage of STAGES) {
    describe(`stage: ${stage}`, () => {
      beforeAll(async () => reach(stage));

      it.each(WHO)('$label', async (who) => {
        const sees = after(who.from)(stage);
        const expert = who.kind === 'expert';

        // GET application: 200 when allowed, a 404 that reveals nothing otherwise
        const one = await get(who.user, `/api/applications/${id}`);
        expect(one.statusCode, `${who.user} GET application at ${stage}`).toBe(sees ? 200 : 404);
        if (!sees) expect(one.json()).toEqual((await get(who.user, '/api/applications/no-such-application')).json());

        // list: filtered in the store, so the total agrees with the items
        const list = await get(who.user, '/api/applications?limit=200');
        expect(list.statusCode).toBe(200);
        const items = list.json().items as Json[];
        expect(items.some((a) => a['id'] === id), `${who.user} list at ${stage}`).toBe(sees);
        expect(list.json().total).toBe(items.length);

        // inbox: only the role's own tasks
        const inbox = await get(who.user, '/api/tasks?limit=200');
        const mine = (inbox.json().items as { applicationId: string; elementId: string }[]).filter((t) => t.applicationId === id).map((t) => t.elementId);
        expect(mine, `${who.user} inbox at ${stage}`).toEqual(who.inbox?.[stage] ?? []);

        // roster: offices and admin only, and only what they may see
        const roster = await get(who.user, '/api/rosters?campaignId=2022');
        if (!ROSTER_ROLES.has(who.kind)) expect(roster.statusCode).toBe(403);
        else expect(roster.body.includes(NAME), `${who.user} roster at ${stage}`).toBe(sees && stage !== 'draft');

        // documents: the 评审表 carries the ID number, masked for experts
        const doc = await get(who.user, `/api/applications/${id}/documents/pingshenbiao`);
        expect(doc.statusCode, `${who.user} document at ${stage}: ${doc.body.slice(0, 200)}`).toBe(sees ? 200 : 404);
        if (sees) {
          expect(doc.body.includes(ID_NUMBER)).toBe(!expert);
          if (expert) expect(doc.body).toContain(MASKED);
        }

        // files: never the ID document to an expert
        const idcard = await get(who.user, `/api/applications/${id}/files/${files.idcard}`);
        expect(idcard.statusCode, `${who.user} ID document at ${stage}`).toBe(sees && !expert ? 200 : 404);
        const diploma = await get(who.user, `/api/applications/${id}/files/${files.diploma}`);
        expect(diploma.statusCode, `${who.user} diploma at ${stage}`).toBe(sees ? 200 : 404);

        // progress: the diagram for whoever may see; the vote count for the committee office only
        const progress = await get(who.user, `/api/applications/${id}/workflow`);
        expect(progress.statusCode, `${who.user} progress at ${stage}`).toBe(sees ? 200 : 404);
        const office = who.user === 'demo-office-gongcheng';
        if (sees) expect(progress.json().votes).toEqual(office && stage === 'vote' ? [{ elementId: 'vote', name: '评审委员会评审表决', cast: 1, attending: 3, label: '已投 1/3' }] : undefined);

        if (!sees) return;
        // what the application says: the ID number masked for experts; no one learns who has voted
        // the list's row is a summary: no form, so no ID number for anyone, and the same ballot and reach rules
        const row = items.find((a) => a['id'] === id)!;
        expect(row['form']).toBeUndefined();
        expect(JSON.stringify(row).includes(ID_NUMBER)).toBe(false);
        for (const app of [one.json() as Json, row]) {
          if (app !== row) {
            const form = app['form'] as Json;
            expect(form['idNumber']).toBe(expert ? MASKED : ID_NUMBER);
            expect(JSON.stringify(app).includes(ID_NUMBER)).toBe(!expert);
            if (expert) expect((app['materials'] as { itemId: string }[]).map((m) => m.itemId)).not.toContain('idcard');
          }
          const ballots = tasksIn(app).filter((t) => t.assignee !== undefined && t.assignee !== who.user);
          expect(ballots, `${who.user} sees other experts' vote tasks at ${stage}`).toEqual([]);
          if (who.kind !== 'admin') expect(app['reachedBy']).toBeUndefined();
        }
      });

      if (stage === 'vote') {
        it('the answer to a ballot shows the voting expert neither the ID number nor the other ballots still open', () => {
          expect(JSON.stringify(castAnswer)).not.toContain(ID_NUMBER);
          expect(tasksIn(castAnswer).filter((t) => t.elementId === 'vote')).toEqual([]);
        });
      }
    });
  }

  it('an expert\'s task detail and ballot answer carry the masked ID number and no other expert\'s task', async () => {
    // a second application, to the vote, to read the detail while it is open
    h.clock.set('2022-06-01T02:00:00.000Z');
    const second = await prepare(h, 'neighbour', { levelKey: 'gongcheng.fugao', form: seniorForm({ name: '邻座申报人', idNumber: ID_NUMBER }) });
    expect((await submit(h, 'neighbour', second)).statusCode).toBe(200);
    await approve(h, 'demo-unit-design', second, 'unitReview');
    await at(h, timersOf(await view(h, 'demo-admin', second)).sort()[0]!);
    for (const [user, element] of [['demo-dept-jianshe', 'competentReview'], ['demo-hrss-hhht', 'leagueReview']] as const) await approve(h, user, second, element);
    await at(h, timersOf(await view(h, 'demo-admin', second)).sort()[0]!);
    await approve(h, 'demo-centre', second, 'centreReview');
    await approve(h, 'demo-office-gongcheng', second, 'officeCheck');
    const task = await taskOf(h, 'expert-3', second, 'vote');
    const detail = await get('expert-3', `/api/tasks/${second}/${task.taskId}`);
    expect(detail.statusCode).toBe(200);
    const app = detail.json().application as Json;
    expect((app['form'] as Json)['idNumber']).toBe(MASKED);
    expect(detail.body).not.toContain(ID_NUMBER);
    expect(tasksIn(app).filter((t) => t.assignee !== undefined && t.assignee !== 'expert-3')).toEqual([]);
    const cast = await act(h, 'expert-3', second, 'vote', { vote: 'approve' });
    expect(JSON.stringify(cast)).not.toContain(ID_NUMBER);
    expect(tasksIn(cast).filter((t) => t.elementId === 'vote')).toEqual([]);
    // the office's count moved; the applicant sees neither the count nor who voted
    expect((await get('demo-office-gongcheng', `/api/applications/${second}/workflow`)).json().votes[0].label).toBe('已投 1/3');
    const own = await get('neighbour', `/api/applications/${second}`);
    expect(tasksIn(own.json() as Json).filter((t) => t.elementId === 'vote')).toEqual([]);
    expect((await get('neighbour', `/api/applications/${second}/workflow`)).json().votes).toBeUndefined();
  });
});
