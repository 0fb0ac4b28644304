// The real server (server/main.ts) as a child process on a given data folder: started on a free port, ready when
// /health answers, stopped with SIGTERM or killed with SIGKILL. Node runs main.ts itself (`node --import tsx`), so
// the signal reaches the server and not a wrapper such as npx. The data folder is seeded beforehand by
// seed-data-dir.script.ts in a child process with the same environment, so both open the store the same way.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../../server/config.js';
import type { User } from '../../server/domain/schema-types.gen.js';

/** the campaign seedDataDir publishes: apply and review open on the real date */
export const OPEN_CAMPAIGN = 'abuse-open';

export type SeedUser = Partial<User> & { id: string; password: string };

/** the server's environment on dataDir (SQLite): the same for the seeding script and the server */
function serverEnv(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    MONGODB_URL: '',
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    // the tests decide when timers fire, not a background poll
    SCHEDULER_INTERVAL_MS: '0',
    SEED_OPEN_CAMPAIGN: OPEN_CAMPAIGN,
    ...extra,
  };
}

const tsx = (file: string, env: NodeJS.ProcessEnv): ChildProcess =>
  spawn(process.execPath, ['--import', 'tsx', file], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });

/** seeds, extra accounts and an open campaign, written by a child process as the server would write them */
export async function seedDataDir(dataDir: string, o: { users?: SeedUser[] } = {}): Promise<void> {
  const child = tsx(join(REPO_ROOT, 'test', 'support', 'seed-data-dir.script.ts'), serverEnv(dataDir, { SEED_USERS: JSON.stringify(o.users ?? []) }));
  let out = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr?.on('data', (c: Buffer) => (out += c.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  if (code !== 0) throw new Error(`seeding ${dataDir} failed (${code}):\n${out.slice(-4000)}`);
}

export interface ServerProcess {
  url: string;
  pid: number;
  /** everything the process printed, for failure messages */
  output(): string;
  /** SIGKILL: no shutdown hook runs, the store is not closed */
  kill(): Promise<void>;
  /** SIGTERM: the server closes its store and exits */
  stop(): Promise<void>;
}

const LISTENING = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/;

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** polls until /health answers 200; gives up when the process exits or after `attempts` tries */
async function waitHealthy(url: string, child: ChildProcess, attempts = 600): Promise<void> {
  for (let i = 0; i < attempts; i++) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error('server exited before it was healthy');
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) return;
    } catch {
      // not accepting yet
    }
    await new Promise((r) => setImmediate(r));
  }
  throw new Error(`server at ${url} did not become healthy`);
}

export async function startServer(o: { dataDir: string; env?: Record<string, string> }): Promise<ServerProcess> {
  const child = tsx(join(REPO_ROOT, 'server', 'main.ts'), serverEnv(o.dataDir, o.env));
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const m = LISTENING.exec(out);
      if (m?.[1]) resolve(m[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) => reject(new Error(`server exited (${code ?? signal}) before listening:\n${out.slice(-4000)}`)));
    child.once('error', reject);
  });
  await waitHealthy(url, child);
  return {
    url,
    pid: child.pid ?? -1,
    output: () => out,
    kill: async () => {
      child.kill('SIGKILL');
      await exited(child);
    },
    stop: async () => {
      child.kill('SIGTERM');
      await exited(child);
    },
  };
}
