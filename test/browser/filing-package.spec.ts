// Issue 14 item 6 (F6) in Chromium: after a session's results 公示 the committee office opens the 备案 tab, uploads
// the report and the commitment letter, generates the roster and the 公示 record, downloads the roster (read back with
// exceljs: exactly the passed candidate) and submits; the administrator finds it under 待核准的备案 and approves.
// Screenshots: test-output/filing-package/.
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { hashPassword } from '../../server/auth/password.js';
import { PDF } from '../support/applicant-flow.js';
import { describeInBrowser, screenshots, serveBrowserApp, type BrowserApp, openSignedIn } from '../support/browser.js';
import { fireNext, start, view, type Harness } from '../conformance/support.js';
import { CLERK, reviewed, staff, toOfficeCheck } from '../http/filing-support.js';
import { OFFICE, seedPool, sessionExperts } from '../http/sessions-support.js';

describeInBrowser('备案材料 in Chromium: assemble, download the roster, submit, approve', () => {
  let h: Harness;
  let served: BrowserApp | undefined;
  let browser: Browser;
  let base: string;
  const snap = screenshots('filing-package');
  const pageErrors: string[] = [];
  let sid = '';
  let passedName = '';

  beforeAll(async () => {
    const passwordHash = await hashPassword('demo2026', 1024);
    h = await start(
      '2022-06-01T02:00:00.000Z',
      ['ba', 'bb'].map((id) => ({ id, orgId: 'unit-tzq-no1-middle' })),
      [staff('rev-tzq', 'unitReviewer', 'unit-tzq-no1-middle'), staff('dept-tzq-edu', 'competentReviewer', '150121-edu'), { ...staff(CLERK, 'committeeClerk', OFFICE), name: '基层评委会办公室', passwordHash }, ...sessionExperts()],
    );
    await seedPool(h);
    const a = await toOfficeCheck(h, 'ba', '其其格');
    const b = await toOfficeCheck(h, 'bb', '巴雅尔');
    sid = await reviewed(h, '2022-07-20', [{ id: a, pass: true }, { id: b, pass: false }]);
    await fireNext(h, a);
    passedName = (await view(h, 'demo-admin', a))['applicantName'] as string;
    served = await serveBrowserApp(h);
    ({ browser, base } = served);
  }, 180_000);

  afterAll(async () => {
    await served?.close();
    await h?.close();
  });

  const open = (login: string, path: string): Promise<Page> => openSignedIn(browser, base, login, path, pageErrors);

  it('the office assembles and submits the package, the roster downloads and parses, the administrator approves', async () => {
    // 1. the office opens the session's 备案 tab and starts the package
    const office = await open(CLERK, `/committee/sessions/${sid}`);
    const detail = office.getByTestId('session-detail');
    await detail.waitFor({ timeout: 60_000 });
    await detail.getByRole('tab', { name: '备案' }).click();
    await office.getByTestId('filing-create').waitFor();
    await snap(office, 'filing-tab');
    await office.getByTestId('filing-create').click();
    const pkg = office.getByTestId('filing-package');
    await pkg.waitFor();
    expect(await pkg.innerText()).toMatch(/还剩 \d+ 天/);
    await snap(office, 'package-opened');

    // 2. submit too early: refused at each missing item
    await office.getByTestId('filing-submit').click();
    await office.getByTestId('filing-problem').waitFor();
    expect(await pkg.innerText()).toContain('请上传评审工作报告');
    await snap(office, 'submit-refused');

    // 3. uploads and the generated documents
    for (const [key, name] of [['report', '评审工作报告.pdf'], ['commitmentLetter', '承诺书.pdf']] as const) {
      const input = office.getByTestId(`filing-upload-${key}`).locator('xpath=ancestor::*[contains(@class,"ant-upload")][1]').locator('input[type=file]');
      await input.setInputFiles({ name, mimeType: 'application/pdf', buffer: Buffer.concat([PDF, Buffer.from(`% ${key}\n`)]) });
      await pkg.getByRole('link', { name }).waitFor();
    }
    await office.getByTestId('filing-generate').click();
    await office.getByTestId('filing-file-roster').waitFor();
    await snap(office, 'package-assembled');

    // 4. the roster the browser saves lists exactly the passed candidate
    const [download] = await Promise.all([office.waitForEvent('download'), office.getByTestId('filing-file-roster').click()]);
    expect(download.suggestedFilename()).toBe('2022年度第一次评审会议通过人员花名册.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile(await download.path())) as unknown as ArrayBuffer);
    const rows: string[][] = [];
    wb.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
    expect(rows[1]).toEqual(['序号', '评审组', '姓名', '工作单位', '系列', '职称', '同意票', '出席评委']);
    expect(rows.slice(2).map((r) => r[2])).toEqual([passedName]);

    // 5. 提交备案
    await office.getByTestId('filing-submit').click();
    await office.getByTestId('filing-status').getByText('待核准备案').waitFor();
    await snap(office, 'package-submitted');

    // 6. the administrator: 待核准的备案 → the session's 备案 tab → 核准备案
    const admin = await open('demo-admin', '/committee/filings');
    const list = admin.getByTestId('filings-awaiting');
    await list.getByRole('link', { name: '2022年度第一次评审会议' }).waitFor({ timeout: 60_000 });
    await snap(admin, 'admin-awaiting');
    await list.getByRole('link', { name: '2022年度第一次评审会议' }).click();
    const adminDetail = admin.getByTestId('session-detail');
    await adminDetail.waitFor();
    await adminDetail.getByRole('tab', { name: '备案' }).click();
    await admin.getByTestId('filing-approve').click();
    await admin.getByTestId('filing-status').getByText('已备案').waitFor();
    await snap(admin, 'approved');
    expect((await h.as('demo-admin')({ method: 'GET', url: `/api/sessions/${sid}/filing` })).json().package).toMatchObject({ status: 'filed' });
    expect(pageErrors).toEqual([]);
  });
});
