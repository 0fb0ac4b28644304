// The server as the HTTP benchmarks load it: server/main.ts's store, platform and app (same config from the
// environment: DATA_DIR, audit key and checkpoints), in its own process, with two differences a bench needs:
// the clock starts at BENCH_NOW (the fill's campaigns lie in other years than today) and runs on from there,
// and the cookie secret comes from BENCH_COOKIE_SECRET so the bench process can sign its sessions' cookies.
// No seeding (the fill seeded the store), no scheduler or dispatchers (they would compete with the load).
// Prints `listening <url>` when ready; SIGTERM closes app and store.
import { buildApp } from '../../server/app.js';
import { loadConfig, REPO_ROOT } from '../../server/config.js';
import type { Clock } from '../../server/domain/clock.js';
import { createPlatform } from '../../server/runtime/platform.js';
import { openStore } from '../../server/store/open-store.js';

const start = Date.parse(process.env.BENCH_NOW ?? new Date().toISOString());
const t0 = Date.now();
const clock: Clock = { now: () => new Date(start + (Date.now() - t0)).toISOString() };

const cfg = loadConfig();
const store = await openStore(cfg);
const platform = createPlatform({ root: REPO_ROOT, store, clock });
const app = await buildApp(platform, { logger: { level: process.env.LOG_LEVEL ?? 'warn' }, cookieSecret: process.env.BENCH_COOKIE_SECRET ?? 'bench', bodyLimitBytes: cfg.bodyLimitBytes, designerDir: cfg.designerDir });
const url = await app.listen({ port: 0, host: '127.0.0.1' });
console.log(`listening ${url}`);
process.on('SIGTERM', () => {
  void app
    .close()
    .then(() => store.close())
    .then(() => process.exit(0));
});
