// Issue 14 item 2 in Chromium: the engineering committee's office draws the experts of a session whose agenda holds an
// application of 呼和浩特市建筑设计研究院 — the seeded expert of that institute (王建国) is listed under 回避 with the
// reason — and replaces a member from the reserves; 纪检监察 (demo-jijian) opens 抽取记录, sees the draw and 复核 says
// 一致. Screenshots: test-output/expert-draw/.
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ExpertDraw } from '../../server/domain/committee-work/types.js';
import type { CommitteeList } from '../../server/domain/schema-types.gen.js';
import { approve, fireNext, seniorForm, submitted } from '../conformance/support.js';
import { describeInBrowser, pickOption, screenshots, serveBrowserApp, typeInInput, type BrowserApp, openSignedIn } from '../support/browser.js';
import { startHarness, type Harness } from '../support/harness.js';

const COMMITTEE = 'cmt-gongcheng-senior';
const OFFICE = 'demo-office-gongcheng';

describeInBrowser('expert draw in Chromium: 回避, replacement, 纪检 复核', () => {
  let h: Harness;
  let served: BrowserApp | undefined;
  let browser: Browser;
  let base: string;
  let sessionId = '';
  const snap = screenshots('expert-draw');
  const pageErrors: string[] = [];

  beforeAll(async () => {
    h = await startHarness({ now: '2022-06-01T02:00:00.000Z', users: [{ id: 'ed1', name: '赵设计', kind: 'applicant', orgId: 'unit-hhht-design', roles: [{ role: 'applicant', orgId: 'unit-hhht-design' }] }] });
    // an application of the institute reaches the committee office, and the office puts it on a session's agenda
    const appId = (await submitted(h, 'ed1', { levelKey: 'gongcheng.fugao', form: seniorForm({ name: '赵设计' }) }))['id'] as string;
    await approve(h, 'demo-unit-design', appId, 'unitReview');
    await fireNext(h, appId);
    await approve(h, 'demo-dept-jianshe', appId, 'competentReview');
    await approve(h, 'demo-hrss-hhht', appId, 'leagueReview');
    await fireNext(h, appId);
    await approve(h, 'demo-centre', appId, 'centreReview');
    const created = await h.as(OFFICE)({ method: 'POST', url: '/api/sessions', payload: { committeeId: COMMITTEE, campaignYear: 2022, name: '2022年度建设工程专业评审会议', date: '2022-09-20', mode: 'onsite', place: '自治区人社厅五楼会议室', quorum: 5 } });
    expect(created.statusCode, created.body).toBe(201);
    sessionId = created.json()['id'] as string;
    expect((await h.as(OFFICE)({ method: 'PUT', url: `/api/sessions/${sessionId}/agenda`, payload: { applicationIds: [appId] } })).statusCode).toBe(200);
    served = await serveBrowserApp(h);
    ({ browser, base } = served);
  }, 180_000);

  afterAll(async () => {
    await served?.close();
    await h?.close();
  });

  const open = (login: string, path: string): Promise<Page> => openSignedIn(browser, base, login, path, pageErrors, { width: 1440, height: 1000 });

  it('the office draws with 回避 and replaces a member; 纪检监察 sees the record and 复核 says 一致', async () => {
    // 1. the office opens the session's experts and draws 5 + 2 of 建设工程
    const office = await open(OFFICE, `/committee/sessions/${sessionId}`);
    const detail = office.getByTestId('session-detail');
    await detail.waitFor({ timeout: 60_000 });
    await detail.getByRole('tab', { name: '评审专家' }).click();
    const panel = office.getByTestId('draw-panel');
    await panel.waitFor();
    await pickOption(office, panel.getByTestId('draw-specialties'), '建设工程');
    await office.keyboard.press('Escape');
    await panel.getByTestId('draw-members-count').fill('5');
    await panel.getByTestId('draw-reserves-count').fill('2');
    await snap(office, 'draw-form', panel);
    await panel.getByTestId('draw-run').click();
    const excluded = panel.getByTestId('draw-excluded');
    await excluded.waitFor();
    const recused = excluded.locator('tr', { hasText: '王建国' });
    expect(await recused.innerText()).toContain('本人单位回避');
    expect(await recused.innerText()).toContain('与申报人赵设计同一单位（呼和浩特市建筑设计研究院）');
    await snap(office, 'drawn-with-recusal', panel);
    const draw = (await h.platform.store.listRecords<ExpertDraw>({ kind: 'expertDraw', keys: [`session:${sessionId}`], limit: 10 })).items[0]!;
    expect(draw.body.members).toHaveLength(5);
    expect(draw.body.members).not.toContain('exp-seed-01');

    // 2. a member cannot attend: replaced by the first reserve, with the reason
    const members = panel.getByTestId('draw-members');
    const firstName = (await members.locator('tbody tr').first().locator('td').nth(1).innerText()).trim();
    await panel.getByTestId(`replace-${firstName}`).click();
    const dialog = office.getByRole('dialog', { name: `替换评审专家：${firstName}` });
    await typeInInput(dialog.getByTestId('replace-reason'), '因公出差不能参加');
    await snap(office, 'replace-dialog');
    await dialog.getByRole('button', { name: '由下一位备选专家替补' }).click();
    await panel.getByText('替补记录').waitFor();
    expect(await panel.innerText()).toContain('因公出差不能参加');
    await snap(office, 'replaced', panel.getByText('替补记录'));

    // 3. 纪检监察 opens 抽取记录 of the committee, sees the draw and 复核 it
    const jijian = await open('demo-jijian', '/committee/draws');
    const audit = jijian.getByTestId('draws-audit');
    await audit.waitFor({ timeout: 60_000 });
    const committees = (await h.platform.store.getDefinition<CommitteeList>('committees', 'committees', 'latest'))!.body.committees;
    await pickOption(jijian, jijian.getByTestId('committee-picker'), committees.find((c) => c.id === COMMITTEE)!.name);
    const row = audit.locator('tr', { hasText: '2022年度建设工程专业评审会议' }).first();
    await row.waitFor();
    expect(await row.innerText()).toContain('工程系列建设工程专业高评委会办事机构');
    await row.getByTestId(`replay-run-${draw.id}`).click();
    const verdict = audit.getByTestId(`replay-${draw.id}`);
    await verdict.waitFor();
    expect(await verdict.innerText()).toBe('一致');
    await row.locator('.ant-table-row-expand-icon').click();
    await audit.getByTestId('draw-excluded').locator('tr', { hasText: '王建国' }).waitFor();
    const shown = await audit.innerText();
    expect(shown).toContain('本人单位回避');
    for (const hidden of ['1390471', 'expert0', 'exp-seed', COMMITTEE]) expect(shown).not.toContain(hidden);
    await snap(jijian, 'jijian-replay-consistent');
    expect(pageErrors).toEqual([]);
  });
});
