// Moves a whole store through a folder, whatever the adapters: the embedded SQLite store up to MongoDB, or back.
//
// The folder: manifest.json (format, source, counts), one NDJSON file per kind of record, and files/<sha-256>.
// Sessions are not moved (everyone signs in again). Audit records are moved verbatim (seq, prevHash and hash
// kept), so the chain verifies after the move exactly as before it — under the same audit key, which the target
// must be given (AUDIT_KEY / AUDIT_KEY_FILE); the target's checkpoints are written after the import.
import { once } from 'node:events';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { ChainVerdict } from '../../domain/audit/chain.js';
import { adoptAuditChain } from '../../store/audit-adopt.js';
import { verifyAuditLog } from '../../store/verify-audit.js';
import type { Application, AuditEntry, Org, User } from '../../domain/schema-types.gen.js';
import type { DefinitionRecord, FileMeta, Store, StoredRecord } from '../../store/port.js';
import type { DeliveryRow, NotificationRecord } from '../../domain/notifications/types.js';

export const FORMAT = 'zhicheng-store-export';
export const KINDS = ['definitions', 'orgs', 'users', 'applications', 'counters', 'idempotency', 'files', 'notifications', 'deliveries', 'records', 'audit'] as const;
export type Kind = (typeof KINDS)[number];
export type Counts = Record<Kind, number>;

export interface Manifest {
  format: typeof FORMAT;
  version: 1;
  exportedAt: string;
  source: Store['kind'];
  counts: Counts;
  /** hash of the last audit record: the chain the target must end on */
  auditHead: { seq: number; hash: string } | null;
}

const PAGE = 500;
const zero = (): Counts => ({ definitions: 0, orgs: 0, users: 0, applications: 0, counters: 0, idempotency: 0, files: 0, notifications: 0, deliveries: 0, records: 0, audit: 0 });

/** the optional transfer methods of the port; an adapter without them cannot take part in a move */
function required<T>(fn: T | undefined, store: Store, name: string): T {
  if (!fn) throw new Error(`the ${store.kind} store has no ${name}: it is needed to move a store`);
  return fn;
}

// ---- walking a store through the port ----
async function* definitions(store: Store): AsyncGenerator<DefinitionRecord> {
  for (const s of await store.listDefinitions()) {
    for (const v of [...(await store.listVersions(s.kind, s.key))].reverse()) yield v;
    if (s.hasDraft) {
      const d = await store.getDefinition(s.kind, s.key, 'draft');
      if (d) yield d;
    }
  }
}

async function* applications(store: Store): AsyncGenerator<Application> {
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.listApplications({ offset, limit: PAGE });
    for (const a of page.items) yield a;
    if (page.items.length < PAGE) return;
  }
}

async function* deliveries(store: Store): AsyncGenerator<DeliveryRow> {
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.listDeliveries({ offset, limit: PAGE });
    for (const d of page.items) yield d;
    if (page.items.length < PAGE) return;
  }
}

async function* audit(store: Store): AsyncGenerator<AuditEntry> {
  for (let from = 1; ; ) {
    const page = await store.listAudit(from, PAGE);
    for (const r of page) yield r;
    if (page.length < PAGE) return;
    from = page[page.length - 1]!.seq + 1;
  }
}

/** counts what a store holds, the way an export would see it */
export async function countStore(store: Store): Promise<Counts> {
  const c = zero();
  for await (const _ of definitions(store)) c.definitions += 1;
  c.orgs = (await store.listOrgs()).length;
  c.users = (await store.listUsers()).length;
  c.applications = (await store.listApplications({ limit: 1 })).total;
  c.counters = (await required(store.listCounters?.bind(store), store, 'listCounters')()).length;
  c.idempotency = (await required(store.listIdempotency?.bind(store), store, 'listIdempotency')()).length;
  c.files = (await required(store.listFiles?.bind(store), store, 'listFiles')()).length;
  c.notifications = (await required(store.listAllNotifications?.bind(store), store, 'listAllNotifications')()).length;
  c.deliveries = (await store.listDeliveries({ limit: 1 })).total;
  c.records = (await required(store.listAllRecords?.bind(store), store, 'listAllRecords')()).length;
  c.audit = await store.auditCount();
  return c;
}

/** walks the whole audit chain of a store with its key (and its checkpoints, when it has them) */
export async function verifyStoreChain(store: Store): Promise<ChainVerdict & { head: { seq: number; hash: string } | null }> {
  const { head, ...verdict } = await verifyAuditLog(store, PAGE);
  return { ...verdict, head: head ?? null };
}

