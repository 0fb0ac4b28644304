// Notification delivery against real parts: an SMTP server (smtp-server) on a free port receives the e-mail, a
// node:http receiver plays the SMS provider (fails twice, then accepts), the fake clock moves across the backoff.
// Runs on SQLite, or on FerretDB with MONGODB_URL.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationInput } from '../../server/domain/notifications/types.js';
import { createEmailChannel, messageIdOf } from '../../server/runtime/notifications/channels/email.js';
import { createSmsWebhookChannel, SIGNATURE_HEADER, signBody } from '../../server/runtime/notifications/channels/sms-webhook.js';
import { deliverDue } from '../../server/runtime/notifications/dispatcher.js';
import { startHarness, type Harness } from '../support/harness.js';

const SECRET = 'sms-test-secret';
const T0 = '2026-11-02T01:00:00.000Z';
const LEASE_MS = 2 * 60_000;

interface Mail {
  raw: string;
  to: string[];
}

/** the value of one header of a raw message, RFC 2047 encoded words decoded */
function header(raw: string, name: string): string {
  const head = raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ');
  const line = head.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  const value = line?.slice(name.length + 1).trim() ?? '';
  return value.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_, enc: string, text: string) =>
    enc.toLowerCase() === 'b' ? Buffer.from(text, 'base64').toString('utf8') : decodeQ(text),
  );
}

const decodeQ = (s: string): string => Buffer.from(s.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');

/** the decoded base64 parts of a message, by content type */
function parts(raw: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of raw.matchAll(/Content-Type: (text\/(?:plain|html))[^\r\n]*\r?\nContent-Transfer-Encoding: base64\r?\n\r?\n([A-Za-z0-9+/=\r\n]+)/g)) {
    out.set(m[1]!, Buffer.from(m[2]!.replace(/\s+/g, ''), 'base64').toString('utf8'));
  }
  return out;
}

