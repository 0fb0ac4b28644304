// Picks the adapter from the configuration: MongoDB when MONGODB_URL is set, else the embedded SQLite file.
import type { Store } from './port.js';
import { openSqliteStore } from './sqlite/sqlite-store.js';

export interface StoreConfig {
  dataDir: string;
  mongodbUrl?: string;
}

export async function openStore(cfg: StoreConfig): Promise<Store> {
  if (cfg.mongodbUrl) {
    const { openMongoStore } = await import('./mongo/mongo-store.js');
    return openMongoStore(cfg.mongodbUrl);
  }
  return openSqliteStore(cfg.dataDir);
}
