// A real listening server for the abuse specs, real sessions for it, and a /health probe that runs on its
// own thread: the server shares this process's event loop, so a request that holds the loop would also hold
// a probe running here. The probe thread keeps one /health request in flight at all times and reports how
// long each took, so the worst latency is how long anyone waited for the server during the attack.
import { randomBytes } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { SESSION_COOKIE } from '../../server/http/plugins/access.js';
import type { Harness } from '../support/harness.js';

/** the harness's app on a real port (127.0.0.1, chosen by the system) */
export const listen = (h: Harness): Promise<string> => h.app.listen({ port: 0, host: '127.0.0.1' });

/** what a 4xx carries: the one error shape */
export interface ErrorBody {
  code: string;
  message: string;
  details: { code: string; message: string; pointer?: string; elementId?: string }[];
}

export interface Answer {
  status: number;
  body: unknown;
}

/** `body` is sent as JSON; `json` is JSON text already (for what JSON.stringify cannot build, e.g. 5,000 levels deep) */
export type Fetch = (path: string, init?: { method?: string; body?: unknown; json?: string }) => Promise<Answer>;

/** fetch as a signed-in user: a session stored as the login route would store it, its cookie and CSRF header */
export async function fetchAs(h: Harness, url: string, userId: string): Promise<Fetch> {
  const id = randomBytes(16).toString('hex');
  const csrf = randomBytes(16).toString('hex');
  await h.platform.store.putSession({ id, userId, csrfToken: csrf, createdAt: h.clock.now(), expiresAt: '2999-01-01T00:00:00.000Z' });
  const cookie = `${SESSION_COOKIE}=${encodeURIComponent(h.app.signCookie(id))}`;
  return async (path, init = {}) => {
    const json = init.json ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
    const res = await fetch(`${url}${path}`, {
      method: init.method ?? 'GET',
      headers: { cookie, 'x-csrf-token': csrf, ...(json === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(json === undefined ? {} : { body: json }),
    });
    const text = await res.text();
    return { status: res.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
  };
}

const PROBE = `
const { parentPort, workerData } = require('node:worker_threads');
let stop = false;
parentPort.on('message', () => { stop = true; });
(async () => {
  for (let n = 0; !stop || n < workerData.atLeast; n++) {
    const t = performance.now();
    let status = 0;
    try { const res = await fetch(workerData.url + '/health'); await res.text(); status = res.status; } catch { status = -1; }
    parentPort.postMessage({ ms: performance.now() - t, status });
  }
  parentPort.postMessage('done');
})();
`;

/** /health answers before the attack starts, not counted */
const WARM_UP = 3;

export interface Probed<T> {
  result: T;
  /** the slowest /health answer while the attack ran, in ms */
  worstMs: number;
  /** every /health answer was 200 */
  allOk: boolean;
  /** each answer's latency in ms, for failure messages */
  samples: number[];
}

/** runs `attack` while another thread asks /health over and over (at least three times after the attack began) */
export async function whileProbingHealth<T>(url: string, attack: () => Promise<T>): Promise<Probed<T>> {
  const worker = new Worker(PROBE, { eval: true, workerData: { url, atLeast: WARM_UP + 2 } });
  const samples: { ms: number; status: number }[] = [];
  let first!: () => void;
  const started = new Promise<void>((r) => (first = r));
  const finished = new Promise<void>((resolve, reject) => {
    let warming = WARM_UP;
    worker.on('message', (m: { ms: number; status: number } | 'done') => {
      if (m === 'done') return resolve();
      // the thread's first requests open its connection and compile its fetch: answered before the attack starts, not counted
      if (warming > 0) {
        warming -= 1;
        if (warming === 0) first();
        return;
      }
      samples.push(m);
    });
    worker.on('error', reject);
  });
  try {
    await started;
    const result = await attack();
    worker.postMessage('stop');
    await finished;
    return { result, worstMs: Math.max(...samples.map((s) => s.ms)), allOk: samples.every((s) => s.status === 200), samples: samples.map((s) => Math.round(s.ms)) };
  } finally {
    await worker.terminate();
  }
}
