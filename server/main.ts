// config -> store -> seeds -> app -> listen; closes the store on SIGINT/SIGTERM.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { buildApp } from './app.js';
import { loadConfig, REPO_ROOT, type Config } from './config.js';
import { systemClock } from './domain/clock.js';
import { createPlatform } from './runtime/platform.js';
import { loadSeeds } from './runtime/seeds/load-seeds.js';
import { SeedFileError } from './runtime/seeds/read-seed-files.js';
import { startScheduler } from './runtime/scheduler.js';
import { channelsFromConfig } from './runtime/notifications/channels/from-config.js';
import { startDispatcher } from './runtime/notifications/dispatcher.js';
import { parseExchangeEndpoints } from './runtime/exchange/endpoints.js';
import { startExchangeDispatcher } from './runtime/exchange/dispatcher.js';
import { queueMissedCertificates } from './runtime/exchange/catch-up.js';
import { certificateKeyRing } from './runtime/certificates/key-ring.js';
import { openStore } from './store/open-store.js';

/** The embedded default keeps its cookie secret in the data folder, created on first start. */
function cookieSecret(cfg: Config): string {
  if (cfg.sessionSecret) return cfg.sessionSecret;
  mkdirSync(cfg.dataDir, { recursive: true });
  const file = join(cfg.dataDir, 'session-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

async function main(): Promise<void> {
  const cfg = loadConfig();
  const store = await openStore(cfg);
  const exchangeEndpoints = parseExchangeEndpoints({ ...process.env, EXCHANGE_ENDPOINTS: cfg.exchangeEndpoints ?? '' });
  const platform = createPlatform({ root: REPO_ROOT, store, clock: systemClock, channels: channelsFromConfig(cfg.notifications), exchangeEndpoints });
  try {
    const report = await loadSeeds({ root: REPO_ROOT, store, clock: systemClock, meta: platform.meta, definitions: platform.definitions });
    if (report.loaded > 0) console.log(`已载入种子配置：${report.loaded} 项定义，${report.orgs} 个机构，${report.users} 个演示账号`);
  } catch (e) {
    await store.close();
    if (e instanceof SeedFileError) {
      console.error(`种子文件有误，启动中止：${e.path} ${e.pointer}\n  ${e.reason}`);
      process.exit(1);
    }
    throw e;
  }
  const app = await buildApp(platform, { logger: { level: cfg.logLevel }, bodyLimitBytes: cfg.bodyLimitBytes, cookieSecret: cookieSecret(cfg), designerDir: cfg.designerDir, uploadLimitBytes: cfg.uploadLimitBytes });
  const stopScheduler = startScheduler(platform.runtime, cfg.schedulerIntervalMs, app.log, platform);
  const stopDispatcher = startDispatcher(platform, systemClock, cfg.schedulerIntervalMs, app.log);
  // issue and revocation are queued after their own write: offer every certificate again, in the background
  queueMissedCertificates(platform)
    .then((n) => {
      if (n > 0) app.log.info({ queued: n }, 'data exchange: certificates queued on start');
    })
    .catch((err: unknown) => app.log.error({ err }, 'data exchange catch-up failed'));
  const stopExchange = startExchangeDispatcher({ ...platform, signingKey: () => certificateKeyRing(cfg.certificates).current }, systemClock, cfg.schedulerIntervalMs, app.log);
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    stopScheduler();
    stopDispatcher();
    stopExchange();
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: cfg.port, host: cfg.host });
  console.log(`\n  职称申报评审平台已启动：http://localhost:${cfg.port}/  （API 文档：http://localhost:${cfg.port}/docs）\n`);
}

void main();
