// Picks the adapter from the configuration: MongoDB when MONGODB_URL is set, else the embedded SQLite file.
// With an audit configuration the store seals with the configured key and writes signed checkpoints; a chain that
// has none yet is sealed on opening (audit-adopt.ts), unless the caller only wants to look (audit:verify).
import type { AuditConfig } from '../config.js';
import { adoptAuditChain } from './audit-adopt.js';
import { openAuditTrust } from './audit-trust.js';
import type { Store } from './port.js';
import { openSqliteStore } from './sqlite/sqlite-store.js';

export interface StoreConfig {
  dataDir: string;
  mongodbUrl?: string;
  /** absent: the configured key without checkpoints (tests that open a store directly) */
  audit?: AuditConfig;
}

export async function openStore(cfg: StoreConfig, opts: { adoptAuditChain?: boolean } = {}): Promise<Store> {
  const trust = cfg.audit ? openAuditTrust(cfg.audit, cfg.mongodbUrl ? 'mongo' : 'sqlite', cfg.dataDir) : undefined;
  let store: Store;
  if (cfg.mongodbUrl) {
    const { openMongoStore } = await import('./mongo/mongo-store.js');
    store = await openMongoStore(cfg.mongodbUrl, trust ? { auditTrust: trust } : {});
  } else {
    store = openSqliteStore(cfg.dataDir, trust ? { auditTrust: trust } : {});
  }
  if (trust && opts.adoptAuditChain !== false) {
    const a = await adoptAuditChain(store);
    if (a.problem) process.emitWarning(`审计链未能启用密钥封存：${a.problem}；请运行 npm run audit:verify 查明`);
  }
  return store;
}
