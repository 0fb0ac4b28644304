// C1 on MongoDB: one application per person per year per grade. FerretDB 1.x has no partial indexes, and a unique
// index over (applicant, year, grade) would also count drafts and withdrawn ones, so the key is a claim document
// whose `_id` is the key (inserting under a unique `_id` is atomic on MongoDB and FerretDB alike).
//
// A write that makes an application hold the key inserts the claim first; a duplicate means another application
// holds it — unless that claim is stale: its holder does not hold the key and has already reached (or passed) the
// version the claim was taken for, i.e. that write lost or a later one released it; or the claim is older than the
// write-claim timeout (a writer that died before writing). A write that releases the key (withdrawn) deletes the
// claim after it succeeded; a crash in between leaves a claim that is stale by the rule above.
import type { Collection, Document } from 'mongodb';
import { heldOnePerYearKey } from '../../domain/applications/one-per-year.js';
import type { Application } from '../../domain/schema-types.gen.js';
import type { WriteResult } from '../port.js';
import { isDuplicateKey } from './audit-outbox.js';

interface ClaimDoc {
  _id: string;
  appId: string;
  /** the application version whose write took the claim */
  forVersion: number;
  at: number;
}

type KeyFields = Pick<Application, 'applicantId' | 'status' | 'grade' | 'campaignYear'>;
export const KEY_PROJECTION = { applicantId: 1, status: 1, grade: 1, campaignYear: 1, version: 1 } as const;

export const ONE_PER_YEAR_TAKEN = '同一人同一年度同一层级已有一份已提交的申报';

export class OnePerYearClaims {
  constructor(
    private readonly claims: Collection<ClaimDoc>,
    private readonly applications: Collection<Document & { _id: string }>,
    private readonly abandonedAfterMs: number,
  ) {}

  /**
   * Runs the write of `app` (insert when `inserting`) holding the claims it needs: 'duplicate' without writing when
   * another application holds the key, and the claim the stored version held released once the write succeeded.
   * `stored`: the stored document's KEY_PROJECTION fields when the caller has read them already.
   */
  async guard(app: Application, inserting: boolean, write: () => Promise<WriteResult>, stored?: Document | null): Promise<WriteResult> {
    const before = inserting ? null : stored !== undefined ? stored : await this.applications.findOne({ _id: app.id }, { projection: KEY_PROJECTION });
    const had = before ? heldOnePerYearKey(before as unknown as KeyFields) : null;
    const want = heldOnePerYearKey(app);
    if (want !== null && want !== had && !(await this.take(want, app.id, app.version))) {
      return { ok: false, code: 'duplicate', message: ONE_PER_YEAR_TAKEN };
    }
    // a claim taken for a write that then lost is stale by version: no clean-up needed here
    const res = await write();
    if (res.ok && had !== null && had !== want) await this.claims.deleteOne({ _id: had, appId: app.id });
    return res;
  }

  private async take(key: string, appId: string, forVersion: number): Promise<boolean> {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        await this.claims.insertOne({ _id: key, appId, forVersion, at: Date.now() });
        return true;
      } catch (e) {
        if (!isDuplicateKey(e)) throw e;
      }
      const held = await this.claims.findOne({ _id: key });
      if (!held) continue; // released in the meantime
      // a concurrent write of the same version of the same application: the version guard lets one of them through
      if (held.appId === appId && held.forVersion === forVersion) return true;
      if (!(await this.isStale(held))) return held.appId === appId;
      await this.claims.deleteOne({ _id: key, appId: held.appId, at: held.at });
    }
    return false;
  }

  private async isStale(c: ClaimDoc): Promise<boolean> {
    const holder = await this.applications.findOne({ _id: c.appId }, { projection: KEY_PROJECTION });
    if (holder && heldOnePerYearKey(holder as unknown as KeyFields) === c._id) return false;
    if (holder && Number(holder.version) >= c.forVersion) return true;
    return Date.now() - c.at > this.abandonedAfterMs;
  }
}
