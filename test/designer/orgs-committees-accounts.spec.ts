// In Chromium, as an administrator (issue 11 item 9): an org created under a league in 机构管理, a committee for
// 档案系列 whose jurisdiction is chosen from the org tree in 评委会管理, and a user made an expert of it in
// 账号与角色 — all from lists, no JSON typed. Screenshots: test-output/orgs-committees-accounts/.
import { type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CommitteeList } from '../../server/domain/schema-types.gen.js';
import { collectPageErrors, describeInBrowser, pickOption, screenshots, serveBrowserApp, signIn, typeInInput, type BrowserApp } from '../support/browser.js';
import { startHarness, type Harness } from '../support/harness.js';

/** opens an antd TreeSelect, narrows it by typing, and clicks the tree node */
async function pickTreeNode(page: Page, select: Locator, node: string): Promise<void> {
  await select.click();
  await page.keyboard.type(node);
  await page.locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper', { hasText: node }).first().click();
  await page.keyboard.press('Escape');
}

async function pickDate(page: Page, input: Locator, date: string): Promise<void> {
  await input.click();
  await page.keyboard.type(date);
  await page.keyboard.press('Enter');
}

describeInBrowser('orgs, committees and accounts in the browser (Chromium, served under the CSP)', () => {
  let h: Harness;
  let served: BrowserApp | undefined;
  let browser: Browser;
  let base: string;
  const pageErrors: string[] = [];
  const snap = screenshots('orgs-committees-accounts');

  beforeAll(async () => {
    h = await startHarness();
    // 档案系列 is not seeded: published here as the series the new committee reviews
    const series = await h.platform.definitions.publish('series', 'dangan', 'demo-admin', {
      key: 'dangan',
      name: '档案系列',
      specialties: [{ key: 'dangan', name: '档案' }],
      levels: [{ levelKey: 'fugao', grade: '副高级', title: '副研究馆员' }],
    });
    if (!series.ok) throw new Error(JSON.stringify(series.error));
    served = await serveBrowserApp(h);
    ({ browser, base } = served);
  }, 90_000);

  afterAll(async () => {
    await served?.close();
    await h?.close();
  });

  it('creates an org under a league, a committee for 档案系列 with its jurisdiction from the tree, and makes a user its expert', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    collectPageErrors(page, pageErrors);

    await page.goto(`${base}/#/login?next=${encodeURIComponent('/admin/orgs')}`);
    await signIn(page, 'demo-admin');
    await page.getByTestId('orgs-page').waitFor();

    // 机构管理: pick 呼和浩特市 in the tree, a new unit under it
    await page.getByPlaceholder('按名称查找机构').fill('呼和浩特市');
    await page.getByTestId('org-node-呼和浩特市').click();
    await page.getByTestId('org-new').click();
    const orgForm = page.getByTestId('org-form');
    await typeInInput(orgForm.getByLabel('机构名称'), '呼和浩特市档案馆');
    await typeInInput(orgForm.getByLabel('专业技术岗位总数'), '40');
    await typeInInput(orgForm.getByLabel('副高级岗位数'), '8');
    await snap(page, 'new-org-under-league');
    await page.getByTestId('org-save').click();
    await page.getByText('已新建「呼和浩特市档案馆」').waitFor();
    await page.getByPlaceholder('按名称查找机构').fill('档案馆');
    await page.getByTestId('org-node-呼和浩特市档案馆').waitFor();
    await snap(page, 'org-created-in-tree');
    const archive = (await h.platform.store.listOrgs()).find((o) => o.name === '呼和浩特市档案馆');
    expect(archive).toMatchObject({ kind: 'unit', parentId: '150100', posts: { total: 40, byGrade: { 副高级: 8 } } });

    // 评委会管理: a committee for 档案系列, jurisdiction 呼和浩特市 from the tree, an office from the tree
    await page.goto(`${base}/#/admin/committees`);
    await page.getByTestId('committees-page').waitFor();
    await page.getByTestId('committee-new').click();
    const cf = page.getByTestId('committee-form');
    await typeInInput(cf.getByLabel('评委会名称'), '呼和浩特市档案系列副高级职称评审委员会');
    await pickOption(page, cf.getByTestId('committee-series'), '档案系列');
    await pickOption(page, cf.getByTestId('committee-grade'), '副高级');
    await pickTreeNode(page, cf.getByLabel('管辖盟市（从机构树中选择）'), '呼和浩特市');
    await pickDate(page, cf.getByLabel('备案有效期自'), '2022-01-01');
    await pickDate(page, cf.getByLabel('至'), '2026-12-31');
    await typeInInput(cf.getByLabel('备案文号'), '内人社职备〔2022〕30号');
    await pickTreeNode(page, cf.getByLabel('评委会办事机构'), '自治区工程系列建设工程专业高评委会办事机构');
    await snap(page, 'committee-form');
    await page.getByTestId('committee-save').click();
    await page.getByText('已保存，评委会名单已发布新版本').waitFor();
    await page.getByPlaceholder('按名称查找评委会').fill('档案');
    await page.locator('.ant-table-row', { hasText: '呼和浩特市档案系列副高级职称评审委员会' }).waitFor();
    await snap(page, 'committee-listed');
    const list = (await h.platform.store.getDefinition<CommitteeList>('committees', 'committees', 'latest'))!;
    const committee = list.body.committees.find((c) => c.name === '呼和浩特市档案系列副高级职称评审委员会');
    expect(committee).toMatchObject({ seriesKey: 'dangan', highestGrade: '副高级', scope: { regions: ['150100'] }, filing: { validFrom: '2022-01-01', validTo: '2026-12-31' }, officeOrgId: 'office-gongcheng' });

    // 账号与角色: demo-unit-design becomes an expert of the new committee
    await page.goto(`${base}/#/admin/accounts`);
    await page.getByTestId('accounts-page').waitFor();
    await page.getByTestId('account-search').locator('input').fill('demo-unit-design');
    await page.keyboard.press('Enter');
    await page.getByTestId('roles-demo-unit-design').click();
    const grants = page.getByTestId('role-grants');
    await pickOption(page, grants.getByTestId('grant-role'), '评审专家');
    await pickOption(page, grants.getByTestId('grant-committee'), '呼和浩特市档案系列副高级职称评审委员会', '档案');
    await snap(page, 'grant-expert');
    await grants.getByTestId('grant-submit').click();
    await grants.getByText('呼和浩特市档案系列副高级职称评审委员会').first().waitFor();
    await snap(page, 'expert-granted');
    expect((await h.platform.store.getUser('demo-unit-design'))?.roles).toContainEqual({ role: 'expert', orgId: committee!.id });
    const after = (await h.platform.store.getDefinition<CommitteeList>('committees', 'committees', 'latest'))!;
    expect(after.body.committees.find((c) => c.id === committee!.id)?.experts).toEqual(['demo-unit-design']);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
