// SMS through a provider's HTTP webhook: POST JSON {to, text, id} signed with HMAC-SHA256 of the exact body
// (header X-Signature: sha256=<hex>). A 2xx answer means sent; anything else (or no answer) is retried.
import { createHmac } from 'node:crypto';
import type { Channel, OutgoingMessage, SendResult } from './channel.js';

export interface SmsWebhookSettings {
  url: string;
  secret: string;
  timeoutMs?: number;
}

export const SIGNATURE_HEADER = 'x-signature';

export const signBody = (secret: string, body: string): string => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

export const smsText = (m: OutgoingMessage): string => `【职称评审】${m.title}：${m.body}`;

export function createSmsWebhookChannel(s: SmsWebhookSettings): Channel {
  return {
    async send(m: OutgoingMessage): Promise<SendResult> {
      const body = JSON.stringify({ to: m.to, text: smsText(m), id: m.deliveryId });
      try {
        const res = await fetch(s.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json; charset=utf-8', [SIGNATURE_HEADER]: signBody(s.secret, body) },
          body,
          signal: AbortSignal.timeout(s.timeoutMs ?? 20_000),
        });
        await res.arrayBuffer().catch(() => undefined); // free the connection
        return res.ok ? { ok: true } : { ok: false, error: `短信服务返回 ${res.status}` };
      } catch (e) {
        return { ok: false, error: `短信服务无法连接：${e instanceof Error ? e.message : String(e)}` };
      }
    },
  };
}
