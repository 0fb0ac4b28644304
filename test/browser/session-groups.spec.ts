// Issue 14 items 4 and 6 (D6) in Chromium: the committee office opens a voted session's 分组 tab, sees the split
// proposed from the applicants' units (all in 基层组: a banner school), moves one candidate to 普通组 by name and
// saves; the 结果 tab shows one table per group with 同意/出席, 通过/未通过 and the group's pass rate against its cap,
// and 下载结果名单 gives that group's list. Screenshots: test-output/session-groups/.
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { hashPassword } from '../../server/auth/password.js';
import type { ReviewSession } from '../../server/domain/committee-work/types.js';
import { applicants, type Harness } from '../conformance/support.js';
import { CLERK, reviewed, staff, toOfficeCheck } from '../http/filing-support.js';
import { OFFICE, seedPool, sessionExperts } from '../http/sessions-support.js';
import { describeInBrowser, screenshots, serveBrowserApp, type BrowserApp, openSignedIn } from '../support/browser.js';
import { startHarness } from '../support/harness.js';

const PEOPLE = [
  { id: 'ga', name: '巴图', pass: true },
  { id: 'gb', name: '其木格', pass: false },
  { id: 'gc', name: '乌云', pass: true },
];

describeInBrowser('分组评审 in Chromium: move a candidate between groups, per-group results', () => {
  let h: Harness;
  let served: BrowserApp | undefined;
  let browser: Browser;
  let base: string;
  const snap = screenshots('session-groups');
  const pageErrors: string[] = [];
  let sid = '';

  beforeAll(async () => {
    const passwordHash = await hashPassword('demo2026', 1024);
    const users = applicants(
      PEOPLE.map((p) => ({ id: p.id, orgId: 'unit-tzq-no1-middle' })),
      [staff('rev-tzq', 'unitReviewer', 'unit-tzq-no1-middle'), staff('dept-tzq-edu', 'competentReviewer', '150121-edu'), { ...staff(CLERK, 'committeeClerk', OFFICE), name: '基层评委会办公室', passwordHash }, ...sessionExperts()],
    ).map((u) => ({ ...u, name: PEOPLE.find((p) => p.id === u.id)?.name ?? u.name }));
    h = await startHarness({ now: '2022-06-01T02:00:00.000Z', users });
    await seedPool(h);
    const apps: { id: string; pass: boolean }[] = [];
    for (const p of PEOPLE) {
      h.clock.set('2022-06-01T02:00:00.000Z'); // the flow's timers moved the clock on; 申报 closes on 2022-06-30
      apps.push({ id: await toOfficeCheck(h, p.id, p.name), pass: p.pass });
    }
    sid = await reviewed(h, '2022-07-20', apps);
    served = await serveBrowserApp(h);
    ({ browser, base } = served);
  }, 180_000);

  afterAll(async () => {
    await served?.close();
    await h?.close();
  });

  const open = (login: string, path: string): Promise<Page> => openSignedIn(browser, base, login, path, pageErrors);

  it('the office moves 乌云 to 普通组, saves, and reads the results per group with each cap', async () => {
    // 1. the proposal: everyone from a banner school is in 基层组
    const office = await open(CLERK, `/committee/sessions/${sid}`);
    const detail = office.getByTestId('session-detail');
    await detail.waitFor({ timeout: 60_000 });
    await detail.getByRole('tab', { name: '分组' }).click();
    const grassroots = office.getByTestId('group-grassroots');
    await grassroots.getByText('乌云').waitFor();
    expect(await grassroots.innerText()).toContain('3 人');
    await snap(office, 'groups-proposed');

    // 2. 乌云 moved to 普通组 (picked by name), then saved
    await office.getByTestId('move-乌云').click();
    await office.locator('.ant-select-dropdown:visible').getByTitle('普通组').click();
    await office.getByTestId('group-regular').getByText('乌云').waitFor();
    await snap(office, 'candidate-moved', office.getByTestId('group-regular'));
    await office.getByTestId('groups-save').click();
    await office.getByText('已保存分组').waitFor();
    const stored = await h.platform.store.getRecord<ReviewSession>('reviewSession', sid);
    expect(stored?.body.groups.map((g) => [g.kind, g.applicationIds.length])).toEqual([['grassroots', 2], ['nonPublic', 0], ['specialised', 0], ['regular', 1]]);
    await snap(office, 'groups-saved');

    // 3. the results per group
    await detail.getByRole('tab', { name: '结果' }).click();
    const results = office.getByTestId('session-results');
    await results.waitFor();
    await office.getByTestId('summary-grassroots').waitFor();
    expect(await office.getByTestId('summary-grassroots').innerText()).toBe('基层组通过 1 人，通过率 50%，未超过本组上限 60%');
    expect(await office.getByTestId('summary-regular').innerText()).toBe('普通组通过 1 人，通过率 100%，超过本组上限 50%');
    const g = await office.getByTestId('results-grassroots').innerText();
    expect(g).toContain('巴图');
    expect(g).toContain('其木格');
    expect(g).not.toContain('乌云');
    expect(g).toMatch(/4 \/ 5[\s\S]*通过/);
    expect(await office.getByTestId('results-regular').innerText()).toContain('乌云');
    await snap(office, 'results');

    // 4. 普通组's result list as Excel
    const download = office.waitForEvent('download');
    await office.getByTestId('results-regular').getByRole('button', { name: /下载结果名单/ }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('2022年度第一次评审会议 普通组评审结果名单.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await readFile((await file.path())!)) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('普通组')!;
    const row = (sheet.getRow(3).values as unknown[]).slice(1);
    expect([row[1], ...row.slice(-3)]).toEqual(['乌云', 4, 5, '通过']);
    expect(sheet.rowCount).toBe(3);

    const shown = await detail.innerText();
    for (const code of ['grassroots', 'regular', 'grp-', 'passed', 'sx-1', 'exp-sx']) expect(shown).not.toContain(code);
    expect(pageErrors).toEqual([]);
  });
});
