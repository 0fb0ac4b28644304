// E-mail over SMTP (nodemailer): plain text and simple HTML in Chinese. The Message-ID is derived from the delivery
// id, so a message sent again after a crash (sent, but not yet recorded as sent) is recognisable as the same one.
import nodemailer from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool/index.js';
import type { Channel, OutgoingMessage, SendResult } from './channel.js';

export interface EmailSettings {
  /** smtp://user:pass@host:port, smtps:// for TLS */
  smtpUrl: string;
  from: string;
  /** bounds every SMTP step so a hung server does not outlive the delivery's lease */
  timeoutMs?: number;
}

export const messageIdOf = (deliveryId: string): string => `<${Buffer.from(deliveryId).toString('base64url')}@notifications.zhicheng>`;

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function emailText(m: OutgoingMessage): { text: string; html: string } {
  const greeting = `${m.recipientName}：`;
  const footer = '请登录职称申报评审平台查看详情。此邮件由系统自动发送，请勿回复。';
  const text = `${greeting}\n\n${m.body}\n\n${footer}\n`;
  const paragraphs = m.body.split(/\n+/).map((p) => `<p>${escapeHtml(p)}</p>`).join('');
  const html = `<!doctype html><html lang="zh-CN"><body><p>${escapeHtml(greeting)}</p>${paragraphs}<p style="color:#888">${escapeHtml(footer)}</p></body></html>`;
  return { text, html };
}

export function createEmailChannel(s: EmailSettings): Channel {
  const timeout = s.timeoutMs ?? 20_000;
  // pooled: one connection carries a batch instead of a handshake per message
  const options: SMTPPool.Options = { url: s.smtpUrl, pool: true, maxConnections: 2, connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout };
  const transport = nodemailer.createTransport(options);
  return {
    async send(m: OutgoingMessage): Promise<SendResult> {
      try {
        const { text, html } = emailText(m);
        const info = await transport.sendMail({ from: s.from, to: m.to, subject: m.title, text, html, messageId: messageIdOf(m.deliveryId), textEncoding: 'base64' });
        if (info.rejected.length > 0) return { ok: false, error: `邮件服务器拒收收件人 ${m.to}` };
        return { ok: true };
      } catch (e) {
        return { ok: false, error: `邮件发送失败：${e instanceof Error ? e.message : String(e)}` };
      }
    },
    close: () => transport.close(),
  };
}
