// Scale from runtime-made applications: a store filled through the runtime (fill/fill-store.ts) with K
// applications is grown to N by copying those documents — exactly what the runtime wrote, at every stage it left
// them — under new ids, new applicants (one user each, so C1 holds) and new names, inserted through the store port
// (every index row written as for a real insert). The runtime costs ~16 writes and rule evaluation per application;
// a copy costs one insert, which is what makes a million reachable on a 2-core machine. The output says how many
// of each there are.
import type { Application, User } from '../../../server/domain/schema-types.gen.js';
import type { Store } from '../../../server/store/port.js';
import { MEASURED_UNIT } from '../fill/spread.js';

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红鹏辉建国志宏海燕晓雪琳斌波宁浩凯健俊峰鑫博文';

/** a Chinese name for copy i, stable across runs */
export function nameOf(i: number): string {
  const s = SURNAMES[i % SURNAMES.length]!;
  const g1 = GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]!;
  const g2 = GIVEN[Math.floor(i / (SURNAMES.length * GIVEN.length)) % GIVEN.length]!;
  return i % 3 === 0 ? `${s}${g1}` : `${s}${g1}${g2}`;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * the template with every mention of its applicant (id, name) and its own id replaced; moved to `unit` when given
 * (the unit's id replaced wherever it stands as an org: a field's value, or a task address `role@org[#person]`)
 */
function copyOf(t: Application, i: number, applicant: User, unit?: string): Application {
  const id = `r${i}-${t.id}`.slice(0, 64);
  let text = JSON.stringify(t)
    .split(JSON.stringify(t.id)).join(JSON.stringify(id))
    .split(JSON.stringify(t.applicantId)).join(JSON.stringify(applicant.id))
    .split(JSON.stringify(t.applicantName)).join(JSON.stringify(applicant.name));
  if (unit && t.orgId && t.orgId !== unit) text = text.replace(new RegExp(`(?<=["@])${escape(t.orgId)}(?=["#])`, 'g'), unit);
  const app = JSON.parse(text) as Application & { certificate?: { number: string; signed?: Json } };
  // a certificate number belongs to one holder: the copy gets its own, and no signed file (it would not verify)
  if (app.certificate) {
    app.certificate.number = `${app.certificate.number}-${i}`;
    delete app.certificate.signed;
    delete (app.certificate as { history?: Json }).history;
  }
  return app;
}

export interface ReplicateResult {
  templates: number;
  copies: number;
  seconds: number;
}

/**
 * Grows `store` to `n` applications by copying the ones it holds (round robin, so the stage mix stays as the
 * runtime left it). `batch` inserts are in flight at once: the SQLite adapter commits them together.
 */
export async function replicateStore(
  store: Store,
  n: number,
  o: { batch?: number; log?: (l: string) => void; focus?: { unit: string; share: number } } = {},
): Promise<ReplicateResult> {
  // the issue measures with a reviewer whose unit holds about 1% of the applications: a few hundred runtime-made
  // ones hold only a handful of that unit's, so every 1/share-th copy is moved there
  const focus = o.focus ?? { unit: MEASURED_UNIT, share: 0.01 };
  const every = Math.max(1, Math.round(1 / focus.share));
  const t0 = performance.now();
  const templates: Application[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await store.listApplications({ offset, limit: 500 });
    templates.push(...page.items.filter((a) => !a.id.startsWith('r') || !/^r\d+-/.test(a.id)));
    if (page.items.length < 500) break;
  }
  const have = (await store.listApplicationSummaries({ limit: 1 })).total;
  if (templates.length === 0 || have >= n) return { templates: templates.length, copies: 0, seconds: 0 };
  const users = new Map<string, User | null>();
  const batch = o.batch ?? 256;
  let copies = 0;
  for (let i = have; i < n; i += batch) {
    const jobs: Promise<void>[] = [];
    for (let k = i; k < Math.min(n, i + batch); k++) {
      // the copies moved to the focus unit go through every template too (k alone would pick every 1/share-th one)
      const moved = k % every === 0;
      const t = templates[(moved ? k / every : k) % templates.length]!;
      if (!users.has(t.applicantId)) users.set(t.applicantId, await store.getUser(t.applicantId));
      const owner = users.get(t.applicantId);
      const uid = `r${k}-${t.applicantId}`.slice(0, 64);
      const unit = moved ? focus.unit : undefined;
      const base: User = owner
        ? { ...owner, id: uid, login: `${uid}@copy.example.cn`, name: nameOf(k), version: 1 }
        : { id: uid, login: `${uid}@copy.example.cn`, name: nameOf(k), kind: 'applicant', roles: [], version: 1, createdAt: t.createdAt };
      const applicant: User = unit ? { ...base, orgId: unit, roles: base.roles.map((r) => (r.orgId === t.orgId ? { ...r, orgId: unit } : r)) } : base;
      jobs.push(
        (async () => {
          const u = await store.insertUser(applicant, []);
          if (!u.ok && u.code !== 'duplicate') throw new Error(`copy ${k}: ${u.message}`);
          const r = await store.insertApplication(copyOf(t, k, applicant, unit), []);
          if (!r.ok) throw new Error(`copy ${k}: ${r.message}`);
          copies += 1;
        })(),
      );
    }
    await Promise.all(jobs);
    if (o.log && Math.floor(i / 50_000) !== Math.floor((i + batch) / 50_000)) o.log(`replicate: ${i + batch} of ${n} (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  }
  return { templates: templates.length, copies, seconds: (performance.now() - t0) / 1000 };
}
