// Signing in through the real routes, for the account specs.
import type { LightMyRequestResponse } from 'fastify';
import type { Harness } from '../support/harness.js';

export const VALID_ID = '11010519491231002X';
export const BAD_ID = '110105194912310021';

export interface Signed {
  cookie: string;
  csrf: string;
  call(opts: { method: 'GET' | 'POST' | 'PUT' | 'DELETE'; url: string; payload?: object; csrf?: boolean }): Promise<LightMyRequestResponse>;
}

export function loginReq(h: Harness, login: string, password: string, ip = '127.0.0.1'): Promise<LightMyRequestResponse> {
  return h.anon({ method: 'POST', url: '/api/auth/login', payload: { login, password }, remoteAddress: ip });
}

export function sessionCookie(res: LightMyRequestResponse): string {
  const c = res.cookies.find((x) => x.name === 'zc_session');
  if (!c) throw new Error('no session cookie');
  return c.value;
}

export async function signIn(h: Harness, login: string, password: string, ip?: string): Promise<Signed> {
  const res = await loginReq(h, login, password, ip);
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
  const cookie = sessionCookie(res);
  const csrf = (res.json() as { csrfToken: string }).csrfToken;
  return {
    cookie,
    csrf,
    call: (o) =>
      h.app.inject({
        method: o.method,
        url: o.url,
        ...(o.payload ? { payload: o.payload } : {}),
        cookies: { zc_session: cookie },
        headers: o.csrf === false ? {} : { 'x-csrf-token': csrf },
      }),
  };
}

export async function registerApplicant(h: Harness, phone: string, password = 'abc12345', idNumber = VALID_ID): Promise<LightMyRequestResponse> {
  return h.anon({ method: 'POST', url: '/api/auth/register', payload: { name: '李四', idNumber, phone, password } });
}
