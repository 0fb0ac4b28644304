// Issue 14 item 3 in Chromium: the committee office creates a 评审会议 and uploads the implementation plan's five
// files, the administrator approves it from 待批准的实施方案, and the office starts the session — refused while
// attendance is not recorded, then started. Screenshots: test-output/review-session/.
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Expert, ReviewSession } from '../../server/domain/committee-work/types.js';
import { setDrawnMembers } from '../../server/runtime/committees/sessions.js';
import { PDF } from '../support/applicant-flow.js';
import { describeInBrowser, screenshots, serveBrowserApp, typeInInput, type BrowserApp, openSignedIn } from '../support/browser.js';
import { startHarness, type Harness } from '../support/harness.js';

const COMMITTEE = 'cmt-gongcheng-senior';
const EXPERTS = ['高文涛', '白玉兰', '孟繁荣', '韩雪梅', '苏和巴特尔'];
const LABELS = ['备案表', '承诺书', '花名册', '送审表', '拟聘专家名单'];

describeInBrowser('评审会议 in Chromium: plan, approval, start', () => {
  let h: Harness;
  let served: BrowserApp | undefined;
  let browser: Browser;
  let base: string;
  const snap = screenshots('review-session');
  const pageErrors: string[] = [];

  beforeAll(async () => {
    h = await startHarness({ now: '2022-06-01T02:00:00.000Z', users: EXPERTS.map((name, i) => ({ id: `rs-${i + 1}`, name, roles: [{ role: 'expert', orgId: COMMITTEE }] })) });
    for (const [i, name] of EXPERTS.entries()) {
      const body: Expert = { name, userId: `rs-${i + 1}`, specialties: ['jianshe'], title: '正高级工程师', unitName: `建设工程第${i + 1}研究所`, committees: [COMMITTEE], service: [], conflicts: [] };
      expect((await h.platform.store.putRecord({ kind: 'expert', id: `exp-rs-${i + 1}`, version: 1, updatedAt: h.clock.now(), keys: [`committee:${COMMITTEE}`], body }, null, [])).ok).toBe(true);
    }
    served = await serveBrowserApp(h);
    ({ browser, base } = served);
  }, 120_000);

  afterAll(async () => {
    await served?.close();
    await h?.close();
  });

  const open = (login: string, path: string): Promise<Page> => openSignedIn(browser, base, login, path, pageErrors);

  it('office creates a session and files the plan, the administrator approves, the office starts it once attendance is recorded', async () => {
    // 1. the office creates the session
    const office = await open('demo-office-gongcheng', '/committee/sessions');
    await office.getByTestId('sessions-page').waitFor({ timeout: 60_000 });
    await office.getByTestId('session-new').click();
    const dialog = office.getByRole('dialog', { name: '新建评审会议' });
    await typeInInput(dialog.getByLabel('会议名称'), '2022年度建设工程专业评审会议');
    await dialog.getByLabel('会议日期').click();
    await dialog.getByLabel('会议日期').fill('2022-07-15');
    await office.keyboard.press('Enter');
    await typeInInput(dialog.getByLabel('评审地点'), '自治区人社厅五楼会议室');
    await typeInInput(dialog.getByLabel('法定出席人数'), '5');
    await snap(office, 'new-session');
    await dialog.getByRole('button', { name: /新\s*建/ }).click();
    const detail = office.getByTestId('session-detail');
    await detail.waitFor();
    await detail.getByText('2022年度建设工程专业评审会议').first().waitFor();
    expect(await detail.innerText()).toContain('须于 2022-07-08 前报备并获批准');
    await snap(office, 'session-created');

    // 2. the plan's five files, then 提交报备
    await detail.getByRole('tab', { name: '实施方案' }).click();
    for (const [i, key] of ['filingForm', 'commitmentLetter', 'roster', 'reviewForms', 'proposedExperts'].entries()) {
      const input = office.getByTestId(`plan-upload-${key}`).locator('xpath=ancestor::*[contains(@class,"ant-upload")][1]').locator('input[type=file]');
      // files are stored by content: each its own bytes, so each keeps its own name
      await input.setInputFiles({ name: `${LABELS[i]}.pdf`, mimeType: 'application/pdf', buffer: Buffer.concat([PDF, Buffer.from(`% ${key}\n`)]) });
      await detail.getByRole('link', { name: `${LABELS[i]}.pdf` }).waitFor();
    }
    await snap(office, 'plan-uploaded');
    await office.getByTestId('plan-submit').click();
    await detail.getByText('实施方案待批准').first().waitFor();
    await snap(office, 'plan-submitted');
    const sessionId = /sessions\/([^/?#]+)/.exec(office.url())![1]!;

    // 3. the administrator finds it among the plans waiting for approval and approves
    const admin = await open('demo-admin', '/committee/sessions');
    await admin.getByTestId('sessions-page').waitFor({ timeout: 60_000 });
    await admin.getByRole('tab', { name: /待批准的实施方案/ }).click();
    await admin.getByRole('link', { name: '2022年度建设工程专业评审会议' }).click();
    const adminDetail = admin.getByTestId('session-detail');
    await adminDetail.waitFor();
    await adminDetail.getByRole('tab', { name: '实施方案' }).click();
    await snap(admin, 'admin-sees-plan');
    await admin.getByTestId('plan-approve').click();
    await adminDetail.getByText('实施方案已批准').first().waitFor();
    await snap(admin, 'plan-approved');

    // 4. the draw's result (engineer H6's panel makes it in the product) and the office confirms the members
    const drawn = await setDrawnMembers(h.platform, sessionId, EXPERTS.map((_, i) => ({ expertId: `exp-rs-${i + 1}`, role: 'member' as const })), 'test-draw');
    expect(drawn.ok).toBe(true);
    await office.reload();
    await detail.waitFor();
    await detail.getByRole('tab', { name: '评审专家' }).click();
    await detail.getByText('苏和巴特尔').waitFor();
    await office.getByTestId('members-confirm').click();
    await detail.getByText('已确认').first().waitFor();

    // 5. 开始评审 without attendance: refused, in words
    await detail.getByRole('tab', { name: '开始评审' }).click();
    await office.getByTestId('session-start').click();
    const refusal = office.getByTestId('start-problem');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain(`请先登记出席情况：${EXPERTS.join('、')}未登记`);
    await snap(office, 'start-refused');

    // 6. attendance recorded, then started
    await detail.getByRole('tab', { name: '评审专家' }).click();
    for (const name of EXPERTS) await office.getByTestId(`attendance-${name}`).getByText('出席', { exact: true }).click();
    await snap(office, 'attendance-marked');
    await office.getByTestId('attendance-save').click();
    await office.getByText('已登记出席情况').waitFor();
    await detail.getByRole('tab', { name: '开始评审' }).click();
    await office.getByTestId('session-start').click();
    await office.getByTestId('session-started').waitFor();
    expect(await office.getByTestId('session-started').innerText()).toContain('评审已于 2022-06-01 10:00 开始'); // China time
    await snap(office, 'started');
    const stored = await h.platform.store.getRecord<ReviewSession>('reviewSession', sessionId);
    expect(stored?.body.status).toBe('inProgress');
    const shown = await detail.innerText();
    for (const code of ['planApproved', 'inProgress', 'onsite', COMMITTEE, 'exp-rs']) expect(shown).not.toContain(code);
    expect(pageErrors).toEqual([]);
  });
});
