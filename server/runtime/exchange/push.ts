// One POST of an outbox record to its receiving platform: the exact body bytes signed with the current certificate
// key (X-ZC-Signature, Ed25519, base64url; X-ZC-Key-Id names the key in the published JWKS), the certificate number
// and revision as the Idempotency-Key so a receiver keeps one record however often a retry reaches it.
import { sign } from 'node:crypto';
import type { SigningKey } from '../../domain/certificates/signature.js';
import type { ExchangeEndpoint, ExchangePayload } from './types.js';

export type PushResult =
  | { kind: 'sent'; receiptId?: string }
  /** the receiver refused the record itself: trying again would get the same answer */
  | { kind: 'refused'; error: string }
  | { kind: 'failed'; error: string };

export const PUSH_TIMEOUT_MS = 20_000;

export const idempotencyKey = (p: Pick<ExchangePayload, 'number' | 'revision'>): string => `${p.number}@r${p.revision}`;

/** what the receiver said, as far as it is short text: its JSON `message`, else nothing */
function answerOf(text: string): { id?: string; message?: string } {
  try {
    const j: unknown = JSON.parse(text);
    if (typeof j !== 'object' || j === null) return {};
    const o = j as Record<string, unknown>;
    const id = typeof o['id'] === 'string' ? o['id'] : typeof o['receiptId'] === 'string' ? o['receiptId'] : undefined;
    const message = typeof o['message'] === 'string' ? o['message'].slice(0, 200) : undefined;
    return { ...(id ? { id } : {}), ...(message ? { message } : {}) };
  } catch {
    return {};
  }
}

export async function pushOnce(ep: ExchangeEndpoint, payload: ExchangePayload, key: SigningKey, timeoutMs = PUSH_TIMEOUT_MS): Promise<PushResult> {
  const body = JSON.stringify(payload);
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=utf-8',
    'idempotency-key': idempotencyKey(payload),
    'x-zc-signature': sign(null, Buffer.from(body, 'utf8'), key.privateKey).toString('base64url'),
    'x-zc-key-id': key.kid,
    'x-zc-event': payload.event,
  };
  if (ep.token) headers['authorization'] = `Bearer ${ep.token}`;
  let res: Response;
  try {
    res = await fetch(ep.url, { method: 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
  } catch (e) {
    const timedOut = e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError');
    return { kind: 'failed', error: timedOut ? '接收平台超时未响应' : '无法连接接收平台' };
  }
  const answer = answerOf(await res.text().catch(() => ''));
  const said = answer.message ? `：${answer.message}` : '';
  if (res.status >= 200 && res.status < 300) return { kind: 'sent', ...(answer.id ? { receiptId: answer.id } : {}) };
  if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) return { kind: 'refused', error: `接收平台拒收（HTTP ${res.status}）${said}` };
  return { kind: 'failed', error: `接收平台暂时无法接收（HTTP ${res.status}）${said}` };
}
