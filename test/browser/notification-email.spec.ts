// Issue 13 "Done when": a notification e-mail received by a real SMTP server with the right deadline. An applicant
// returned with a 5-working-day deadline (Wed 2022-06-01, the Dragon Boat Festival off: the last day is Thu 06-09 in
// Beijing, the due instant 2022-06-09T16:00Z) gets an e-mail through the test's own SMTP server (smtp-server, no
// mock) saying 2022年06月09日; in Chromium the bell counts it and 消息中心 lists it, at 1280 px and on a 390 px phone.
// Screenshots: test-output/notification-email/.
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { type Browser, type Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../server/http/plugins/access.js';
import { createEmailChannel } from '../../server/runtime/notifications/channels/email.js';
import { sweepDeadlines } from '../../server/runtime/notifications/deadline-sweep.js';
import { deliverDue } from '../../server/runtime/notifications/dispatcher.js';
import { prepareApplication } from '../support/applicant-flow.js';
import { collectPageErrors, describeInBrowser, screenshots, serveBrowserApp, type BrowserApp } from '../support/browser.js';
import { ENGINEER_MATERIALS, engineer, engineerForm } from '../support/engineer.js';
import { startHarness, type Harness } from '../support/harness.js';

interface Received {
  to: string[];
  raw: string;
}

/** RFC 2047 encoded words (=?UTF-8?B?…?= / ?Q?) of a header, decoded */
const decodeWords = (s: string): string =>
  s.replace(/\r?\n[ \t]+/g, ' ').replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_m, enc: string, text: string) =>
    enc.toLowerCase() === 'b' ? Buffer.from(text, 'base64').toString('utf8') : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
  );

function subjectOf(raw: string): string {
  const m = /^Subject: (.*(?:\r?\n[ \t].*)*)/im.exec(raw);
  return m ? decodeWords(m[1]!) : '';
}

/** the text/plain part (nodemailer sends it base64 encoded) */
function textOf(raw: string): string {
  const m = /Content-Type: text\/plain[^\r\n]*\r?\nContent-Transfer-Encoding: base64\r?\n\r?\n([A-Za-z0-9+/=\r\n]+)/i.exec(raw);
  return m ? Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64').toString('utf8') : '';
}

