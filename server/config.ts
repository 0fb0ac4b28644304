// Configuration comes from the environment only; defaults give a working embedded store.
import { basename, dirname, join, resolve } from 'node:path';

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
  audit: AuditConfig;
  notifications: NotificationConfig;
  certificates: CertificateKeyConfig;
  /** EXCHANGE_ENDPOINTS: the data-exchange receivers, a JSON array or the path of a JSON file (runtime/exchange/endpoints.ts) */
  exchangeEndpoints?: string;
  /** CERT_FONT_FILE: a CJK font (TTF/OTF/TTC) for the certificate PDF; default the first common Debian CJK font found */
  certificateFontFile?: string;
  /** PUBLIC_BASE_URL: the address people reach the platform at (QR links); default the request's origin */
  publicBaseUrl?: string;
}

/** The Ed25519 keys that sign e-certificates; outside DATA_DIR like the audit key. */
export interface CertificateKeyConfig {
  /** CERT_PRIVATE_KEY: the current signing key (PKCS#8 PEM), e.g. from a secret store; the file's keys stay published */
  privateKey?: string;
  /** CERT_KEY_FILE; default `<DATA_DIR>-keys/certificate-keys.json`, created on first start only when it is the default */
  keyFile: string;
  keyFileIsDefault: boolean;
}

/** Where e-mail and SMS go; a channel without its setting is off (its deliveries end as dead with the reason). */
export interface NotificationConfig {
  /** SMTP_URL: smtp://user:pass@host:port (smtps:// for TLS) */
  smtpUrl?: string;
  /** MAIL_FROM: the sender, e.g. "职称评审平台 <noreply@example.cn>" */
  mailFrom: string;
  /** SMS_WEBHOOK_URL: the provider's endpoint receiving POST {to, text, id} */
  smsWebhookUrl?: string;
  /** SMS_WEBHOOK_SECRET: HMAC-SHA256 key of the body, sent as X-Signature */
  smsWebhookSecret?: string;
}

/** The audit chain's HMAC key and its signed checkpoints: both outside DATA_DIR, so writing the store is not enough. */
export interface AuditConfig {
  /** AUDIT_KEY: the key itself (at least 32 characters), e.g. from a secret store */
  key?: string;
  /** AUDIT_KEY_FILE; default `<DATA_DIR>-audit/audit-key`, created on first start only when it is the default */
  keyFile: string;
  keyFileIsDefault: boolean;
  /** AUDIT_CHECKPOINT_FILE: append-only; default `<DATA_DIR>-audit/audit-checkpoints.ndjson` */
  checkpointFile: string;
}

/** the folder beside DATA_DIR (`./data` → `./data-audit`) */
export function auditConfigFrom(env: NodeJS.ProcessEnv, dataDir: string): AuditConfig {
  const beside = join(dirname(dataDir), `${basename(dataDir)}-audit`);
  return {
    ...(env.AUDIT_KEY ? { key: env.AUDIT_KEY } : {}),
    keyFile: resolve(env.AUDIT_KEY_FILE ?? join(beside, 'audit-key')),
    keyFileIsDefault: !env.AUDIT_KEY_FILE,
    checkpointFile: resolve(env.AUDIT_CHECKPOINT_FILE ?? join(beside, 'audit-checkpoints.ndjson')),
  };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const root = resolve(import.meta.dirname, '..');
  const dataDir = resolve(env.DATA_DIR ?? resolve(root, 'data'));
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '127.0.0.1',
    dataDir,
    ...(env.MONGODB_URL ? { mongodbUrl: env.MONGODB_URL } : {}),
    ...(env.SESSION_SECRET ? { sessionSecret: env.SESSION_SECRET } : {}),
    logLevel: env.LOG_LEVEL ?? 'info',
    designerDir: resolve(root, 'designer', 'dist'),
    bodyLimitBytes: Number(env.BODY_LIMIT_BYTES ?? 1_048_576),
    uploadLimitBytes: Number(env.UPLOAD_LIMIT_BYTES ?? 20 * 1_048_576),
    schedulerIntervalMs: Number(env.SCHEDULER_INTERVAL_MS ?? 5_000),
    audit: auditConfigFrom(env, dataDir),
    certificates: {
      ...(env.CERT_PRIVATE_KEY ? { privateKey: env.CERT_PRIVATE_KEY } : {}),
      keyFile: resolve(env.CERT_KEY_FILE ?? join(dirname(dataDir), `${basename(dataDir)}-keys`, 'certificate-keys.json')),
      keyFileIsDefault: !env.CERT_KEY_FILE,
    },
    ...(env.CERT_FONT_FILE ? { certificateFontFile: resolve(env.CERT_FONT_FILE) } : {}),
    ...(env.PUBLIC_BASE_URL ? { publicBaseUrl: env.PUBLIC_BASE_URL } : {}),
    ...(env.EXCHANGE_ENDPOINTS ? { exchangeEndpoints: env.EXCHANGE_ENDPOINTS } : {}),
    notifications: {
      ...(env.SMTP_URL ? { smtpUrl: env.SMTP_URL } : {}),
      mailFrom: env.MAIL_FROM ?? '职称申报评审平台 <noreply@localhost>',
      ...(env.SMS_WEBHOOK_URL ? { smsWebhookUrl: env.SMS_WEBHOOK_URL } : {}),
      ...(env.SMS_WEBHOOK_SECRET ? { smsWebhookSecret: env.SMS_WEBHOOK_SECRET } : {}),
    },
  };
}

export const REPO_ROOT = resolve(import.meta.dirname, '..');