// ---- export ----
async function writeLine(out: WriteStream, value: unknown): Promise<void> {
  if (!out.write(`${JSON.stringify(value)}\n`)) await once(out, 'drain');
}

async function closeStream(out: WriteStream): Promise<void> {
  out.end();
  await once(out, 'finish');
}

export async function exportStore(store: Store, dir: string, now = new Date().toISOString()): Promise<Manifest> {
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new Error(`${dir} is not empty`);
  mkdirSync(join(dir, 'files'), { recursive: true });
  const counts = zero();
  const stream = (kind: Kind) => createWriteStream(join(dir, `${kind}.ndjson`));
  const dump = async <T>(kind: Kind, items: AsyncIterable<T> | Iterable<T>) => {
    const out = stream(kind);
    for await (const item of items) {
      await writeLine(out, item);
      counts[kind] += 1;
    }
    await closeStream(out);
  };
  await dump('definitions', definitions(store));
  await dump('orgs', await store.listOrgs());
  await dump('users', await store.listUsers());
  await dump('applications', applications(store));
  await dump('counters', await required(store.listCounters?.bind(store), store, 'listCounters')());
  await dump('idempotency', await required(store.listIdempotency?.bind(store), store, 'listIdempotency')());
  const files = await required(store.listFiles?.bind(store), store, 'listFiles')();
  for (const f of files) {
    const got = await store.getFile(f.hash);
    if (!got) throw new Error(`file ${f.hash} (${f.name}) has metadata but no bytes`);
    writeFileSync(join(dir, 'files', f.hash), got.bytes);
  }
  await dump('files', files);
  await dump('notifications', await required(store.listAllNotifications?.bind(store), store, 'listAllNotifications')());
  await dump('deliveries', deliveries(store));
  await dump('records', await required(store.listAllRecords?.bind(store), store, 'listAllRecords')());
  let auditHead: Manifest['auditHead'] = null;
  const out = stream('audit');
  for await (const r of audit(store)) {
    await writeLine(out, r);
    counts.audit += 1;
    auditHead = { seq: r.seq, hash: r.hash };
  }
  await closeStream(out);
  const manifest: Manifest = { format: FORMAT, version: 1, exportedAt: now, source: store.kind, counts, auditHead };
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

// ---- import ----
async function* readLines<T>(dir: string, kind: Kind): AsyncGenerator<T> {
  const file = join(dir, `${kind}.ndjson`);
  if (!existsSync(file)) return;
  const rl = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of rl) if (line.trim()) yield JSON.parse(line) as T;
}

export function readManifest(dir: string): Manifest {
  const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  if (m.format !== FORMAT || m.version !== 1) throw new Error(`${dir} is not a store export (manifest.json format ${String(m.format)})`);
  // an export made before notifications were stored has no count for them: none
  return { ...m, counts: { ...zero(), ...m.counts } };
}

export interface ImportReport {
  manifest: Manifest;
  imported: Counts;
  /** counted back from the target store after the import */
  target: Counts;
  mismatches: string[];
  chain: ChainVerdict;
  ok: boolean;
}

const fail = (what: string, r: { ok: boolean; message?: string }): never => {
  throw new Error(`${what}: ${r.message ?? 'refused'}`);
};

