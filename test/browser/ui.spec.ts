// End to end in Chromium: the built browser app (designer/dist) served by the real server under its CSP.
// Expects `npm run build:designer` to have run; skips with a message when designer/dist is missing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/config.js';
import { duringApplyPhase } from '../support/apply-phase.js';
import { describeInBrowser, serveBrowserApp, type BrowserApp } from '../support/browser.js';
import { startHarness, type Harness } from '../support/harness.js';


const APPLICANT = { name: '张工程', idNumber: '11010519491231002X', phone: '13800000001', password: 'Zc-passw0rd!' };
const APPLICANT2 = { name: '李四', idNumber: '110105198001010016', phone: '13900000009', password: 'Zc-passw0rd!', orgId: 'unit-hhht-design' };
const REVIEWER = { name: '赵审核', idNumber: '150102199002020032', phone: '13800000003', password: 'Zc-passw0rd!' };
const ADMIN = { name: '王管理', idNumber: '110105198001010016', phone: '13800000002', password: 'Zc-passw0rd!' };


describeInBrowser('browser app (Chromium, served under the CSP)', () => {
  let h: Harness;
  let served: BrowserApp | undefined;
  let browser: Browser;
  let base: string;
  const cspErrors: string[] = [];
  const consoleErrors: string[] = [];

  function watch(page: Page): Page {
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      const text = m.text();
      consoleErrors.push(text);
      if (/Content.Security.Policy|unsafe-eval|Refused to/i.test(text)) cspErrors.push(text);
    });
    page.on('pageerror', (e) => {
      consoleErrors.push(`pageerror: ${e.message}`);
      if (/Content.Security.Policy|unsafe-eval|EvalError/i.test(e.message)) cspErrors.push(e.message);
    });
    return page;
  }

  async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 900 } });
    return { context, page: watch(await context.newPage()) };
  }

  async function loginThroughUi(page: Page, login: string, password: string, next = '/') {
    await page.goto(`${base}/#/login?next=${encodeURIComponent(next)}`);
    const form = page.locator('form#login');
    await form.getByLabel('账号（注册时填写的手机号或邮箱）').fill(login);
    await form.getByLabel('密码', { exact: true }).fill(password);
    await form.getByRole('button', { name: /登\s*录/ }).click();
  }

  beforeAll(async () => {
    h = await startHarness({ now: duringApplyPhase() });
    served = await serveBrowserApp(h);
    ({ browser, base } = served);
  }, 60_000);

  afterAll(async () => {
    await served?.close();
    await h?.close();
  });

  it('serves the app under a strict CSP', async () => {
    const res = await fetch(`${base}/`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
  });

  it('portal home renders Chinese text and the series list', async () => {
    const { context, page } = await newPage();
    await page.goto(`${base}/`);
    await expect(page.getByRole('heading', { name: '职称申报' }).waitFor()).resolves.toBeUndefined();
    const series = page.getByTestId('series-list');
    await series.getByText('工程技术人员').waitFor();
    await page.getByTestId('campaign-name').waitFor();
    expect(await page.getByRole('button', { name: /申报中级（工程师）/ }).count()).toBe(1);
    await page.screenshot({ path: '/tmp/zc-portal.png', fullPage: true });
    await context.close();
  }, 60_000);

  it('registers, signs in, checks eligibility and saves a generated form draft', async () => {
    const { context, page } = await newPage();
    await page.goto(`${base}/#/login?tab=register`);
    const reg = page.locator('form#register');
    await reg.getByLabel('姓名').fill(APPLICANT.name);
    await reg.getByLabel('身份证号').fill(APPLICANT.idNumber);
    await reg.getByLabel('手机号或邮箱（作为登录账号）').fill(APPLICANT.phone);
    // the unit comes from the public list of units: type to search, take the first match
    const unit = reg.getByLabel('工作单位（非公有制人员可选人才服务机构）');
    await unit.click();
    await unit.fill('设计');
    await page.locator('.ant-select-item-option').first().click();
    await reg.getByLabel('密码', { exact: true }).fill(APPLICANT.password);
    await reg.getByLabel('确认密码').fill(APPLICANT.password);
    await page.screenshot({ path: '/tmp/zc-register.png' });
    await reg.getByRole('button', { name: /注\s*册/ }).click();
    await page.getByText('注册成功，请登录').waitFor();
    // the login tab comes back with the account filled in
    const loginForm = page.locator('form#login');
    expect(await loginForm.getByLabel('账号（注册时填写的手机号或邮箱）').inputValue()).toBe(APPLICANT.phone);
    await loginForm.getByLabel('密码', { exact: true }).fill(APPLICANT.password);
    await loginForm.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByTestId('user-menu').getByText(APPLICANT.name).waitFor();

    // 申报 → 资格自测 with the generated (RJSF) form
    await page.getByRole('button', { name: /申报中级（工程师）/ }).click();
    await page.getByText('资格自测：我能否申报、按哪种途径申报？').waitFor();
    await page.getByLabel('姓名').first().fill(APPLICANT.name);
    await page.getByTestId('eligibility-check').click();
    const result = page.getByTestId('eligibility-result');
    await result.getByText('正常申报').waitFor();
    await page.screenshot({ path: '/tmp/zc-eligibility.png', fullPage: true });

    await page.getByTestId('create-application').click();
    await page.locator('[data-testid="save-draft"], .ant-alert-error').first().waitFor();
    if (await page.locator('.ant-alert-error').count()) throw new Error(`创建申报失败：${await page.locator('.ant-alert-error').first().innerText()}`);
    await page.getByTestId('save-draft').click();
    await page.getByText(/草稿已保存/).waitFor();

    // 提交 lists every problem at once, each field problem with its Chinese field name
    await page.locator('.ant-steps-item').filter({ hasText: /^5?提交$/ }).click();
    await page.getByTestId('submit').click();
    const problems = page.getByTestId('submit-problems');
    await problems.waitFor();
    expect(await problems.locator('li').count()).toBeGreaterThan(1);
    await problems.getByText('性别：必填').waitFor();
    await page.screenshot({ path: '/tmp/zc-submit.png', fullPage: true });
    // …and back on the form they sit under their fields (RJSF extraErrors from the JSON pointers)
    await problems.getByText('性别：必填').click();
    await page.locator('.ant-form-item-explain-error').first().waitFor();
    await page.screenshot({ path: '/tmp/zc-apply-form.png', fullPage: true });
    await context.close();
  }, 90_000);

  it('the designer opens unit-review in bpmn-js with the 职称扩展 group', async () => {
    await staff(ADMIN, [{ role: 'admin', orgId: 'nm-hrss' }, { role: 'unitReviewer', orgId: 'nm-hrss' }]);
    const { context, page } = await newPage();
    await loginThroughUi(page, ADMIN.phone, ADMIN.password, '/designer');
    await page.getByRole('tab', { name: '评审流程' }).waitFor();
    await page.getByRole('link', { name: '单位审核与主管部门审核（示例）' }).first().click();
    // a flow kept as steps opens in 简易模式; the modeler is one tab away
    await page.getByRole('tab', { name: 'BPMN 高级' }).click();
    await page.locator('.djs-container').waitFor();
    await page.locator('.bjs-powered-by').waitFor(); // the bpmn.io watermark stays visible
    await page.locator('[data-element-id="unitReview"]').first().click();
    const panel = page.getByTestId('properties-panel');
    await panel.getByText('职称扩展').waitFor(); // open from the start
    const role = panel.locator('select[name="zc-role"]');
    await role.waitFor();
    expect(await role.inputValue()).toBe('unitReviewer');
    expect(await panel.locator('select[name="zc-scope"]').inputValue()).toBe('unit');
    await page.screenshot({ path: '/tmp/zc-designer.png' });

    // edit through the zc group, check: every problem is listed with its element, and a click selects it
    await role.selectOption('');
    await page.locator('[data-element-id="endRejected"]').first().click();
    await page.getByTestId('check').click();
    const problemList = page.getByTestId('problem-list');
    await problemList.waitFor();
    await problemList.locator('.ant-list-item', { hasText: '“单位审核”' }).first().click(); // by name, not by id
    await page.locator('.djs-element.selected[data-element-id="unitReview"]').waitFor();
    await page.screenshot({ path: '/tmp/zc-designer-problems.png' });

    await page.goto(`${base}/#/workbench`);
    await page.getByRole('tab', { name: /待办/ }).waitFor();
    await page.screenshot({ path: '/tmp/zc-workbench.png' });

    await page.goto(`${base}/#/designer/level/gongcheng.zhongji`);
    const builder = page.getByTestId('form-builder');
    await builder.waitFor();
    await page.getByText('实时预览').waitFor();
    await builder.getByTestId('field-education').waitFor();

    // 可视化编辑: a required 多行文本 field 备注 at the top level shows in the preview, and the check passes
    await builder.getByTestId('add-field').click();
    const fieldPanel = builder.getByTestId('field-panel');
    await fieldPanel.getByLabel('字段标识').fill('remark');
    await fieldPanel.getByLabel('字段标识').press('Enter');
    await builder.getByTestId('field-remark').waitFor();
    await fieldPanel.getByLabel('标题').fill('备注');
    await fieldPanel.getByLabel('类型').click();
    await page.locator('.ant-select-item-option', { hasText: '多行文本' }).click();
    await fieldPanel.getByRole('checkbox', { name: '必填', exact: true }).check();
    await builder.getByTestId('field-remark').getByTitle('必填').waitFor();
    const preview = page.getByTestId('form-preview');
    await preview.locator('textarea#root_remark').waitFor();
    const remarkLabel = preview.locator('label[for="root_remark"]', { hasText: '备注' });
    await remarkLabel.scrollIntoViewIfNeeded();
    expect(await remarkLabel.getAttribute('class')).toContain('required');
    await page.screenshot({ path: '/tmp/zc-form-builder.png' });
    await page.getByTestId('check').click();
    await page.getByText('校验通过，可以发布').waitFor();
    await page.getByText('没有发现问题').waitFor();
    expect(await page.getByTestId('problem-list').count()).toBe(0);

    // the JSON view holds the same form
    await page.getByRole('tab', { name: 'JSON' }).click();
    const schemaJson = JSON.parse(await page.getByTestId('form-schema-json').inputValue()) as { properties: Record<string, unknown>; required: string[] };
    expect(schemaJson.properties.remark).toEqual({ title: '备注', type: 'string' });
    expect(schemaJson.required).toContain('remark');
    expect(JSON.parse(await page.getByTestId('ui-schema-json').inputValue()).remark).toEqual({ 'ui:widget': 'textarea' });
    await page.screenshot({ path: '/tmp/zc-form-editor.png' });
    await context.close();
  }, 90_000);

  /** a registered account given extra roles directly in the store (staff accounts are not self-registered) */
  async function staff(who: { name: string; idNumber: string; phone: string; password: string }, roles: { role: 'admin' | 'unitReviewer'; orgId: string }[]) {
    const reg = await h.anon({ method: 'POST', url: '/api/auth/register', payload: { name: who.name, idNumber: who.idNumber, phone: who.phone, password: who.password } });
    expect(reg.statusCode).toBe(201);
    const u = await h.platform.store.getUser((reg.json() as { user: { id: string } }).user.id);
    const res = await h.platform.store.updateUser({ ...u!, version: u!.version + 1, roles: [...u!.roles, ...roles] }, u!.version, []);
    expect(res.ok).toBe(true);
    return u!.id;
  }

  it('a reviewer works a submitted application; the applicant sees it on the flow diagram', async () => {
    // the application is prepared through the API: the UI steps for it are covered above
    const reg = await h.anon({ method: 'POST', url: '/api/auth/register', payload: APPLICANT2 });
    expect(reg.statusCode).toBe(201);
    const as = h.as((reg.json() as { user: { id: string } }).user.id);
    const campaignId = (await h.anon({ method: 'GET', url: '/api/campaigns' })).json().items[0].key as string;
    const created = (await as({ method: 'POST', url: '/api/applications', payload: { campaignId, levelKey: 'gongcheng.zhongji' } })).json() as { id: string; version: number };
    const form = {
      name: APPLICANT2.name, gender: '男', idNumber: APPLICANT2.idNumber, birthDate: '1980-01-01', specialty: 'jianshe',
      education: { degree: '本科', school: '内蒙古工业大学', major: '土木工程', graduationDate: '2005-07-01', fullTime: true },
      currentTitle: { grade: '助理级', name: '助理工程师', since: '2012-01-01' },
      workHistory: [{ from: '2005-07-01', unit: '呼和浩特市建筑设计院', post: '结构设计' }],
    };
    expect((await as({ method: 'PUT', url: `/api/applications/${created.id}/form`, payload: { form, version: created.version } })).statusCode).toBe(200);
    const level = (await h.anon({ method: 'GET', url: '/api/levels/gongcheng.zhongji' })).json() as { materials: { id: string; required: boolean }[] };
    for (const m of level.materials.filter((x) => x.required)) {
      const b = 'zcboundary';
      const payload = Buffer.concat([
        Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="${m.id}.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n%%EOF\n\r\n--${b}--\r\n`),
      ]);
      const up = await as({ method: 'POST', url: `/api/applications/${created.id}/materials/${m.id}`, payload, headers: { 'content-type': `multipart/form-data; boundary=${b}` } });
      expect(up.statusCode).toBe(200);
    }
    expect((await as({ method: 'POST', url: `/api/applications/${created.id}/pledge`, payload: { accepted: true } })).statusCode).toBe(200);
    const sub = await as({ method: 'POST', url: `/api/applications/${created.id}/submit`, payload: {}, headers: { 'idempotency-key': 'ui-spec-1' } });
    expect(sub.statusCode, sub.body).toBe(200);

    await staff(REVIEWER, [{ role: 'unitReviewer', orgId: APPLICANT2.orgId }]);
    const { context, page } = await newPage();
    await loginThroughUi(page, REVIEWER.phone, REVIEWER.password, '/workbench');
    await page.getByRole('tab', { name: /待办/ }).waitFor();
    const row = page.locator('tr', { hasText: APPLICANT2.name });
    await row.getByRole('link', { name: '办理' }).click();
    // the application laid out like the printed 评审表 (read-only), and the decision form
    await page.getByTestId('task-detail').getByText('内蒙古工业大学').first().waitFor();
    await page.getByText('审核意见', { exact: true }).first().waitFor();
    await page.getByRole('radio', { name: '退回补正' }).check();
    await page.getByText('需补正事项（一次性告知）').waitFor();
    await page.screenshot({ path: '/tmp/zc-task.png', fullPage: true });
    await page.getByRole('radio', { name: '同意', exact: true }).check();
    await page.getByLabel('审核意见').fill('同意推荐'); // 审批意见必填 at the seeded 单位审核
    await page.getByTestId('complete-task').click();
    await page.getByText('已办理').waitFor();
    await context.close();

    const applicant = await newPage();
    await loginThroughUi(applicant.page, APPLICANT2.phone, APPLICANT2.password, `/apply/${created.id}?step=progress`);
    await applicant.page.locator('.djs-container').waitFor();
    await applicant.page.locator('.zc-done').first().waitFor();
    await applicant.page.locator('.bjs-powered-by').waitFor();
    await applicant.page.getByRole('link', { name: '评审表' }).waitFor();
    await applicant.page.screenshot({ path: '/tmp/zc-progress.png', fullPage: true });
    await applicant.context.close();
  }, 90_000);

  it('logs no CSP violations, and eval really is blocked (why forms validate on the server)', async () => {
    expect(cspErrors).toEqual([]);
    const { context, page } = await newPage();
    await page.goto(`${base}/`);
    await page.getByTestId('series-list').waitFor();
    // what ajv's `new Function` would meet: a string compiled as script by the page itself is refused
    const verdict = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          document.addEventListener('securitypolicyviolation', (e) => resolve(`blocked: ${e.effectiveDirective} ${e.blockedURI}`), { once: true });
          (window.setTimeout as (code: string, ms: number) => number)('document.title = "eval ran"', 0);
          window.setTimeout(() => resolve(document.title === 'eval ran' ? 'allowed' : 'no verdict'), 2000);
        }),
    );
    expect(verdict).toMatch(/^blocked: script-src/);
    await context.close();
  }, 30_000);
});
