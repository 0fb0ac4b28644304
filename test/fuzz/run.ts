// The bounded schema-driven fuzz run over the OpenAPI document (issue 10): the real server on a temporary data folder
// with the seeds and a campaign open today, then schemathesis against /docs/json as an applicant and as an
// administrator (session cookie and CSRF header), checking that no response is a 5xx, that every status code is
// documented and that every response matches its documented schema.
//
//   node --import tsx test/fuzz/run.ts [--report out.json]
//   FUZZ_EXAMPLES=100 node --import tsx test/fuzz/run.ts     # a deeper run than CI's (schemathesis.toml)
//
// SCHEMATHESIS names the executable (default .tools/fuzz-venv/bin/schemathesis, installed by .ci/run). Prints each
// failure with the request that triggered it; --report writes {numPassedTests, numFailedTests} for .ci/run, where
// each failing check of an operation counts as one failed test and each clean run as one passed test.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { REPO_ROOT } from '../../server/config.js';
import { seedDataDir, startServer, type ServerProcess } from '../support/server-process.js';
import { tempDir } from '../support/temp-dir.js';
import { failuresOf, type Failure } from './junit-failures.js';
import { FUZZ_USERS, prepareWorld, withDictionaries } from './world.js';

// resolved from the repository root: the fuzzer runs in a temporary folder, where a relative path finds nothing
const SCHEMATHESIS = resolve(REPO_ROOT, process.env.SCHEMATHESIS ?? join('.tools', 'fuzz-venv', 'bin', 'schemathesis'));
const CONFIG = join(REPO_ROOT, 'test', 'fuzz', 'schemathesis.toml');
const DEMO_PASSWORD = 'demo2026'; // seeds/users.json

/** who the fuzzer acts as; the routes that would end or replace its own session are left out */
const ROLES = [
  { name: 'applicant', login: 'demo-zhang' },
  { name: 'admin', login: 'demo-admin' },
] as const;
const SESSION_ENDING = ['/api/auth/login', '/api/auth/logout', '/api/auth/password'];

async function login(server: ServerProcess, user: string): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: user, password: DEMO_PASSWORD }) });
  if (res.status !== 200) throw new Error(`login ${user}: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrf: csrfToken };
}

function schemathesis(config: string, args: string[], cwd: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(SCHEMATHESIS, ['--config-file', config, 'run', ...args], { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('error', reject);
    child.once('exit', (code) => resolve(code ?? 1));
  });
}

async function main(): Promise<number> {
  const reportArg = process.argv.indexOf('--report');
  const reportFile = reportArg > 0 ? process.argv[reportArg + 1] : undefined;
  const tmp = tempDir('zc-fuzz-');
  const dataDir = join(tmp.path, 'data');
  const started = Date.now();
  let server: ServerProcess | null = null;
  const failures: (Failure & { role: string })[] = [];
  let cleanRuns = 0;
  try {
    await seedDataDir(dataDir, { users: FUZZ_USERS });
    server = await startServer({ dataDir });
    // real ids and keys the fuzzer mixes into what it generates, so it reaches past "not found"
    const config = join(tmp.path, 'schemathesis.toml');
    writeFileSync(config, withDictionaries(readFileSync(CONFIG, 'utf8'), await prepareWorld(server.url)));
    for (const role of ROLES) {
      const s = await login(server, role.login);
      const out = join(tmp.path, role.name);
      mkdirSync(out, { recursive: true });
      const junit = join(out, 'junit.xml');
      const t0 = Date.now();
      const code = await schemathesis(
        config,
        [
          `${server.url}/docs/json`,
          '--url', server.url,
          '-H', `Cookie: ${s.cookie}`,
          '-H', `x-csrf-token: ${s.csrf}`,
          ...SESSION_ENDING.flatMap((p) => ['--exclude-path', p]),
          '--report', 'junit',
          '--report-junit-path', junit,
          '--no-color',
          ...(process.env.FUZZ_EXAMPLES ? ['--max-examples', process.env.FUZZ_EXAMPLES] : []),
        ],
        out,
      );
      const found = existsSync(junit) ? failuresOf(readFileSync(junit, 'utf8')) : [];
      console.log(`fuzz as ${role.name} (${role.login}): ${found.length} failing checks in ${Math.round((Date.now() - t0) / 1000)} s (schemathesis exit ${code})`);
      if (found.length === 0 && code !== 0) found.push({ operation: '(run)', check: 'schemathesis', message: `exited ${code} without a failure in its report` });
      if (found.length === 0) cleanRuns += 1;
      failures.push(...found.map((f) => ({ ...f, role: role.name })));
    }
    // what the server logged for its 500s: the cause to look for
    type LogLine = { msg?: string; reqId?: string; err?: { message?: string; stack?: string }; req?: { method?: string; url?: string } };
    const lines = server.output().split('\n').flatMap((l): LogLine[] => {
      try {
        return l.startsWith('{') ? [JSON.parse(l) as LogLine] : [];
      } catch {
        return []; // a line cut off while the server was still writing
      }
    });
    const requests = new Map(lines.filter((l) => l.req && l.reqId).map((l) => [l.reqId, l.req]));
    for (const l of lines.filter((x) => x.msg === 'unhandled error')) {
      const req = requests.get(l.reqId);
      console.log(`SERVER ERROR ${req?.method ?? ''} ${req?.url ?? ''}: ${(l.err?.stack ?? l.err?.message ?? '').split('\n').slice(0, 4).join(' | ')}`);
    }
  } finally {
    await server?.stop();
    tmp.remove();
  }
  for (const f of failures) console.log(`FUZZ FAIL [${f.role}] ${f.operation} — ${f.check}\n${f.message.split('\n').map((l) => `    ${l}`).join('\n')}`);
  console.log(`fuzz: ${cleanRuns} clean runs, ${failures.length} failing checks, ${Math.round((Date.now() - started) / 1000)} s`);
  if (reportFile) writeFileSync(reportFile, JSON.stringify({ numPassedTests: cleanRuns, numFailedTests: failures.length, numFailedTestSuites: 0 }));
  return failures.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(2);
  },
);
