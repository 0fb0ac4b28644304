// The certificate signing keys: a JSON file of Ed25519 keys outside DATA_DIR (created on first start for the
// embedded default, like the audit key), and optionally the current key from CERT_PRIVATE_KEY. Rotation adds a key
// and makes it current; older keys stay in the file, so their public halves stay published and old certificates
// still verify. The file is re-read when it changes, so every process picks up a rotation.
import { createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { loadConfig, type CertificateKeyConfig } from '../../config.js';
import { publicJwkOf, signingKeyFromPem, type Jwks, type SigningKey } from '../../domain/certificates/signature.js';

interface KeyFile {
  current: string;
  keys: { kid: string; createdAt: string; privateKeyPem: string }[];
}

export interface KeyRing {
  current: SigningKey;
  /** every key that still verifies, current first */
  jwks: Jwks;
}

function newKey(createdAt: string): KeyFile['keys'][number] {
  const { privateKey } = generateKeyPairSync('ed25519');
  const privateKeyPem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  return { kid: signingKeyFromPem(privateKeyPem).kid, createdAt, privateKeyPem };
}

function writeAtomically(file: string, body: KeyFile, exclusive: boolean): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(body, null, 2)}\n`, { mode: 0o600 });
  try {
    // first start: link, so two processes starting at once agree on one key; rotation: replace
    if (exclusive) linkSync(tmp, file);
    else renameSync(tmp, file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  } finally {
    if (existsSync(tmp)) unlinkSync(tmp);
  }
}

function readKeyFile(file: string): KeyFile {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as KeyFile;
  if (!Array.isArray(parsed.keys) || parsed.keys.length === 0 || typeof parsed.current !== 'string') throw new Error(`证书密钥文件 ${file} 格式不正确`);
  return parsed;
}

const cache = new Map<string, { stamp: string; ring: KeyRing }>();

function ringOf(cfg: CertificateKeyConfig, file: KeyFile | null): KeyRing {
  const fileKeys = (file?.keys ?? []).map((k) => signingKeyFromPem(k.privateKeyPem));
  const fromEnv = cfg.privateKey ? signingKeyFromPem(cfg.privateKey) : null;
  const current = fromEnv ?? fileKeys.find((k) => k.kid === file?.current);
  if (!current) throw new Error(`证书密钥文件 ${cfg.keyFile} 中没有当前密钥 ${file?.current ?? ''}`);
  const all = [current, ...fileKeys.filter((k) => k.kid !== current.kid)];
  return { current, jwks: { keys: all.map((k) => publicJwkOf(createPublicKey(k.privateKey))) } };
}

/** the configured keys, creating the default key file on first use */
export function certificateKeyRing(cfg: CertificateKeyConfig = loadConfig().certificates): KeyRing {
  if (!existsSync(cfg.keyFile)) {
    if (cfg.privateKey) return ringOf(cfg, null);
    if (!cfg.keyFileIsDefault) throw new Error(`证书密钥文件 ${cfg.keyFile} 不存在（CERT_KEY_FILE）`);
    const first = newKey(new Date().toISOString()); // metadata only: nothing depends on it
    writeAtomically(cfg.keyFile, { current: first.kid, keys: [first] }, true);
  }
  const st = statSync(cfg.keyFile);
  const stamp = `${st.mtimeMs}:${st.size}:${st.ino}:${cfg.privateKey ?? ''}`;
  const hit = cache.get(cfg.keyFile);
  if (hit && hit.stamp === stamp) return hit.ring;
  const ring = ringOf(cfg, readKeyFile(cfg.keyFile));
  cache.set(cfg.keyFile, { stamp, ring });
  return ring;
}

/** adds a fresh key and makes it current; returns its kid. `createdAt` is the caller's clock */
export function rotateCertificateKey(keyFile: string, createdAt: string): string {
  const file: KeyFile = existsSync(keyFile) ? readKeyFile(keyFile) : { current: '', keys: [] };
  const key = newKey(createdAt);
  writeAtomically(keyFile, { current: key.kid, keys: [...file.keys, key] }, false);
  return key.kid;
}