/** loads an export into an empty store, then counts it back and verifies the audit chain */
export async function importStore(store: Store, dir: string): Promise<ImportReport> {
  const manifest = readManifest(dir);
  const importAudit = required(store.importAudit?.bind(store), store, 'importAudit');
  const before = await countStore(store);
  const nonEmpty = KINDS.filter((k) => before[k] > 0);
  if (nonEmpty.length) throw new Error(`the target ${store.kind} store is not empty (${nonEmpty.map((k) => `${k}: ${before[k]}`).join(', ')})`);

  const imported = zero();
  for await (const o of readLines<Org>(dir, 'orgs')) (await store.upsertOrg(o), (imported.orgs += 1));
  for await (const d of readLines<DefinitionRecord>(dir, 'definitions')) {
    const r = d.version === 0 ? await store.saveDraft(d, []) : await store.insertPublished(d, []);
    if (!r.ok) fail(`definition ${d.kind}/${d.key} v${d.version}`, r);
    imported.definitions += 1;
  }
  for await (const u of readLines<User>(dir, 'users')) {
    const r = await store.insertUser(u, []);
    if (!r.ok) fail(`user ${u.id}`, r);
    imported.users += 1;
  }
  for await (const a of readLines<Application>(dir, 'applications')) {
    const r = await store.insertApplication(a, []);
    if (!r.ok) fail(`application ${a.id}`, r);
    imported.applications += 1;
  }
  for await (const c of readLines<{ key: string; value: number }>(dir, 'counters')) {
    const r = await store.adjustCounter(c.key, c.value, null);
    if (!r.ok || r.value !== c.value) throw new Error(`counter ${c.key}: could not set ${c.value}`);
    imported.counters += 1;
  }
  for await (const k of readLines<{ key: string; value: string }>(dir, 'idempotency')) {
    await store.rememberOnce(k.key, k.value);
    imported.idempotency += 1;
  }
  for await (const f of readLines<FileMeta>(dir, 'files')) {
    const bytes = readFileSync(join(dir, 'files', f.hash));
    const m = await store.putFile(bytes, { mime: f.mime, name: f.name, createdAt: f.createdAt, createdBy: f.createdBy });
    if (m.hash !== f.hash) throw new Error(`file ${f.name}: content hash ${m.hash} is not the exported ${f.hash}`);
    imported.files += 1;
  }
  // notifications with their read marks, then the delivery queue as it stood (sent stays sent)
  const importNotifications = required(store.importNotifications?.bind(store), store, 'importNotifications');
  let notes: NotificationRecord[] = [];
  for await (const n of readLines<NotificationRecord>(dir, 'notifications')) {
    notes.push(n);
    imported.notifications += 1;
    if (notes.length >= PAGE) (await importNotifications(notes, []), (notes = []));
  }
  if (notes.length) await importNotifications(notes, []);
  let rows: DeliveryRow[] = [];
  for await (const d of readLines<DeliveryRow>(dir, 'deliveries')) {
    rows.push(d);
    imported.deliveries += 1;
    if (rows.length >= PAGE) (await importNotifications([], rows), (rows = []));
  }
  if (rows.length) await importNotifications([], rows);
  const importRecords = required(store.importRecords?.bind(store), store, 'importRecords');
  let recs: StoredRecord[] = [];
  for await (const r of readLines<StoredRecord>(dir, 'records')) {
    recs.push(r);
    imported.records += 1;
    if (recs.length >= PAGE) (await importRecords(recs), (recs = []));
  }
  if (recs.length) await importRecords(recs);
  let batch: AuditEntry[] = [];
  for await (const r of readLines<AuditEntry>(dir, 'audit')) {
    batch.push(r);
    imported.audit += 1;
    if (batch.length >= PAGE) (await importAudit(batch), (batch = []));
  }
  if (batch.length) await importAudit(batch);
  // the target's checkpoint file (when it has one) learns the imported chain: its legacy prefix and head
  await adoptAuditChain(store);

  const target = await countStore(store);
  const mismatches = KINDS.filter((k) => target[k] !== manifest.counts[k] || imported[k] !== manifest.counts[k]).map(
    (k) => `${k}: exported ${manifest.counts[k]}, imported ${imported[k]}, in the target ${target[k]}`,
  );
  const chain = await verifyStoreChain(store);
  const headOk =
    (chain.head === null && manifest.auditHead === null) ||
    (chain.head !== null && manifest.auditHead !== null && chain.head.seq === manifest.auditHead.seq && chain.head.hash === manifest.auditHead.hash);
  if (!headOk) mismatches.push(`audit head: exported ${JSON.stringify(manifest.auditHead)}, in the target ${JSON.stringify(chain.head)}`);
  const { head: _h, ...verdict } = chain;
  return { manifest, imported, target, mismatches, chain: verdict, ok: mismatches.length === 0 && chain.ok };
}

export function formatReport(r: ImportReport, targetKind: Store['kind']): string {
  const lines = [`store import (${r.manifest.source} → ${targetKind}), exported ${r.manifest.exportedAt}`];
  for (const k of KINDS) lines.push(`  ${k.padEnd(13)} exported ${String(r.manifest.counts[k]).padStart(7)}  in target ${String(r.target[k]).padStart(7)}`);
  lines.push(r.chain.ok ? `  audit chain   verifies (${r.chain.count} records)` : `  audit chain   BROKEN at ${r.chain.brokenSeq}: ${r.chain.reason}`);
  for (const m of r.mismatches) lines.push(`  MISMATCH ${m}`);
  lines.push(r.ok ? 'OK: nothing lost' : 'FAILED');
  return lines.join('\n');
}
