// The HTTP figures of issue 16 on a filled data dir: the server (test/bench/server-child.ts) in a child process,
// load from this process with autocannon over loopback.
//   inbox.http_p50_ms_<size> / _p99_   GET /api/tasks as demo-unit-design, 10 connections, `seconds` long
//   submit.http_p99_ms_<size>          POST /api/applications/:id/submit, each request another applicant's draft
//   approve.http_p99_ms_200c           POST /api/tasks/:app/:task/complete (同意), 200 connections, distinct tasks
//   memory.rss_mb_<size>               the server's RSS after the inbox and list requests (VmRSS), and its peak
// Each line is followed by the requests that did not answer 2xx (a figure from refused requests means nothing)
// and the machine's load. The store is changed by the run (drafts submitted, tasks completed): use a copy when
// the same figures must be taken again on the same data.
import { loadavg } from 'node:os';
import autocannon, { type Result } from 'autocannon';
import { startBenchServer } from './http-server.js';
import { prepareHttpBench, type Session } from './http-prepare.js';

export interface HttpBenchOptions {
  dataDir: string;
  /** label in the figure names: 100k, 1m */
  size: string;
  /** seconds of inbox load (default 10) */
  seconds?: number;
  /** drafts to submit (default 400) and unit-review tasks to complete (default 2000) */
  drafts?: number;
  approvals?: number;
  /** write the server's CPU profile (node --cpu-prof) into this folder */
  cpuProfDir?: string;
  log?: (l: string) => void;
}

/** submits and approvals sent one by one before the measured ones */
const WARM = 20;
const load1 = (): string => loadavg()[0]?.toFixed(2) ?? '?';
const headers = (s: Session, json = false): Record<string, string> => ({ cookie: s.cookie, 'x-csrf-token': s.csrf, ...(json ? { 'content-type': 'application/json' } : {}) });

/** one request per item, each taken once, in order, whatever connection sends it */
function eachOnce<T>(items: readonly T[], make: (t: T) => { path: string; headers: Record<string, string>; body: string }) {
  let i = 0;
  return [
    {
      method: 'POST',
      setupRequest: (req: { method?: string; path?: string; headers?: Record<string, string>; body?: string }) => {
        const item = items[i++ % items.length];
        return item ? { ...req, method: 'POST', ...make(item) } : req;
      },
    },
  ];
}

export async function runHttpBench(o: HttpBenchOptions): Promise<void> {
  const log = o.log ?? console.log;
  const figure = (name: string, value: number, unit: string) => log(`${name}: ${Number.isFinite(value) ? value.toFixed(1) : String(value)} ${unit}`);
  /** p50, p99, the rate and what did not answer 2xx, then the load */
  const report = (what: string, suffix: string, r: Result) => {
    figure(`${what}.http_p50_ms_${suffix}`, r.latency.p50, 'ms');
    figure(`${what}.http_p99_ms_${suffix}`, r.latency.p99, 'ms');
    log(`${what}.http_rps_${suffix}: ${r.requests.average.toFixed(1)} /s (${r.requests.total} requests, ${r['2xx']} 2xx, ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts)`);
    log(`machine.load1: ${load1()}`);
  };

  const prep = await prepareHttpBench({ dataDir: o.dataDir, drafts: o.drafts ?? 400, approvals: o.approvals ?? 2000, log });
  const server = await startBenchServer({ dataDir: o.dataDir, now: prep.now, cookieSecret: prep.cookieSecret, ...(o.cpuProfDir ? { cpuProfDir: o.cpuProfDir } : {}) });
  try {
    log(`# http: server pid ${server.pid} at ${server.url}, RSS after opening ${server.rssMb().toFixed(0)} MB`);
    // the inbox as the reviewer's workbench asks for it (first page, 20 rows, with total)
    const inboxUrl = `${server.url}/api/tasks?limit=20`;
    const probe = await fetch(inboxUrl, { headers: headers(prep.inbox) });
    const body = (await probe.json()) as { total?: number };
    log(`# http: inbox of ${prep.inboxUser}: status ${probe.status}, total ${body.total ?? '?'}`);
    const inbox = await autocannon({ url: inboxUrl, connections: 10, duration: o.seconds ?? 10, headers: headers(prep.inbox), timeout: 60 });
    report('inbox', o.size, inbox);
    // the other lists a reviewer pages through, so memory is measured after them too
    for (const path of ['/api/applications?limit=50', '/api/tasks/done?limit=20', `/api/rosters/rows?campaignId=${encodeURIComponent(prep.campaignId)}&limit=50`]) {
      const res = await fetch(`${server.url}${path}`, { headers: headers(prep.inbox) });
      log(`# http: GET ${path} → ${res.status}, ${(await res.arrayBuffer()).byteLength} bytes`);
    }
    figure(`memory.rss_mb_${o.size}`, server.rssMb(), 'MB');
    log(`machine.load1: ${load1()}`);

    // warm-up, not counted: the first submits and approvals compile each level's form, rules and flow into the
    // server's caches (once per process), which would otherwise land in the measured p99
    const warm = async (n: number, items: readonly { path: string; headers: Record<string, string>; body: string }[]) => {
      const codes: number[] = [];
      for (const r of items.slice(0, n)) codes.push((await fetch(`${server.url}${r.path}`, { method: 'POST', headers: r.headers, body: r.body })).status);
      log(`# http: warm-up ${codes.length} requests: ${codes.filter((c) => c < 300).length} 2xx`);
    };
    const submits = prep.drafts.map((d) => ({ path: `/api/applications/${d.id}/submit`, headers: headers(d.session, true), body: '{}' }));
    const approvals = prep.approvals.map((a) => ({ path: `/api/tasks/${a.applicationId}/${a.taskId}/complete`, headers: headers(a.session, true), body: JSON.stringify({ payload: { decision: 'approve', comment: '同意' } }) }));
    await warm(WARM, submits);
    await warm(WARM, approvals);
    const drafts = prep.drafts.slice(WARM);
    if (drafts.length > 0) {
      const submit = await autocannon({
        url: server.url,
        connections: 10,
        amount: drafts.length,
        timeout: 60,
        requests: eachOnce(drafts, (d) => ({ path: `/api/applications/${d.id}/submit`, headers: headers(d.session, true), body: '{}' })),
      });
      report('submit', o.size, submit);
    }
    const tasks = prep.approvals.slice(WARM);
    if (tasks.length > 0) {
      const approve = await autocannon({
        url: server.url,
        connections: Math.min(200, tasks.length),
        amount: tasks.length,
        timeout: 60,
        requests: eachOnce(tasks, (a) => ({
          path: `/api/tasks/${a.applicationId}/${a.taskId}/complete`,
          headers: headers(a.session, true),
          body: JSON.stringify({ payload: { decision: 'approve', comment: '同意' } }),
        })),
      });
      report('approve', '200c', approve);
    }
    figure(`memory.peak_rss_mb_${o.size}`, server.peakRssMb(), 'MB');
  } finally {
    await server.stop();
  }
}
