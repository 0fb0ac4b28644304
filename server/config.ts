// Configuration comes from the environment only; defaults give a working embedded store.
import { resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  mongodbUrl?: string;
  /** signs session cookies; generated into the data folder on first start when not set */
  sessionSecret?: string;
  logLevel: string;
  /** serve the built designer from designer/dist when present */
  designerDir: string;
  bodyLimitBytes: number;
  uploadLimitBytes: number;
  /** scheduler poll interval; 0 disables the background scheduler (tests drive it by hand) */
  schedulerIntervalMs: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const root = resolve(import.meta.dirname, '..');
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '127.0.0.1',
    dataDir: resolve(env.DATA_DIR ?? resolve(root, 'data')),
    ...(env.MONGODB_URL ? { mongodbUrl: env.MONGODB_URL } : {}),
    ...(env.SESSION_SECRET ? { sessionSecret: env.SESSION_SECRET } : {}),
    logLevel: env.LOG_LEVEL ?? 'info',
    designerDir: resolve(root, 'designer', 'dist'),
    bodyLimitBytes: Number(env.BODY_LIMIT_BYTES ?? 1_048_576),
    uploadLimitBytes: Number(env.UPLOAD_LIMIT_BYTES ?? 20 * 1_048_576),
    schedulerIntervalMs: Number(env.SCHEDULER_INTERVAL_MS ?? 5_000),
  };
}

export const REPO_ROOT = resolve(import.meta.dirname, '..');
