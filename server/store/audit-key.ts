// The audit chain's HMAC key: AUDIT_KEY, or the file AUDIT_KEY_FILE, or — for the embedded default only — a file
// beside DATA_DIR created on first start (the same pattern as the session secret, but outside the data folder, so
// that a copy or a write of the data folder does not carry the key with it).
import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AuditConfig } from '../config.js';
import type { AuditKey } from '../domain/audit/chain.js';

const MIN_KEY_CHARS = 32;

function checked(text: string, where: string): AuditKey {
  if (text.length < MIN_KEY_CHARS) throw new Error(`审计密钥（${where}）至少 ${MIN_KEY_CHARS} 个字符`);
  return Buffer.from(text, 'utf8');
}

/** writes a fresh key under a temporary name and links it into place: two processes starting at once agree on one */
function createKeyFile(file: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(tmp, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600 });
  try {
    linkSync(tmp, file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  } finally {
    unlinkSync(tmp);
  }
}

export function readAuditKey(cfg: AuditConfig): AuditKey {
  if (cfg.key !== undefined) return checked(cfg.key, 'AUDIT_KEY');
  if (!existsSync(cfg.keyFile)) {
    if (!cfg.keyFileIsDefault) throw new Error(`审计密钥文件 ${cfg.keyFile} 不存在（AUDIT_KEY_FILE）`);
    createKeyFile(cfg.keyFile);
  }
  return checked(readFileSync(cfg.keyFile, 'utf8').trim(), cfg.keyFile);
}