describe('notification delivery by e-mail (SMTP) and SMS (webhook)', () => {
  const mails: Mail[] = [];
  const smsCalls: { body: string; signature: string; answered: number }[] = [];
  let smtp: SMTPServer;
  let sms: Server;
  let smtpPort = 0;
  let smsUrl = '';
  let h: Harness | undefined;

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, done) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          mails.push({ raw: Buffer.concat(chunks).toString('utf8'), to: session.envelope.rcptTo.map((r) => r.address) });
          done();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    smtpPort = (smtp.server.address() as AddressInfo).port;
    // the SMS provider: the first two requests fail, then it accepts
    sms = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const answered = smsCalls.length < 2 ? 502 : 200;
        smsCalls.push({ body: Buffer.concat(chunks).toString('utf8'), signature: String(req.headers[SIGNATURE_HEADER]), answered });
        res.writeHead(answered, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: answered === 200 }));
      });
    });
    await new Promise<void>((resolve) => sms.listen(0, '127.0.0.1', resolve));
    smsUrl = `http://127.0.0.1:${(sms.address() as AddressInfo).port}/sms`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    await new Promise<void>((resolve) => sms.close(() => resolve()));
  });

  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  const note = (id: string, userId: string, channels: NotificationInput['channels']): NotificationInput => ({
    id,
    userId,
    event: 'application.returned',
    applicationId: 'app-1',
    title: '您的职称申报被退回补正',
    body: '单位审核退回补正：请补充继续教育学时证明。\n请在 5 个工作日内补正后重新提交。',
    link: '/portal',
    createdAt: T0,
    channels,
  });

  it('sends the e-mail once, the SMS exactly once after two failures across the backoff, and a user without e-mail gets a dead row', async () => {
    const channels = {
      email: createEmailChannel({ smtpUrl: `smtp://127.0.0.1:${smtpPort}`, from: '职称申报评审平台 <noreply@example.cn>' }),
      sms: createSmsWebhookChannel({ url: smsUrl, secret: SECRET }),
    };
    h = await startHarness({
      now: T0,
      seeds: false,
      channels,
      users: [
        { id: 'u-zhang', name: '张三', email: 'zhang@example.cn', phone: '13800000001' },
        { id: 'u-li', name: '李四', phone: '13800000002' },
        { id: 'u-admin', name: '管理员', roles: [{ role: 'admin', orgId: 'nm-hrss' }] },
      ],
    });
    const p = h.platform;
    expect(await p.store.addNotifications([note('n-zhang', 'u-zhang', ['email', 'sms']), note('n-li', 'u-li', ['email'])])).toBe(2);

    // first round: the e-mail goes out, the SMS provider fails, 李四 has no e-mail address
    expect(await deliverDue(p, h.clock.now())).toEqual({ sent: 1, retrying: 1, dead: 1 });
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.to).toEqual(['zhang@example.cn']);
    expect(header(mail.raw, 'Subject')).toBe('您的职称申报被退回补正');
    expect(header(mail.raw, 'Message-ID')).toBe(messageIdOf('n-zhang:email'));
    const body = parts(mail.raw);
    expect(body.get('text/plain')).toContain('张三：');
    expect(body.get('text/plain')).toContain('请补充继续教育学时证明');
    expect(body.get('text/html')).toContain('<p>请在 5 个工作日内补正后重新提交。</p>');
    expect(smsCalls).toHaveLength(1);
    const dead = await p.store.listDeliveries({ status: 'dead' });
    expect(dead.items).toEqual([expect.objectContaining({ id: 'n-li:email', lastError: '收件人未登记电子邮箱' })]);

    // nothing is due again before the first backoff (1 min) has passed
    expect(await deliverDue(p, h.clock.now())).toEqual({ sent: 0, retrying: 0, dead: 0 });
    h.clock.advanceMs(60_000);
    expect(await deliverDue(p, h.clock.now())).toEqual({ sent: 0, retrying: 1, dead: 0 });
    expect(smsCalls).toHaveLength(2);
    // the second backoff is 5 min
    h.clock.advanceMs(4 * 60_000);
    expect(await deliverDue(p, h.clock.now())).toEqual({ sent: 0, retrying: 0, dead: 0 });
    h.clock.advanceMs(60_000);
    expect(await deliverDue(p, h.clock.now())).toEqual({ sent: 1, retrying: 0, dead: 0 });
    expect(smsCalls.map((c) => c.answered)).toEqual([502, 502, 200]);
    const accepted = smsCalls[2]!;
    expect(accepted.signature).toBe(signBody(SECRET, accepted.body));
    expect(JSON.parse(accepted.body)).toEqual({ to: '13800000001', id: 'n-zhang:sms', text: expect.stringContaining('您的职称申报被退回补正') });

    // sent is final: much later, nothing goes out again
    h.clock.advanceMs(7 * 3_600_000);
    expect(await deliverDue(p, h.clock.now())).toEqual({ sent: 0, retrying: 0, dead: 0 });
    expect(mails).toHaveLength(1);
    expect(smsCalls).toHaveLength(3);
    const sent = await p.store.listDeliveries({ status: 'sent' });
    expect(sent.items.map((d) => [d.id, d.attempts])).toEqual(
      expect.arrayContaining([
        ['n-zhang:email', 1],
        ['n-zhang:sms', 3],
      ]),
    );

    // the administrator sees the dead row in Chinese and, once 李四 has an e-mail address, sends it again
    const list = await h.as('u-admin')({ method: 'GET', url: '/api/admin/deliveries?status=dead' });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ total: 1, items: [{ id: 'n-li:email', channelName: '电子邮件', statusName: '发送失败', lastError: '收件人未登记电子邮箱' }] });
    const li = (await p.store.getUser('u-li'))!;
    expect((await p.store.updateUser({ ...li, email: 'li@example.cn', version: li.version + 1 }, li.version, [])).ok).toBe(true);
    const auditBefore = await p.store.auditCount();
    const retry = await h.as('u-admin')({ method: 'POST', url: `/api/admin/deliveries/${encodeURIComponent('n-li:email')}/retry` });
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toMatchObject({ status: 'pending', statusName: '待发送' });
    expect(await p.store.auditCount()).toBe(auditBefore + 1);
    expect((await p.store.listAudit(auditBefore + 1, 1))[0]).toMatchObject({ actor: 'u-admin', action: 'delivery.retry', target: { type: 'delivery', id: 'n-li:email' } });
    expect(await deliverDue(p, h.clock.now())).toEqual({ sent: 1, retrying: 0, dead: 0 });
    expect(mails.map((m) => m.to)).toEqual([['zhang@example.cn'], ['li@example.cn']]);

    // a sent delivery cannot be retried; an unknown one is not found; both in the one error shape
    const again = await h.as('u-admin')({ method: 'POST', url: `/api/admin/deliveries/${encodeURIComponent('n-li:email')}/retry` });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'delivery.already_sent', message: '该消息已送达，不能重发', details: [] });
    expect((await h.as('u-admin')({ method: 'POST', url: '/api/admin/deliveries/nope/retry' })).statusCode).toBe(404);
    // the queue is for administrators only
    expect((await h.as('u-zhang')({ method: 'GET', url: '/api/admin/deliveries' })).statusCode).toBe(403);
    channels.email.close?.();
  });

  it('sends again after a dispatcher stopped between sending and recording, with the same Message-ID', async () => {
    const email = createEmailChannel({ smtpUrl: `smtp://127.0.0.1:${smtpPort}`, from: '职称申报评审平台 <noreply@example.cn>' });
    h = await startHarness({ now: T0, seeds: false, channels: { email }, users: [{ id: 'u-zhang', name: '张三', email: 'zhang@example.cn' }] });
    const p = h.platform;
    await p.store.addNotifications([note('n-crash', 'u-zhang', ['email'])]);
    const before = mails.length;
    // a dispatcher claims the delivery, sends it, and dies before recording the outcome
    const [claimed] = await p.store.claimDueDeliveries(h.clock.now(), 'crashed', new Date(Date.parse(T0) + LEASE_MS).toISOString(), 10);
    expect(await email.send({ deliveryId: claimed!.delivery.id, to: 'zhang@example.cn', recipientName: '张三', title: claimed!.notification.title, body: claimed!.notification.body })).toEqual({ ok: true });
    // while its lease lasts nobody sends it; after the lease the next dispatcher does, as the same message
    expect(await deliverDue(p, h.clock.now())).toEqual({ sent: 0, retrying: 0, dead: 0 });
    h.clock.advanceMs(LEASE_MS + 1);
    expect(await deliverDue(p, h.clock.now())).toEqual({ sent: 1, retrying: 0, dead: 0 });
    const twice = mails.slice(before);
    expect(twice.map((m) => header(m.raw, 'Message-ID'))).toEqual([messageIdOf('n-crash:email'), messageIdOf('n-crash:email')]);
    expect(await p.store.getDelivery('n-crash:email')).toMatchObject({ status: 'sent', attempts: 2 });
    email.close?.();
  });

  it('marks e-mail dead with 未配置邮件服务器 when no SMTP server is configured, and gives up after the last backoff', async () => {
    // an SMS provider that never answers 2xx: a port nobody listens on
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    h = await startHarness({
      now: T0,
      seeds: false,
      channels: { sms: createSmsWebhookChannel({ url: deadUrl, secret: SECRET }) },
      users: [{ id: 'u-zhang', name: '张三', email: 'zhang@example.cn', phone: '13800000001' }],
    });
    const p = h.platform;
    await p.store.addNotifications([note('n-1', 'u-zhang', ['email', 'sms'])]);
    expect(await deliverDue(p, h.clock.now())).toEqual({ sent: 0, retrying: 1, dead: 1 });
    expect(await p.store.getDelivery('n-1:email')).toMatchObject({ status: 'dead', lastError: '未配置邮件服务器' });
    // 1 min, 5 min, 30 min, 2 h, 6 h: then the sixth failure is final
    for (const [i, wait] of [1, 5, 30, 120, 360].entries()) {
      h.clock.advanceMs(wait * 60_000 - 1);
      expect(await deliverDue(p, h.clock.now())).toEqual({ sent: 0, retrying: 0, dead: 0 });
      h.clock.advanceMs(1);
      expect(await deliverDue(p, h.clock.now())).toEqual(i < 4 ? { sent: 0, retrying: 1, dead: 0 } : { sent: 0, retrying: 0, dead: 1 });
    }
    const sms = await p.store.getDelivery('n-1:sms');
    expect(sms).toMatchObject({ status: 'dead', attempts: 6 });
    expect(sms?.lastError).toMatch(/^已尝试 6 次仍未送达：短信服务无法连接/);
  });
});
