// npm run audit:verify — walks the whole audit chain of the configured store with the audit key, checks it against
// the signed checkpoints, and names the first bad record. Looks only: it never seals or writes a checkpoint.
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../config.js';
import { openStore } from '../store/open-store.js';
import { verifyAuditLog, type AuditSource } from '../store/verify-audit.js';

/** the verdict as one line of Chinese, and the exit code */
export async function auditVerifyReport(store: AuditSource, pageSize = 1000): Promise<{ exitCode: 0 | 1; line: string }> {
  const v = await verifyAuditLog(store, pageSize);
  if (v.ok) return { exitCode: 0, line: `审计链完整：${v.count} 条记录` };
  if (v.brokenSeq === undefined) return { exitCode: 1, line: `审计链不可信：${v.reason}；已核对 ${v.count} 条记录` };
  return { exitCode: 1, line: `审计链已损坏：第 ${v.brokenSeq} 条记录有误（${v.reason}）；此前 ${v.count} 条完好` };
}

async function main(): Promise<void> {
  const store = await openStore(loadConfig(), { adoptAuditChain: false });
  try {
    const { exitCode, line } = await auditVerifyReport(store);
    (exitCode === 0 ? console.log : console.error)(line);
    process.exitCode = exitCode;
  } finally {
    await store.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void main();
