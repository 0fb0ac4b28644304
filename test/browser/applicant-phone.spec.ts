// Issue 13 "Done when", the applicant on a 390×844 phone (Chromium): demo-zhang signs in, walks the portal, fills and
// submits an application — a submit problem clicked opens its step scrolled to the field or material — a unit
// reviewer returns it through the API with a 5-working-day deadline, the applicant sees 去补正 with the Beijing last
// day and the working days left, opens it, finds the named field marked, corrects it and resubmits. No page is wider
// than the phone (document scrollWidth ≤ 390 on every page). Screenshots: test-output/applicant-phone/.
import { type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Application } from '../../server/domain/schema-types.gen.js';
import { seniorForm } from '../conformance/support.js';
import { PDF } from '../support/applicant-flow.js';
import { duringApplyPhase } from '../support/apply-phase.js';
import { collectPageErrors, describeInBrowser, screenshots, serveBrowserApp, signIn, typeInInput, type BrowserApp } from '../support/browser.js';
import { startHarness, type Harness } from '../support/harness.js';

const PHONE = { width: 390, height: 844 };
const YEAR = duringApplyPhase().slice(0, 4);

describeInBrowser('applicant on a 390 px phone: submit, a return, 去补正, resubmit (Chromium)', () => {
  let h: Harness;
  let served: BrowserApp | undefined;
  let browser: Browser;
  let base: string;
  const snap = screenshots('applicant-phone');
  const errors: string[] = [];

  beforeAll(async () => {
    h = await startHarness({ now: duringApplyPhase() });
    served = await serveBrowserApp(h);
    ({ browser, base } = served);
  }, 90_000);

  afterAll(async () => {
    await served?.close();
    await h?.close();
  });

  /** nothing on the page is wider than the phone */
  async function fitsPhone(page: Page, where: string): Promise<void> {
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    // on failure, name the elements that stick out (innermost first)
    const wide = width <= PHONE.width ? [] : await page.evaluate((limit) => [...document.querySelectorAll<HTMLElement>('body *')].filter((el) => el.getBoundingClientRect().right > limit + 0.5 && ![...el.children].some((c) => c.getBoundingClientRect().right > limit + 0.5)).slice(0, 5).map((el) => `${el.tagName}.${el.className} ${Math.round(el.getBoundingClientRect().right)}`), PHONE.width);
    expect(width, `${where}: document.documentElement.scrollWidth; sticking out: ${wide.join(' | ')}`).toBeLessThanOrEqual(PHONE.width);
  }

  /** the element lies within the visible screen */
  async function inView(page: Page, el: Locator): Promise<void> {
    await expect.poll(async () => {
      const box = await el.boundingBox();
      return box !== null && box.y >= 0 && box.y + Math.min(box.height, 40) <= PHONE.height;
    }).toBe(true);
  }

  /** the progress step after a submit, or the problems that refused it */
  async function submitted(page: Page): Promise<void> {
    const outcome = page.locator('[data-testid="progress-view"], [data-testid="submit-problems"]').first();
    await outcome.waitFor();
    if (await page.getByTestId('submit-problems').count()) throw new Error(`提交未成功：${await page.getByTestId('submit-problems').innerText()}`);
  }

  /** a step of the phone's one-row step bar, by its short title */
  const stepTo = (page: Page, title: string) => page.locator('.ant-steps-item').filter({ has: page.locator('.ant-steps-item-title', { hasText: new RegExp(`^${title}$`) }) }).click();

  it('signs in, submits after following the problems, is returned, corrects and resubmits', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    const page = await context.newPage();
    collectPageErrors(page, errors);

    // sign in, the portal home, the menu in its drawer
    await page.goto(`${base}/#/login?next=${encodeURIComponent('/')}`);
    await fitsPhone(page, '登录');
    await snap(page, 'login');
    await signIn(page, 'demo-zhang');
    await page.getByTestId('series-list').waitFor();
    await page.getByTestId('user-menu').waitFor();
    await fitsPhone(page, '首页');
    await snap(page, 'home');
    await page.getByTestId('menu-drawer-button').click();
    const drawer = page.getByTestId('menu-drawer');
    await drawer.getByText('我的申报').waitFor();
    // the drawer has slid in from the left edge
    await expect.poll(async () => (await page.locator('.ant-drawer-content-wrapper').boundingBox())?.x).toBe(0);
    expect(await drawer.innerText()).toContain('申报');
    await snap(page, 'menu-drawer');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    // 资格自测 and a new draft
    await page.goto(`${base}/#/new?campaign=${YEAR}&level=gongcheng.fugao`);
    await page.getByTestId('create-application').waitFor();
    await fitsPhone(page, '资格自测');
    await snap(page, 'new');
    await page.getByTestId('create-application').click();
    await page.waitForURL(/#\/apply\/[^?]+\?step=form/);
    const appId = /#\/apply\/([^?]+)/.exec(page.url())![1]!;

    // the form: a field typed on the phone, saved
    const ethnicity = page.locator('#root_ethnicity');
    await ethnicity.waitFor();
    await typeInInput(ethnicity, '蒙古族');
    await page.getByTestId('save-draft').click();
    await page.getByText('草稿已保存').first().waitFor();
    await fitsPhone(page, '填写申报表');
    await snap(page, 'form');

    // submit: the problems of the chosen path only, each a link to its place
    await stepTo(page, '提交');
    await page.getByTestId('submit').click();
    const problems = page.getByTestId('submit-problems');
    await problems.waitFor();
    const text = await problems.innerText();
    expect(text).not.toMatch(/form\.|破格|转系列/);
    expect(text.match(/继续教育审验卡/g)?.length).toBe(1);
    await fitsPhone(page, '提交（问题清单）');
    await snap(page, 'submit-problems', problems);
    // a form problem: the form step opens scrolled to the field, the cursor in it
    await problems.getByTestId('problem-link').filter({ hasText: '出生日期' }).click();
    const birth = page.locator('#root_birthDate');
    await inView(page, birth);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('root_birthDate');
    await snap(page, 'problem-scrolled-to-field');
    // a material problem: the materials step opens at the item
    await stepTo(page, '提交');
    await page.getByTestId('submit').click();
    await problems.getByTestId('problem-link').filter({ hasText: '缺少材料：继续教育审验卡' }).click();
    const ceCard = page.locator('#material-ce-card');
    await inView(page, ceCard);
    expect(await ceCard.innerText()).toContain('必传'); // conditional in the level, required for this public-sector unit
    await fitsPhone(page, '上传材料');
    await snap(page, 'problem-scrolled-to-material');

    // the rest of the form as a complete 评审表 (typing 30 fields on a phone proves nothing more), then the materials
    // each uploaded on the phone, the pledge signed, and submit
    const zhang = h.as('demo-zhang');
    const current = (await zhang({ method: 'GET', url: `/api/applications/${appId}` })).json() as Application & { materialsRequired: string[] };
    const saved = await zhang({ method: 'PUT', url: `/api/applications/${appId}/form`, payload: { form: seniorForm({ name: '张建设', ethnicity: '蒙古族' }), version: current.version } });
    expect(saved.statusCode, saved.body).toBe(200);
    await page.goto(`${base}/#/apply/${appId}?step=materials`);
    for (const item of current.materialsRequired) {
      const row = page.locator(`#material-${item}`);
      await row.locator('input[type=file]').setInputFiles({ name: `${item}.pdf`, mimeType: 'application/pdf', buffer: PDF });
      await row.getByText('已上传 1 个').waitFor();
    }
    await snap(page, 'materials-uploaded');
    await stepTo(page, '承诺');
    await page.getByText('我已阅读并同意以上承诺').click();
    await typeInInput(page.getByPlaceholder('请输入本人姓名签署'), '张建设');
    await page.getByRole('button', { name: /签\s*署/ }).click();
    await page.getByTestId('submit').waitFor();
    await page.getByTestId('submit').click();
    await submitted(page);
    await fitsPhone(page, '审核进度');
    await snap(page, 'submitted-progress');

    // the unit reviewer returns it through the API: a field and a material named, 5 working days to correct
    const tasks = (await h.as('demo-unit-design')({ method: 'GET', url: '/api/tasks?limit=200' })).json().items as { applicationId: string; taskId: string }[];
    const task = tasks.find((t) => t.applicationId === appId)!;
    const returned = await h.as('demo-unit-design')({
      method: 'POST',
      url: `/api/tasks/${appId}/${task.taskId}/complete`,
      payload: { payload: { decision: 'return', comment: '请按一次性告知补正', items: [{ pointer: '/education/school', message: '毕业院校与学历证书不一致' }, { pointer: '/materials/summary', message: '工作总结须加盖单位公章' }] } },
    });
    expect(returned.statusCode, returned.body).toBe(200);

    // 我的申报: 去补正, the last day in Beijing and the working days left (returned Wed 05-20: 05-21 … 05-27)
    await page.goto(`${base}/#/my`);
    const card = page.getByTestId('my-application').first();
    await card.getByText('去补正').waitFor();
    expect(await card.innerText()).toContain('已退回补正');
    expect(await card.innerText()).toContain('请在 5月27日（含）前补正，还剩 5 个工作日');
    await fitsPhone(page, '我的申报');
    await snap(page, 'my-applications-returned');

    // 去补正: the notice on top, the named field marked with the reviewer's note, the link scrolls to it
    await card.getByText('去补正').click();
    const notice = page.getByTestId('return-notice');
    await notice.waitFor();
    expect(await notice.innerText()).toContain('5月27日');
    const school = page.locator('#root_education_school');
    const item = school.locator(`xpath=ancestor::*[contains(concat(' ', normalize-space(@class), ' '), ' ant-form-item ')][1]`);
    await expect.poll(() => item.getAttribute('class')).toContain('ant-form-item-has-error');
    expect(await item.innerText()).toContain('毕业院校与学历证书不一致');
    await fitsPhone(page, '去补正');
    await snap(page, 'correction-notice');
    await notice.getByTestId('notice-link').first().click();
    await inView(page, school);
    await snap(page, 'correction-field-marked');
    await typeInInput(school, '内蒙古大学');
    await page.getByTestId('save-draft').click();
    await page.getByText('草稿已保存').first().waitFor();
    // the material the notice names: marked on the materials step, with the note and a fresh upload
    await notice.getByTestId('notice-link').filter({ hasText: '专业技术工作总结' }).click();
    const summary = page.locator('#material-summary');
    await inView(page, summary);
    expect(await summary.innerText()).toContain('退回补正：工作总结须加盖单位公章');
    await fitsPhone(page, '去补正（材料）');
    await snap(page, 'correction-material-marked');
    await stepTo(page, '提交');
    await page.getByTestId('submit').click();
    await submitted(page);
    const after = (await zhang({ method: 'GET', url: `/api/applications/${appId}` })).json() as Application;
    expect(after.status).toBe('submitted');
    expect(after.form['education']).toMatchObject({ school: '内蒙古大学' });

    await page.goto(`${base}/#/my`);
    const resubmitted = page.getByTestId('my-application').first();
    await resubmitted.getByText('审核中').waitFor();
    expect(await resubmitted.innerText()).toContain('下一步：');
    await fitsPhone(page, '我的申报（已重新提交）');
    await snap(page, 'my-applications-resubmitted');
    await context.close();
    expect(errors).toEqual([]);
  });
});
