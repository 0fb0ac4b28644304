// Words, not codes, on the screens of issues 14 and 15 (committee work, certificates, data exchange): walks them in
// Chromium as the people who use them — the committee office of the 呼和浩特 teachers' committee, an expert with a
// scoring sheet, 纪检监察 (demo-jijian), the administrator, the certificate's holder and an anonymous visitor — and
// fails on any definition key, record id or status code, any English UI string (the checks of words-walk.spec.ts,
// test/support/words-check.ts), and on any input whose placeholder or label asks for an id, a key, JSON or FEEL.
// Screenshots: test-output/committee-words-walk/ (git-ignored).
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/config.js';
import { SESSION_COOKIE } from '../../server/http/plugins/access.js';
import { certificateKeyRing } from '../../server/runtime/certificates/key-ring.js';
import { pushDue } from '../../server/runtime/exchange/dispatcher.js';
import { parseExchangeEndpoints } from '../../server/runtime/exchange/endpoints.js';
import { applicants, fireNext } from '../conformance/support.js';
import { CLERK as JICENG_CLERK, reviewed, staff, submittedFiling, toOfficeCheck } from '../http/filing-support.js';
import { OFFICE as JICENG_OFFICE, seedPool, sessionExperts } from '../http/sessions-support.js';
import { CLERK, COMMITTEE, EXPERTS, NAMES, runningSession, seedScoringPool, toScoring } from '../http/scoring-support.js';
import { collectPageErrors, describeInBrowser, pickOption, screenshots, typeInInput, type BrowserApp } from '../support/browser.js';
import { certifiedZhang } from '../support/certified.js';
import { startHarness, type Harness } from '../support/harness.js';
import { ASKS_FOR_CODE, ENGLISH, inputPrompts, internalKeys, serveBuildCopy, token, type Finding } from '../support/words-check.js';

const readJson = (file: string): unknown => JSON.parse(readFileSync(join(REPO_ROOT, 'seeds', file), 'utf8'));

/** the keys of the committee work beyond the definitions': seeded committee, office, org, expert and account ids, and the record codes */
function committeeKeys(): Map<string, string> {
  const keys = internalKeys();
  const add = (key: unknown, from: string) => {
    if (typeof key === 'string' && /^[A-Za-z][\w.-]*$/.test(key) && !keys.has(key)) keys.set(key, from);
  };
  const committees = (readJson('committees.json') as { committees: { id: string; officeOrgId?: string; groups?: { kind: string }[] }[] }).committees;
  for (const c of committees) {
    add(c.id, '评委会 id');
    add(c.officeOrgId, '办事机构 id');
    for (const g of c.groups ?? []) add(g.kind, '评审组代码');
  }
  for (const e of (readJson('experts.json') as { experts: { id: string }[] }).experts) add(e.id, '专家 id');
  for (const o of readJson('orgs.json') as { id: string }[]) add(o.id, '机构 id');
  for (const u of readJson('users.json') as { id: string }[]) add(u.id, '账号 id');
  for (const s of ['planning', 'planSubmitted', 'planApproved', 'inProgress', 'closed', 'chair', 'member', 'reserve', 'present', 'absent', 'onsite', 'online', 'pending', 'sent', 'failed', 'dead', 'retrying', 'filed', 'returned', 'draft'])
    add(s, '记录状态代码');
  for (const e of ['certificate.issued', 'certificate.revoked', 'filing.filed', 'region']) add(e, '数据交换代码');
  return keys;
}

