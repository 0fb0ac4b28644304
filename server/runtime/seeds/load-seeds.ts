// Start-up seeding: on an empty store, every seed file becomes version 1 of its definition.
// Each file is checked against its meta-schema (and publish checks) first; one bad file stops
// start-up with its path, the JSON pointer and the reason, and nothing is stored.
import { hashPassword } from '../../auth/password.js';
import type { Clock } from '../../domain/clock.js';
import type { MetaValidator } from '../../domain/definitions/meta-validator.js';
import type { Org, User } from '../../domain/schema-types.gen.js';
import type { Store } from '../../store/port.js';
import type { PendingRefs } from '../definition-refs.js';
import type { Definitions } from '../definitions.js';
import { join } from 'node:path';
import { readSeedFiles, SeedFileError, type SeedFiles } from './read-seed-files.js';
import { loadExperts } from './load-experts.js';

export interface SeedReport {
  loaded: number;
  skipped: number;
  orgs: number;
  users: number;
}

interface SeedUser extends Omit<User, 'passwordHash' | 'version' | 'createdAt'> {
  password: string;
}

const SYSTEM = 'system:seed';

/** Throws SeedFileError for the first bad file, listing every problem of that file. */
/** the seed files reference each other: checked as if all were published, since all are (or none) */
const pendingSets = new WeakMap<SeedFiles, PendingRefs>();
function pendingOf(files: SeedFiles): PendingRefs {
  let set = pendingSets.get(files);
  if (!set) pendingSets.set(files, (set = { definitions: files.definitions, orgs: files.orgs.items as Org[] }));
  return set;
}

export async function checkSeeds(files: SeedFiles, meta: MetaValidator, definitions: Definitions): Promise<void> {
  for (const d of files.definitions) {
    const problems = await definitions.check(d.kind, d.key, d.body, pendingOf(files));
    if (problems.length > 0) {
      throw new SeedFileError(d.path, problems[0]!.pointer ?? problems[0]!.elementId ?? '', problems.map((p) => `${p.pointer ?? p.elementId ?? ''} ${p.message}`.trim()).join('；'));
    }
  }
  files.orgs.items.forEach((o, i) => {
    const problems = meta.validate('org', o);
    if (problems.length > 0) throw new SeedFileError(files.orgs.path, `/${i}${problems[0]!.pointer ?? ''}`, problems[0]!.message);
  });
  files.users.items.forEach((u, i) => {
    const { password, ...rest } = u as SeedUser;
    const problems = meta.validate('user', { ...rest, version: 1, createdAt: '2000-01-01T00:00:00.000Z' });
    if (typeof password !== 'string') problems.unshift({ code: 'seed.password', message: '演示账号须有 password', pointer: '/password' });
    if (problems.length > 0) throw new SeedFileError(files.users.path, `/${i}${problems[0]!.pointer ?? ''}`, problems[0]!.message);
  });
}

export interface LoadSeedsOptions {
  root: string;
  store: Store;
  clock: Clock;
  meta: MetaValidator;
  definitions: Definitions;
  seedsDir?: string;
  workflowsDir?: string;
  /** tests hash the demo passwords cheaply; production uses the default cost */
  hashPassword?: (password: string) => Promise<string>;
}

export async function loadSeeds(opts: LoadSeedsOptions): Promise<SeedReport> {
  const files = readSeedFiles(opts.root, opts.seedsDir, opts.workflowsDir);
  await checkSeeds(files, opts.meta, opts.definitions);
  const report: SeedReport = { loaded: 0, skipped: 0, orgs: 0, users: 0 };
  const orgs = files.orgs.items as Org[];
  const known = new Map((await opts.store.listOrgs()).map((o) => [o.id, JSON.stringify(o)]));
  // an org already stored as it is in the file is not a change and is not written again
  const changed = orgs.filter((o) => known.get(o.id) !== JSON.stringify(o));
  for (const o of changed) await opts.store.upsertOrg(o);
  if (changed.length > 0) {
    await opts.store.appendAudit(changed.map((o) => ({ at: opts.clock.now(), actor: SYSTEM, action: 'org.seed', target: { type: 'org', id: o.id }, after: { name: o.name, kind: o.kind } })));
  }
  report.orgs = changed.length;
  for (const d of files.definitions) {
    // loading twice loads nothing twice: an existing definition keeps its versions
    if (await opts.store.getDefinition(d.kind, d.key, 'latest')) {
      report.skipped += 1;
      continue;
    }
    const res = await opts.definitions.publish(d.kind, d.key, SYSTEM, d.body, pendingOf(files));
    if (!res.ok) throw new SeedFileError(d.path, res.error.details[0]?.pointer ?? '', res.error.message);
    report.loaded += 1;
  }
  for (const item of files.users.items as SeedUser[]) {
    const { password, ...rest } = item;
    if (await opts.store.findUserByLogin(rest.login)) continue;
    const user: User = { ...rest, passwordHash: await (opts.hashPassword ?? hashPassword)(password), version: 1, createdAt: opts.clock.now() };
    await opts.store.insertUser(user, [{ at: opts.clock.now(), actor: SYSTEM, action: 'user.seed', target: { type: 'user', id: user.id }, after: { login: user.login, roles: user.roles } }]);
    report.users += 1;
  }
  // the 专家库 after the committees and the accounts its experts sign in with
  await loadExperts(opts.store, opts.clock, opts.seedsDir ?? join(opts.root, 'seeds'));
  return report;
}
