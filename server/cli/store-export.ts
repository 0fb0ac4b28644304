// npm run store:export -- --out <folder>
// Writes the whole embedded store (DATA_DIR, default ./data) to a folder: NDJSON per kind of record, the files,
// and a manifest with the counts and the audit chain's head. Sessions are not exported.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { openStore } from '../store/open-store.js';
import { exportStore, KINDS, verifyStoreChain } from './lib/store-transfer.js';

const { values } = parseArgs({ options: { out: { type: 'string', short: 'o' } } });
if (!values.out) {
  console.error('usage: npm run store:export -- --out <empty or new folder>   (reads DATA_DIR, default ./data)');
  process.exit(2);
}
const cfg = loadConfig();
const out = resolve(values.out);
// the embedded store whatever MONGODB_URL says, checked with the configured audit key and checkpoints
const store = await openStore({ dataDir: cfg.dataDir, audit: cfg.audit });
try {
  const chain = await verifyStoreChain(store);
  if (!chain.ok) {
    console.error(`the audit chain in ${cfg.dataDir} does not verify (record ${chain.brokenSeq}: ${chain.reason}); nothing exported`);
    process.exitCode = 1;
  } else {
    const m = await exportStore(store, out);
    console.log(`exported ${cfg.dataDir} (${m.source}) to ${out}`);
    for (const k of KINDS) console.log(`  ${k.padEnd(13)} ${String(m.counts[k]).padStart(7)}`);
    console.log(`  audit head    ${m.auditHead ? `#${m.auditHead.seq} ${m.auditHead.hash}` : '(empty)'}`);
  }
} finally {
  await store.close();
}
