// Idempotency-Key (as in the IETF httpapi draft): the first request under a key runs; every later request of the same
// person with the same key and the same request (method, URL, body) gets the first answer, status and body, on either
// store and however many arrive at once. The same key with another request is refused (422); a replay that arrives
// while the first is still running in another server process waits for its answer, then gets 409 if none comes.
//
// Both steps are inserts that keep the first value (`rememberOnce`): the claim names the request's fingerprint and a
// nonce (so the winner knows it won), the answer is stored under `<claim>#answer`. Replays in this process wait on
// the winner's promise instead of polling the store.
import { createHash, randomUUID } from 'node:crypto';
import { canonicalJson } from '../domain/canonical-json.js';
import type { Store } from '../store/port.js';
import { HttpError } from './errors.js';

export interface Answer {
  status: number;
  body: unknown;
}

export interface IdempotentRequest {
  userId: string;
  key: string;
  method: string;
  url: string;
  body: unknown;
}

const INTERNAL: Answer = { status: 500, body: { code: 'internal', message: '服务器内部错误，请稍后重试', details: [] } };
const reused = (): Answer => ({
  status: 422,
  body: { code: 'idempotency.key_reused', message: '该 Idempotency-Key 已用于另一个内容不同的请求，新的请求请使用新的 Idempotency-Key', details: [] },
});
const inProgress = (): Answer => ({
  status: 409,
  body: { code: 'idempotency.in_progress', message: '使用相同 Idempotency-Key 的请求仍在处理中，请稍后重试', details: [] },
});

/** how long a replay waits for an answer being produced by another process: about 10 s in growing steps */
const WAIT_STEPS_MS = [10, 20, 50, 100, 200, ...Array<number>(48).fill(200)];

interface Flight {
  fingerprint: string;
  answer: Promise<Answer>;
}
// per store, so that two platforms in one process (tests) never share a flight
const flightsByStore = new WeakMap<Store, Map<string, Flight>>();

function flights(store: Store): Map<string, Flight> {
  let m = flightsByStore.get(store);
  if (!m) flightsByStore.set(store, (m = new Map()));
  return m;
}

export function fingerprintOf(r: Pick<IdempotentRequest, 'method' | 'url' | 'body'>): string {
  return createHash('sha256').update(canonicalJson({ method: r.method, url: r.url, body: r.body ?? null })).digest('hex');
}

/** the first answer under the request's key; `run` produces a 2xx body or throws an HttpError */
export async function idempotent(store: Store, req: IdempotentRequest, run: () => Promise<unknown>, okStatus = 200): Promise<Answer> {
  const claimKey = `http:${req.userId}:${req.key}`;
  const fingerprint = fingerprintOf(req);
  const local = flights(store);
  const flying = local.get(claimKey);
  if (flying) return flying.fingerprint === fingerprint ? flying.answer : reused();

  const answer = (async (): Promise<Answer> => {
    const mine = `${fingerprint}:${randomUUID()}`;
    const first = await store.rememberOnce(claimKey, mine);
    if (first !== mine) return first.split(':')[0] === fingerprint ? awaitAnswer(store, `${claimKey}#answer`) : reused();
    let produced: Answer;
    let thrown: unknown = null;
    try {
      const value = await run();
      produced = { status: okStatus, body: value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown) };
    } catch (e) {
      if (e instanceof HttpError) produced = { status: e.statusCode, body: { code: e.code, message: e.message, details: e.details } };
      else [produced, thrown] = [INTERNAL, e];
    }
    const stored = JSON.parse(await store.rememberOnce(`${claimKey}#answer`, JSON.stringify(produced))) as Answer;
    if (thrown) throw thrown; // logged by the error handler, which answers the same 500
    return stored;
  })();
  local.set(claimKey, { fingerprint, answer });
  try {
    return await answer;
  } finally {
    if (local.get(claimKey)?.answer === answer) local.delete(claimKey);
  }
}

async function awaitAnswer(store: Store, answerKey: string): Promise<Answer> {
  for (const ms of [0, ...WAIT_STEPS_MS]) {
    if (ms) await new Promise((r) => setTimeout(r, ms));
    const stored = await store.recall(answerKey);
    if (stored !== null) return JSON.parse(stored) as Answer;
  }
  return inProgress();
}
