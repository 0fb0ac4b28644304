// `npm run seed` loads seeds into the configured store (nothing twice);
// `npm run seed -- --reset` first removes the embedded store (or drops the MongoDB database) and rebuilds it from the files.
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, REPO_ROOT } from '../config.js';
import { systemClock } from '../domain/clock.js';
import { createPlatform } from '../runtime/platform.js';
import { loadSeeds } from '../runtime/seeds/load-seeds.js';
import { SeedFileError } from '../runtime/seeds/read-seed-files.js';
import { GENESIS_HASH } from '../domain/audit/chain.js';
import { openAuditTrust } from '../store/audit-trust.js';
import { openStore } from '../store/open-store.js';

const cfg = loadConfig();
if (process.argv.includes('--reset')) {
  if (cfg.mongodbUrl) {
    const { MongoClient } = await import('mongodb');
    const client = new MongoClient(cfg.mongodbUrl);
    await client.db().dropDatabase();
    await client.close();
    console.log('已清空 MongoDB 数据库');
  } else {
    for (const f of ['zhicheng.sqlite', 'zhicheng.sqlite-wal', 'zhicheng.sqlite-shm', 'files']) {
      const p = join(cfg.dataDir, f);
      if (existsSync(p)) rmSync(p, { recursive: true, force: true });
    }
    console.log(`已清空嵌入式存储：${cfg.dataDir}`);
  }
  // a signed line saying the store was emptied on purpose: the checkpoints before it no longer apply
  openAuditTrust(cfg.audit, cfg.mongodbUrl ? 'mongo' : 'sqlite', cfg.dataDir).checkpoints?.append('reset', 0, GENESIS_HASH);
}
const store = await openStore(cfg);
const platform = createPlatform({ root: REPO_ROOT, store, clock: systemClock });
try {
  const r = await loadSeeds({ root: REPO_ROOT, store, clock: systemClock, meta: platform.meta, definitions: platform.definitions });
  console.log(`种子载入完成：新增 ${r.loaded} 项定义（跳过已有 ${r.skipped} 项），${r.orgs} 个机构，${r.users} 个账号`);
} catch (e) {
  if (e instanceof SeedFileError) {
    console.error(`种子文件有误：${e.path} ${e.pointer}\n  ${e.reason}`);
    process.exitCode = 1;
  } else throw e;
} finally {
  await store.close();
}
