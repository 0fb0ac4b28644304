// Run as a child process with the server's environment (DATA_DIR, MONGODB_URL, audit key settings), so it opens the
// store exactly as server/main.ts does: the seeds (demo passwords hashed cheaply, as the harness does), the extra
// accounts given as JSON in SEED_USERS, and a campaign whose apply and review phases span the whole current year, with
// plain Mon–Fri calendars for the years around it — so child-process tests do not depend on the day they run. The
// server started on the same folder afterwards finds its store seeded and loads nothing twice.
import { hashPassword } from '../../server/auth/password.js';
import { loadConfig, REPO_ROOT } from '../../server/config.js';
import { systemClock } from '../../server/domain/clock.js';
import type { User } from '../../server/domain/schema-types.gen.js';
import { createPlatform } from '../../server/runtime/platform.js';
import { loadSeeds } from '../../server/runtime/seeds/load-seeds.js';
import { openStore } from '../../server/store/open-store.js';

const OPEN_CAMPAIGN = process.env.SEED_OPEN_CAMPAIGN ?? 'abuse-open';

async function main(): Promise<void> {
  const users = JSON.parse(process.env.SEED_USERS ?? '[]') as (Partial<User> & { id: string; password: string })[];
  const store = await openStore(loadConfig());
  try {
    const clock = systemClock;
    const platform = createPlatform({ root: REPO_ROOT, store, clock });
    await loadSeeds({ root: REPO_ROOT, store, clock, meta: platform.meta, definitions: platform.definitions, hashPassword: (pw) => hashPassword(pw, 1024) });
    for (const { password, ...u } of users) {
      if (await store.getUser(u.id)) continue;
      const user: User = { kind: 'staff', roles: [], version: 1, createdAt: clock.now(), name: u.id, login: u.id, ...u, passwordHash: await hashPassword(password, 1024) };
      await store.insertUser(user, [{ at: clock.now(), actor: 'system:test', action: 'user.seed', target: { type: 'user', id: user.id } }]);
    }
    // the year as the platform counts days, in China time; a campaign never crosses its year
    const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
    for (const y of [year - 1, year, year + 1]) {
      if (await store.getDefinition('calendar', String(y), 'latest')) continue;
      const res = await platform.definitions.publish('calendar', String(y), 'system:test', { year: y, daysOff: [], workdays: [], source: 'test: plain Mon–Fri' });
      if (!res.ok) throw new Error(`calendar ${y}: ${JSON.stringify(res.error)}`);
    }
    if (await store.getDefinition('campaign', OPEN_CAMPAIGN, 'latest')) return;
    const opens = `${year}-01-01`;
    const closes = `${year}-12-31`;
    const res = await platform.definitions.publish('campaign', OPEN_CAMPAIGN, 'system:test', {
      key: OPEN_CAMPAIGN,
      year,
      name: '压力测试年度（测试数据）',
      phases: [
        { id: 'apply', name: '申报', opens, closes },
        { id: 'review', name: '评审与公示', opens, closes },
        { id: 'filing', name: '核准备案', opens, closes },
      ],
      cutoffs: { education: `${year - 1}-12-31`, tenure: `${year - 1}-12-31` },
    });
    if (!res.ok) throw new Error(`campaign: ${JSON.stringify(res.error)}`);
  } finally {
    await store.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
