// What a store seals and checks its audit chain with: the key, and where its signed checkpoints go.
import { isAbsolute, relative } from 'node:path';
import { loadConfig, type AuditConfig } from '../config.js';
import type { AuditKey } from '../domain/audit/chain.js';
import { CheckpointLog } from './audit-checkpoints.js';
import { readAuditKey } from './audit-key.js';

export interface AuditTrust {
  readonly key: AuditKey;
  /** null: no checkpoints (a store opened directly by a test or tool, not through the configuration) */
  readonly checkpoints: CheckpointLog | null;
}

const inside = (dir: string, file: string): boolean => {
  const rel = relative(dir, file);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

/** the configured trust of a server or command-line tool: key read (or created), checkpoint file writable */
export function openAuditTrust(cfg: AuditConfig, store: 'sqlite' | 'mongo', dataDir?: string): AuditTrust {
  if (store === 'sqlite' && dataDir) {
    for (const [name, file] of [['AUDIT_KEY_FILE', cfg.key === undefined ? cfg.keyFile : null], ['AUDIT_CHECKPOINT_FILE', cfg.checkpointFile]] as const) {
      if (file && inside(dataDir, file)) throw new Error(`${name}（${file}）不能放在 DATA_DIR 之内：能写存储的人也就能改它`);
    }
  }
  const key = readAuditKey(cfg);
  const checkpoints = new CheckpointLog(cfg.checkpointFile, key, store);
  checkpoints.ensureWritable();
  return { key, checkpoints };
}

let defaultKey: AuditKey | undefined;

/** for stores opened without a trust: the configured key (so every opening agrees), no checkpoints */
export function defaultAuditTrust(): AuditTrust {
  defaultKey ??= readAuditKey(loadConfig().audit);
  return { key: defaultKey, checkpoints: null };
}