describeInBrowser('a return notified by e-mail with its local deadline, and in the message centre (Chromium)', () => {
  let smtp: SMTPServer;
  const inbox: Received[] = [];
  let h: Harness;
  let served: BrowserApp | undefined;
  let browser: Browser;
  let base: string;
  let appId = '';
  const errors: string[] = [];
  const snap = screenshots('notification-email');

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as AddressInfo).port;
    h = await startHarness({
      now: '2022-06-01T02:00:00.000Z', // Wednesday 10:00 in Beijing
      users: [
        { ...engineer('li', '李工'), email: 'li@example.cn' },
        { id: 'unit-rev', name: '赵审核', email: 'zhao@example.cn', roles: [{ role: 'unitReviewer', orgId: 'unit-hhht-design' }] },
      ],
      channels: { email: createEmailChannel({ smtpUrl: `smtp://127.0.0.1:${port}`, from: '职称申报评审平台 <noreply@zhicheng.example>' }) },
    });
    served = await serveBrowserApp(h);
    ({ browser, base } = served);
  }, 120_000);

  afterAll(async () => {
    await served?.close();
    await h?.close();
    await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  });

  it('the e-mail the SMTP server receives states the Beijing deadline and the working days left, once', async () => {
    const li = h.as('li');
    appId = await prepareApplication(li, { campaignId: '2022', levelKey: 'gongcheng.zhongji', form: engineerForm('李工'), materials: ENGINEER_MATERIALS });
    expect((await li({ method: 'POST', url: `/api/applications/${appId}/submit` })).statusCode).toBe(200);
    const task = (await h.as('unit-rev')({ method: 'GET', url: '/api/tasks' })).json().items[0] as { taskId: string };
    const returned = await h.as('unit-rev')({
      method: 'POST',
      url: `/api/tasks/${appId}/${task.taskId}/complete`,
      payload: { payload: { decision: 'return', comment: '请补正', items: [{ message: '工作总结须加盖单位公章' }] } },
    });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json().notice.deadline).toBe('2022-06-09T16:00:00.000Z');

    const report = await deliverDue(h.platform, h.clock.now());
    expect(report.sent).toBe(2); // the reviewer's task (at submit) and the applicant's return
    const mails = inbox.filter((m) => m.to.includes('li@example.cn'));
    expect(mails).toHaveLength(1);
    const subject = subjectOf(mails[0]!.raw);
    const text = textOf(mails[0]!.raw);
    expect(subject).toBe('您的工程师申报被退回补正，请于2022年06月09日前补正');
    expect(text).toContain('请于 2022年06月09日（北京时间）前补正完毕并重新提交，还有 5 个工作日');
    expect(text).toContain('工作总结须加盖单位公章');
    expect(`${subject}\n${text}`).not.toContain('06月10日'); // the UTC due instant, read as a date, would say the 10th
    expect(textOf(inbox.find((m) => m.to.includes('zhao@example.cn'))!.raw)).toContain('李工申报的工程技术人员·工程师已到“单位审核”环节');

    // nothing is sent twice
    expect((await deliverDue(h.platform, h.clock.now())).sent).toBe(0);
    expect(inbox.filter((m) => m.to.includes('li@example.cn'))).toHaveLength(1);
  });

  async function signedIn(viewport: { width: number; height: number }, phone = false): Promise<Page> {
    const id = randomBytes(16).toString('hex');
    await h.platform.store.putSession({ id, userId: 'li', csrfToken: randomBytes(16).toString('hex'), createdAt: h.clock.now(), expiresAt: '2999-01-01T00:00:00.000Z' });
    const context = await browser.newContext({ locale: 'zh-CN', viewport, ...(phone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}) });
    await context.addCookies([{ name: SESSION_COOKIE, value: served!.app.signCookie(id), url: base }]);
    const page = await context.newPage();
    collectPageErrors(page, errors);
    return page;
  }

  it('1280 px: the bell counts the unread message; 消息中心 lists it marked unread; opening it marks it read', async () => {
    const page = await signedIn({ width: 1280, height: 900 });
    await page.goto(`${base}/#/my`);
    const bell = page.getByTestId('notification-bell');
    await expect.poll(() => bell.getAttribute('aria-label'), { timeout: 30_000 }).toBe('消息中心，1 条未读');
    await expect.poll(() => bell.innerText(), { timeout: 10_000 }).toContain('1');
    await snap(page, 'bell-one-unread');

    await bell.click();
    const item = page.getByTestId('message-item').first();
    await item.waitFor();
    expect(await item.getAttribute('data-unread')).toBe('true');
    const shown = await item.innerText();
    expect(shown).toContain('您的工程师申报被退回补正，请于2022年06月09日前补正');
    expect(shown).toContain('还有 5 个工作日');
    expect(shown).toContain('未读');
    expect(shown).not.toMatch(/gongcheng|zhongji|application\.returned/);
    await snap(page, 'message-centre-unread');

    await item.click();
    await page.waitForURL(/#\/my$/);
    await expect.poll(() => bell.getAttribute('aria-label'), { timeout: 30_000 }).toBe('消息中心');
    await page.goto(`${base}/#/messages`);
    await page.getByTestId('message-item').first().waitFor();
    expect(await page.getByTestId('message-item').first().getAttribute('data-unread')).toBe('false');
    expect(await page.getByRole('button', { name: '全部标为已读' }).isDisabled()).toBe(true);
    await snap(page, 'message-centre-read');
    await page.context().close();
  });

  it('390 px phone: the bell fits in the header and the message centre does not scroll sideways', async () => {
    h.clock.set('2022-06-08T02:00:00.000Z'); // one working day before the last day: the sweep adds a reminder
    expect((await sweepDeadlines(h.platform)).added).toBe(1);
    const page = await signedIn({ width: 390, height: 844 }, true);
    await page.goto(`${base}/#/messages`);
    const bell = page.getByTestId('notification-bell');
    await expect.poll(() => bell.getAttribute('aria-label'), { timeout: 30_000 }).toBe('消息中心，1 条未读');
    const box = (await bell.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await page.getByText('补正期限将于2022年06月09日届满').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await snap(page, 'phone-message-centre');
    await page.getByRole('button', { name: '全部标为已读' }).click();
    await expect.poll(() => bell.getAttribute('aria-label'), { timeout: 30_000 }).toBe('消息中心');
    await snap(page, 'phone-all-read');
    await page.context().close();
    expect(errors).toEqual([]);
  });
});
