// Starts test/bench/server-child.ts in a child process on a filled data dir and stops it; reads its RSS from
// /proc. The load generator runs in the bench process, so the server's figures are not shared with it.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../server/config.js';

export interface BenchServer {
  url: string;
  pid: number;
  /** resident memory now, MB (VmRSS) */
  rssMb(): number;
  /** peak resident memory, MB (VmHWM) */
  peakRssMb(): number;
  /** SIGTERM and wait: the CPU profile, when asked for, is written on exit */
  stop(): Promise<void>;
  output(): string;
}

const procKb = (pid: number, field: string): number => {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : NaN;
};

export async function startBenchServer(o: { dataDir: string; now: string; cookieSecret: string; cpuProfDir?: string }): Promise<BenchServer> {
  const args = ['--import', 'tsx', ...(o.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${o.cpuProfDir}`] : []), join(REPO_ROOT, 'test', 'bench', 'server-child.ts')];
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env: { ...process.env, MONGODB_URL: '', DATA_DIR: o.dataDir, BENCH_NOW: o.now, BENCH_COOKIE_SECRET: o.cookieSecret, SCHEDULER_INTERVAL_MS: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (c: Buffer) => {
      out += c.toString('utf8');
      const m = /listening (http:\/\/\S+)/.exec(out);
      if (m?.[1]) resolve(m[1]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code, signal) => reject(new Error(`bench server exited (${code ?? signal}):\n${out.slice(-3000)}`)));
  });
  const pid = child.pid ?? -1;
  return {
    url,
    pid,
    rssMb: () => procKb(pid, 'VmRSS') / 1024,
    peakRssMb: () => procKb(pid, 'VmHWM') / 1024,
    output: () => out,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