describeInBrowser('words, not codes, on the committee, certificate and exchange screens (Chromium)', () => {
  let h: Harness;
  let served: BrowserApp | undefined;
  let browser: Browser;
  let base: string;
  let sid = '';
  let drawSid = '';
  let filingSid = '';
  let teacherApp = '';
  let certApp = '';
  let number = '';
  let link = '';
  const findings: Finding[] = [];
  const asks: string[] = [];
  /** every input's words seen, so an input check that read nothing fails too */
  const prompts: string[] = [];
  const pageErrors: string[] = [];
  const snap = screenshots('committee-words-walk');
  const keys = committeeKeys();
  const runtimeIds = new Map<string, string>();
  const checks = () => [...[...keys, ...runtimeIds].map(([k, why]) => ({ k, why, re: token(k) })), ...ENGLISH.map((k) => ({ k, why: '英文界面文字', re: token(k) }))];

  function check(page: string, text: string): void {
    for (const c of checks()) {
      const m = c.re.exec(text);
      if (!m) continue;
      findings.push({ page, found: c.k, why: c.why, context: text.slice(Math.max(0, m.index - 30), m.index + c.k.length + 30).replace(/\s+/g, ' ') });
    }
  }

  async function checkInputs(name: string, page: Page): Promise<void> {
    for (const p of await inputPrompts(page)) {
      prompts.push(p);
      if (ASKS_FOR_CODE.test(p)) asks.push(`${name}: ${p}`);
    }
  }

  async function signedIn(userId: string | null): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    if (userId) {
      const id = randomBytes(16).toString('hex');
      await h.platform.store.putSession({ id, userId, csrfToken: randomBytes(16).toString('hex'), createdAt: h.clock.now(), expiresAt: '2999-01-01T00:00:00.000Z' });
      await context.addCookies([{ name: SESSION_COOKIE, value: served!.app.signCookie(id), url: base }]);
    }
    const page = await context.newPage();
    collectPageErrors(page, pageErrors);
    return { context, page };
  }

  async function settle(page: Page): Promise<void> {
    await page.waitForLoadState('networkidle');
    await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached', timeout: 30_000 }).catch(() => undefined);
    await page.waitForLoadState('networkidle');
  }

  /** opens the address, reads what it shows and what its inputs ask for, then each tab of it in turn */
  async function visit(page: Page, name: string, address: string, mustShow?: string, then?: (page: Page) => Promise<void>): Promise<void> {
    const errorsBefore = pageErrors.length;
    await walk(page, name, address, mustShow, then).finally(() => {
      for (let i = errorsBefore; i < pageErrors.length; i++) pageErrors[i] = `${name}: ${pageErrors[i]}`;
    });
  }

  async function walk(page: Page, name: string, address: string, mustShow?: string, then?: (page: Page) => Promise<void>): Promise<void> {
    await page.goto('about:blank');
    await page.goto(`${base}/${address}`);
    if (mustShow) await page.getByText(mustShow).first().waitFor({ timeout: 60_000 });
    await settle(page);
    if (then) {
      await then(page);
      await settle(page);
    }
    check(name, await page.locator('body').innerText());
    await checkInputs(name, page);
    await snap(page, name.replace(/[^\p{L}\p{N}-]+/gu, '-'));
    // a dialog or drawer left open is what this visit reads: the tabs behind it are walked by another visit
    const dialogOpen = (await page.locator('.ant-modal-wrap:visible, .ant-drawer-open').count()) > 0;
    const tabs = page.locator('.ant-tabs-tab:visible');
    const count = dialogOpen ? 0 : await tabs.count();
    for (let i = 1; i < count; i++) {
      const tab = tabs.nth(i);
      const label = (await tab.innerText()).trim();
      await tab.click();
      await settle(page);
      check(`${name} › ${label}`, await page.locator('body').innerText());
      await checkInputs(`${name} › ${label}`, page);
      await snap(page, `${name}-${label}`.replace(/[^\p{L}\p{N}-]+/gu, '-'));
    }
  }

  beforeAll(async () => {
    const filingStaff = [staff('rev-tzq', 'unitReviewer', 'unit-tzq-no1-middle'), staff('dept-tzq-edu', 'competentReviewer', '150121-edu'), { ...staff(JICENG_CLERK, 'committeeClerk', JICENG_OFFICE), name: '基层评委会办公室' }, ...sessionExperts()];
    const scoringExperts = NAMES.map((name, i) => ({ id: EXPERTS[i]!, name, roles: [{ role: 'expert' as const, orgId: COMMITTEE }] }));
    const users = applicants([{ id: 'teacher-a', orgId: 'unit-hhht-no2-middle' }, { id: 'ba', orgId: 'unit-tzq-no1-middle' }], [...scoringExperts, ...filingStaff]).map((u) => (u.id === 'teacher-a' ? { ...u, name: '萨仁高娃' } : u.id === 'ba' ? { ...u, name: '其其格' } : u));
    h = await startHarness({ now: '2022-05-21T02:00:00.000Z', users });
    // a region platform that refuses nothing because nothing listens there: the certificate's push fails and is listed
    h.platform.exchangeEndpoints = parseExchangeEndpoints({ EXCHANGE_ENDPOINTS: JSON.stringify([{ id: 'region', name: '自治区人社一体化平台', url: 'http://127.0.0.1:9/in', events: ['certificate.issued', 'certificate.revoked'] }]) });
    // three applications submitted one after another, each flow's 公示 timers moving the clock on: all before the
    // 2022 campaign's 申报 closes on 06-30, so the walk starts as the campaign's 申报 opens
    await seedPool(h);
    const passed = await toOfficeCheck(h, 'ba', '其其格');
    certApp = await certifiedZhang(h);
    number = (await h.platform.store.getApplication(certApp))!.certificate!.number;
    await pushDue({ ...h.platform, signingKey: () => certificateKeyRing().current }, h.clock.now());
    const view = await h.as('demo-zhang')({ method: 'GET', url: `/api/applications/${certApp}/certificate-view` });
    expect(view.statusCode, view.body).toBe(200);
    link = (view.json().verifyLink as string).replace(/^.*#\//, '#/');
    // the teachers' committee: a running session with a scoring sheet, and a second session whose experts are drawn
    await seedScoringPool(h);
    teacherApp = await toScoring(h, 'teacher-a');
    sid = await runningSession(h, [teacherApp]);
    const second = await h.as(CLERK)({ method: 'POST', url: '/api/sessions', payload: { committeeId: COMMITTEE, campaignYear: 2022, name: '2022年度中小学教师高级职称第二次评审会议', date: '2022-09-20', mode: 'online', quorum: 3 } });
    expect(second.statusCode, second.body).toBe(201);
    drawSid = second.json().id as string;
    const draw = await h.as(CLERK)({ method: 'POST', url: `/api/sessions/${drawSid}/draws`, payload: { specialties: [], members: 3, reserves: 1 } });
    expect(draw.statusCode, draw.body).toBeLessThan(300);
    // the 基层 teachers' committee: a session voted, its results 公示 over and its filing package awaiting approval
    filingSid = await reviewed(h, '2022-07-20', [{ id: passed, pass: true }]);
    await fireNext(h, passed);
    await submittedFiling(h, filingSid);
    for (const [id, why] of [[filingSid, '会议 id'], [passed, '申报 id'], ['teacher-a', '账号 id'], ['ba', '账号 id'], [sid, '会议 id'], [drawSid, '会议 id'], [teacherApp, '申报 id'], [certApp, '申报 id'], [draw.json().draw.id as string, '抽取 id'], ...EXPERTS.map((e) => [e, '专家账号 id']), ...EXPERTS.map((_, i) => [`exp-sc-${i + 1}`, '专家 id']), ...[1, 2, 3, 4, 5, 6, 7].flatMap((n) => [[`sx-${n}`, '专家账号 id'], [`exp-sx-${n}`, '专家 id']])] as [string, string][]) runtimeIds.set(id, why);
    served = await serveBuildCopy(h);
    ({ browser, base } = served);
  }, 300_000);

  afterAll(async () => {
    await served?.close();
    await h?.close();
  });

  it('the checker knows the committee keys and the code-asking inputs', () => {
    for (const k of ['cmt-150100-teacher', 'office-150100-jiceng', 'grassroots', 'inProgress', 'demo-jijian', 'exp-seed-01']) expect(keys.has(k), k).toBe(true);
    expect(ASKS_FOR_CODE.test('专家 ID')).toBe(true);
    expect(ASKS_FOR_CODE.test('申报编号')).toBe(true);
    expect(ASKS_FOR_CODE.test('条件（FEEL 表达式）')).toBe(true);
    expect(ASKS_FOR_CODE.test('请粘贴 JSON')).toBe(true);
    expect(ASKS_FOR_CODE.test('电子证书上的证书编号 | 证书编号')).toBe(false);
    expect(ASKS_FOR_CODE.test('按姓名或工作单位查找 | 身份证号')).toBe(false);
  });

  it('the committee office demo-office-teacher: 专家库 (and a new expert), 评审会议, each tab of a running and a drawn session, 抽取记录', async () => {
    const { context, page } = await signedIn(CLERK);
    await visit(page, '专家库', '#/committee/experts', '专家库');
    // the new expert's form, and what it says when saved empty
    await visit(page, '专家库-新增专家', '#/committee/experts', '新增专家', async (p) => {
      await p.getByTestId('expert-new').click();
      await p.locator('.ant-drawer-open').first().waitFor({ timeout: 10_000 });
      await p.getByTestId('expert-save').click();
      await p.locator('.ant-drawer-open .ant-form-item-explain-error').first().waitFor({ timeout: 10_000 });
    });
    await visit(page, '专家库-专家详情', '#/committee/experts', '高志远', async (p) => {
      await p.getByText('高志远').first().click();
      await p.locator('.ant-drawer-open').first().waitFor({ timeout: 10_000 });
      // 登记回避 with nothing picked: asked at the fields
      await p.getByTestId('conflict-add').click();
      await p.locator('.ant-drawer-open .ant-form-item-explain-error').first().waitFor({ timeout: 10_000 });
    });
    await visit(page, '评审会议', '#/committee/sessions', '评审会议');
    // the new session's form, and what it says when sent empty
    await visit(page, '评审会议-新建', '#/committee/sessions', '新建评审会议', async (p) => {
      await p.getByTestId('session-new').click();
      const modal = p.locator('.ant-modal:visible').first();
      await modal.waitFor({ timeout: 10_000 });
      await modal.locator('.ant-btn-primary').click();
      await modal.locator('.ant-form-item-explain-error').first().waitFor({ timeout: 10_000 });
    });
    await visit(page, '评审会议（进行中）', `#/committee/sessions/${sid}`, '基本信息');
    await visit(page, '评审会议（已抽取专家）', `#/committee/sessions/${drawSid}`, '基本信息');
    // 替换 a drawn member: the reason asked for, and what it says when confirmed without one
    await visit(page, '评审会议-替换评委', `#/committee/sessions/${drawSid}`, '基本信息', async (p) => {
      await p.getByRole('tab', { name: '评审专家' }).click();
      await p.getByText('替换').first().click();
      const modal = p.locator('.ant-modal:visible').first();
      await modal.waitFor({ timeout: 10_000 });
      await modal.locator('.ant-btn-primary').click();
      await modal.locator('.ant-form-item-explain-error').first().waitFor({ timeout: 10_000 });
    });
    await visit(page, '抽取记录（办事机构）', '#/committee/draws', '抽取记录');
    await context.close();
  });

  it('the 基层 committee office: a voted session with its results and its submitted 备案', async () => {
    const { context, page } = await signedIn(JICENG_CLERK);
    await visit(page, '评审会议（已表决）', `#/committee/sessions/${filingSid}`, '基本信息');
    await context.close();
  });

  it('an expert with a scoring sheet: 我的评分', async () => {
    const { context, page } = await signedIn(EXPERTS[0]!);
    await visit(page, '我的评分', '#/committee/scoring', '萨仁高娃');
    await context.close();
  });

  it('纪检监察 demo-jijian: 评审会议 and 抽取记录', async () => {
    const { context, page } = await signedIn('demo-jijian');
    await visit(page, '评审会议（纪检）', '#/committee/sessions');
    await visit(page, '抽取记录（纪检）', '#/committee/draws', '抽取记录', async (p) => {
      await pickOption(p, p.getByTestId('committee-picker'), '呼和浩特市中小学教师高级职称评审委员会', '呼和浩特市中小学教师');
      // the records list the drawn members by name
      await p.getByText('第二次评审会议').first().waitFor({ timeout: 30_000 });
    });
    await context.close();
  });

  it('the administrator demo-admin: 待核准的备案, a session, 数据交换', async () => {
    const { context, page } = await signedIn('demo-admin');
    await visit(page, '待核准的备案', '#/committee/filings', '待核准的备案');
    await visit(page, '评审会议（管理员）', `#/committee/sessions/${sid}`, '基本信息');
    await visit(page, '评审会议（待核准备案）', `#/committee/sessions/${filingSid}`, '基本信息');
    await visit(page, '数据交换', '#/admin/exchange', '数据交换');
    await context.close();
  });

  it('the holder demo-zhang: 我的申报 and the printable certificate', async () => {
    const { context, page } = await signedIn('demo-zhang');
    await visit(page, '我的申报（已发证）', '#/my', '已发证');
    await visit(page, '电子证书', `#/certificate/${certApp}`, '专业技术职务任职资格证书');
    await context.close();
  });

  it('an anonymous visitor: 证书核验 by number, by the QR link, offline', async () => {
    const { context, page } = await signedIn(null);
    await visit(page, '证书核验', '#/verify', '证书编号');
    await visit(page, '证书核验-按编号', '#/verify', '证书编号', async (p) => {
      await typeInInput(p.getByTestId('verify-number'), number);
      await typeInInput(p.getByTestId('verify-name'), '张建设');
      await p.getByTestId('verify-submit').click();
      await p.getByTestId('verify-verdict').waitFor({ timeout: 30_000 });
    });
    await visit(page, '证书核验-扫码', link, undefined, async (p) => {
      await p.getByTestId('verify-verdict').waitFor({ timeout: 30_000 });
    });
    await visit(page, '证书核验-离线', '#/verify/offline');
    await context.close();
  });

  it('shows no internal key, no English UI string, and asks no one to type a code', () => {
    const byPage = new Map<string, Finding[]>();
    for (const f of findings) byPage.set(f.page, [...(byPage.get(f.page) ?? []), f]);
    const report = [...byPage].map(([p, fs]) => `【${p}】\n${fs.map((f) => `  ${f.found}（${f.why}）：…${f.context}…`).join('\n')}`).join('\n');
    if (report) console.log(`界面上的代码或英文（${findings.length} 处）：\n${report}`);
    if (asks.length) console.log(`要人输入代码的输入框（${asks.length} 处）：\n${asks.join('\n')}`);
    expect(pageErrors, pageErrors.join('\n')).toEqual([]);
    expect(findings.map((f) => `${f.page}: ${f.found}`)).toEqual([]);
    expect(prompts.length).toBeGreaterThan(10);
    expect(asks).toEqual([]);
  });
});
