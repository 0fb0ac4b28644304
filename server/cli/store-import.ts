// npm run store:import -- --in <folder>
// Loads a store export into the store the configuration chooses (MONGODB_URL when set, else DATA_DIR), which must
// be empty; then counts everything back, verifies the audit chain end to end, and prints a summary.
// Exit code 1 when anything does not match.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { openStore } from '../store/open-store.js';
import { formatReport, importStore } from './lib/store-transfer.js';

const { values } = parseArgs({ options: { in: { type: 'string', short: 'i' } } });
if (!values.in) {
  console.error('usage: MONGODB_URL=mongodb://… npm run store:import -- --in <export folder>');
  process.exit(2);
}
const cfg = loadConfig();
const store = await openStore({ dataDir: cfg.dataDir, ...(cfg.mongodbUrl ? { mongodbUrl: cfg.mongodbUrl } : {}), audit: cfg.audit });
try {
  const report = await importStore(store, resolve(values.in));
  console.log(formatReport(report, store.kind));
  if (!report.ok) process.exitCode = 1;
} catch (e) {
  console.error(`import failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
} finally {
  await store.close();
}
