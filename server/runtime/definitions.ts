// Versioned definitions: one mutable draft, immutable published versions.
// Publishing checks everything first and stores nothing when anything is wrong.
import type { Clock } from '../domain/clock.js';
import { checkDefinitionBounds } from '../domain/definitions/bounds.js';
import { definitionHash } from '../domain/definitions/definition-hash.js';
import { draftConflict } from '../domain/definitions/draft-conflict.js';
import { publishProblems, type PublishCheckDeps } from '../domain/definitions/publish-checks.js';
import { fail, ok, type Result } from '../domain/result.js';
import type { DefinitionKind, DefinitionRecord, Store } from '../store/port.js';
import type { LevelDefinition } from '../domain/schema-types.gen.js';
import { storeRefs, type PendingRefs } from './definition-refs.js';
import { pinLevelModules } from './rule-modules.js';

export class Definitions {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly checks: PublishCheckDeps,
    /** told after each publish, so caches of this process (calendars) refresh at once */
    private readonly onPublished: (rec: DefinitionRecord) => void = () => {},
  ) {}

  /**
   * `baseHash`: the hash of the draft (else the latest version; null: nothing) the editor started from. A save whose
   * base is not what is stored now is refused (409) naming who saved the newer one; without it the save goes through
   * (scripts and older clients: last write wins).
   */
  async saveDraft(kind: DefinitionKind, key: string, body: unknown, actor: string, baseHash?: string | null): Promise<Result<DefinitionRecord>> {
    // before the hash or anything else reads the body: no request makes the server walk megabytes
    const bounded = checkDefinitionBounds(kind, key, body);
    if (!bounded.ok) return bounded;
    const now = this.clock.now();
    const rec: DefinitionRecord = { kind, key, version: 0, status: 'draft', body, hash: definitionHash(body), createdAt: now, createdBy: actor };
    const before = await this.store.getDefinition(kind, key, 'draft');
    if (baseHash !== undefined) {
      const current = before ?? (await this.store.getDefinition(kind, key, 'latest'));
      // nothing stored at all: no one's work can be lost
      if (current && current.hash !== baseHash && current.hash !== rec.hash) return this.conflict(current, actor, false);
    }
    await this.store.saveDraft(rec, [
      { at: now, actor, action: 'definition.draft', target: { type: kind, id: key }, before: before?.hash ?? null, after: rec.hash },
    ]);
    return ok(rec);
  }

  /** checks without storing: what the designer shows before the publish button; `pending`: seeds published together */
  async check(kind: DefinitionKind, key: string, body: unknown, pending?: PendingRefs): Promise<ReturnType<typeof publishProblems>> {
    const bounded = checkDefinitionBounds(kind, key, body);
    if (!bounded.ok) return bounded.error.details;
    return this.problemsOf(kind, key, body, pending);
  }

  /** seeding checks every file, then publishes it: the same body against the same seed set is checked once */
  private readonly seedChecks = new WeakMap<PendingRefs, WeakMap<object, Awaited<ReturnType<typeof publishProblems>>>>();

  private async problemsOf(kind: DefinitionKind, key: string, body: unknown, pending?: PendingRefs): Promise<ReturnType<typeof publishProblems>> {
    if (!pending || typeof body !== 'object' || body === null) return publishProblems(kind, key, body, this.checks, storeRefs(this.store, pending));
    let memo = this.seedChecks.get(pending);
    if (!memo) this.seedChecks.set(pending, (memo = new WeakMap()));
    const known = memo.get(body);
    if (known) return known;
    const problems = await publishProblems(kind, key, body, this.checks, storeRefs(this.store, pending));
    memo.set(body, problems);
    return problems;
  }

  /** publishes the draft (or the given body) as the next version */
  async publish(kind: DefinitionKind, key: string, actor: string, body?: unknown, pending?: PendingRefs): Promise<Result<DefinitionRecord>> {
    let content = body;
    if (content === undefined) {
      const draft = await this.store.getDefinition(kind, key, 'draft');
      if (!draft) return fail('definition.no_draft', `${kind}/${key} 没有可发布的草稿`);
      content = draft.body;
    }
    // a draft stored before the bounds existed is measured too
    const bounded = checkDefinitionBounds(kind, key, content);
    if (!bounded.ok) return bounded;
    const problems = await this.problemsOf(kind, key, content, pending);
    if (problems.length > 0) return fail('definition.invalid', `${kind}/${key} 有 ${problems.length} 处问题，未发布`, problems);
    // a level pins the policy module versions it is published with (a new module version changes it only when republished);
    // checked unpinned: the checks expand the latest published modules, which is what is pinned here
    if (kind === 'level' && typeof content === 'object' && content !== null && 'rules' in content) content = await pinLevelModules(this.store, content as LevelDefinition);
    const latest = await this.store.getDefinition(kind, key, 'latest');
    const hash = definitionHash(content);
    if (latest && latest.hash === hash) return fail('definition.unchanged', `${kind}/${key} 与第 ${latest.version} 版相同，无需发布`);
    const now = this.clock.now();
    const rec: DefinitionRecord = { kind, key, version: (latest?.version ?? 0) + 1, status: 'published', body: content, hash, createdAt: now, createdBy: actor };
    const res = await this.store.insertPublished(rec, [
      { at: now, actor, action: 'definition.publish', target: { type: kind, id: key }, before: latest ? { version: latest.version, hash: latest.hash } : null, after: { version: rec.version, hash } },
    ]);
    if (!res.ok) return fail('definition.conflict', `${kind}/${key} 刚被他人发布了新版本，请刷新后重试`);
    if (body === undefined) await this.store.deleteDraft(kind, key);
    this.onPublished(rec);
    return ok(rec);
  }

  /** a publish of a draft that changed since the editor's last save (`baseHash`) is refused, naming who changed it */
  async draftChangedSince(kind: DefinitionKind, key: string, baseHash: string, actor: string): Promise<Result<void>> {
    const draft = await this.store.getDefinition(kind, key, 'draft');
    if (!draft || draft.hash === baseHash) return ok(undefined);
    return this.conflict(draft, actor, true);
  }

  private async conflict(newer: DefinitionRecord, actor: string, publishing: boolean): Promise<Result<never>> {
    const byName = newer.createdBy.startsWith('system:') ? '初始配置' : ((await this.store.getUser(newer.createdBy))?.name ?? newer.createdBy);
    const c = draftConflict({ what: newer.status === 'draft' ? 'draft' : newer.version, byName, bySelf: newer.createdBy === actor, at: newer.createdAt }, publishing);
    return fail('definition.draft_conflict', c.message, c.details);
  }

  /** the bounds alone: the check route refuses a body over them (422) instead of listing its problems */
  bounds(kind: DefinitionKind, key: string, body: unknown): Result<void> {
    return checkDefinitionBounds(kind, key, body);
  }

  get<B = unknown>(kind: DefinitionKind, key: string, version: number | 'latest' | 'draft'): Promise<DefinitionRecord<B> | null> {
    return this.store.getDefinition<B>(kind, key, version);
  }
}
