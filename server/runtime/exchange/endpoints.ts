// The receiving platforms, from EXCHANGE_ENDPOINTS: a JSON array in the variable itself or the path of a JSON file.
// Tokens stay out of the file: an endpoint names the environment variable that holds its token (tokenEnv).
import { readFileSync } from 'node:fs';
import { EXCHANGE_EVENTS, type ExchangeEndpoint, type ExchangeEvent } from './types.js';

const ID = /^[a-z0-9][a-z0-9-]{0,39}$/;

function parseOne(raw: unknown, env: NodeJS.ProcessEnv, at: number): ExchangeEndpoint {
  const where = `EXCHANGE_ENDPOINTS 第 ${at + 1} 项`;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error(`${where} 应为对象`);
  const o = raw as Record<string, unknown>;
  const { id, name, url, token, tokenEnv, events } = o;
  if (typeof id !== 'string' || !ID.test(id)) throw new Error(`${where}：id 须为小写字母、数字或连字符`);
  if (typeof name !== 'string' || name.trim() === '') throw new Error(`${where}：缺少平台名称 name`);
  if (typeof url !== 'string' || !/^https?:\/\//.test(url)) throw new Error(`${where}：url 须以 http:// 或 https:// 开头`);
  if (!Array.isArray(events) || events.some((e) => !EXCHANGE_EVENTS.includes(e as ExchangeEvent))) throw new Error(`${where}：events 须为 ${EXCHANGE_EVENTS.join('、')} 中的若干项`);
  const secret = typeof tokenEnv === 'string' ? env[tokenEnv] : typeof token === 'string' ? token : undefined;
  if (typeof tokenEnv === 'string' && !secret) throw new Error(`${where}：环境变量 ${tokenEnv} 未设置`);
  return { id, name, url, events: events as ExchangeEvent[], ...(secret ? { token: secret } : {}) };
}

export function parseExchangeEndpoints(env: NodeJS.ProcessEnv = process.env): ExchangeEndpoint[] {
  const v = env.EXCHANGE_ENDPOINTS?.trim();
  if (!v) return [];
  const text = v.startsWith('[') ? v : readFileSync(v, 'utf8');
  const list: unknown = JSON.parse(text);
  if (!Array.isArray(list)) throw new Error('EXCHANGE_ENDPOINTS 应为数组');
  const out = list.map((x, i) => parseOne(x, env, i));
  const ids = new Set(out.map((e) => e.id));
  if (ids.size !== out.length) throw new Error('EXCHANGE_ENDPOINTS 中的 id 有重复');
  return out;
}
