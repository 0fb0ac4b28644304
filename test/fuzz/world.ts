// What the fuzz run starts from besides the seeds: a submitted application with an open review task, a draft of the
// fuzzing applicant's own, and dictionaries of these real ids and the seeded keys, which schemathesis mixes into
// the values it generates (half the time) so that requests reach past "not found" into validation and the flows.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../server/config.js';
import { PDF } from '../support/applicant-flow.js';
import { ENGINEER_MATERIALS, engineer, engineerForm } from '../support/engineer.js';
import { OPEN_CAMPAIGN, type SeedUser } from '../support/server-process.js';

const ENGINEER_PASSWORD = 'Fuzz-passw0rd';
export const FUZZ_USERS: SeedUser[] = [{ ...engineer('fuzz-engineer', '模糊测试工程师'), id: 'fuzz-engineer', password: ENGINEER_PASSWORD }];

export interface World {
  applications: string[];
  tasks: string[];
  hashes: string[];
  items: string[];
  levels: string[];
  campaigns: string[];
  users: string[];
}

interface Doc {
  id: string;
  version: number;
  materials: { hash: string }[];
  openTasks: { taskId: string }[];
}

async function session(url: string, login: string, password: string) {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password }) });
  if (res.status !== 200) throw new Error(`login ${login}: ${res.status} ${await res.text()}`);
  const headers = { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '', 'x-csrf-token': ((await res.json()) as { csrfToken: string }).csrfToken };
  return async (method: string, path: string, body?: unknown): Promise<Doc> => {
    const json = body !== undefined && !(body instanceof FormData);
    const r = await fetch(`${url}${path}`, {
      method,
      headers: { ...headers, ...(json ? { 'content-type': 'application/json' } : {}) },
      ...(body === undefined ? {} : { body: json ? JSON.stringify(body) : (body as FormData) }),
    });
    if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
    return (await r.json()) as Doc;
  };
}

export async function prepareWorld(url: string): Promise<World> {
  const eng = await session(url, 'fuzz-engineer', ENGINEER_PASSWORD);
  let submitted = await eng('POST', '/api/applications', { campaignId: OPEN_CAMPAIGN, levelKey: 'gongcheng.zhongji' });
  await eng('PUT', `/api/applications/${submitted.id}/form`, { form: engineerForm('模糊测试工程师'), version: submitted.version });
  for (const item of ENGINEER_MATERIALS) {
    const fd = new FormData();
    fd.append('file', new Blob([PDF], { type: 'application/pdf' }), `${item}.pdf`);
    await eng('POST', `/api/applications/${submitted.id}/materials/${item}`, fd);
  }
  await eng('POST', `/api/applications/${submitted.id}/pledge`);
  submitted = await eng('POST', `/api/applications/${submitted.id}/submit`, {});
  const zhang = await session(url, 'demo-zhang', 'demo2026');
  const draft = await zhang('POST', '/api/applications', { campaignId: OPEN_CAMPAIGN, levelKey: 'gongcheng.fugao' });
  const levels = readdirSync(join(REPO_ROOT, 'seeds', 'levels')).map((f) => f.replace(/\.json$/, ''));
  return {
    applications: [submitted.id, draft.id],
    tasks: submitted.openTasks.map((t) => t.taskId),
    hashes: submitted.materials.map((m) => m.hash).slice(0, 1),
    items: [...ENGINEER_MATERIALS],
    levels,
    campaigns: [OPEN_CAMPAIGN, '2026', '2022'],
    users: ['demo-zhang', 'fuzz-engineer'],
  };
}

const toml = (v: string): string => JSON.stringify(v);

/** the base configuration with the world's dictionaries bound to the parameters and body fields they fit */
export function withDictionaries(base: string, w: World): string {
  const dictionaries = Object.entries(w).map(([name, values]) => `[dictionaries.${name}]\nvalues = [${(values as string[]).map(toml).join(', ')}]\n`);
  const bind: [string, keyof World][] = [
    ['path.id', 'applications'],
    ['path.applicationId', 'applications'],
    ['path.taskId', 'tasks'],
    ['path.hash', 'hashes'],
    ['path.itemId', 'items'],
    ['path.key', 'levels'],
    ['query.campaignId', 'campaigns'],
    ['query.levelKey', 'levels'],
    ['body.campaignId', 'campaigns'],
    ['body.levelKey', 'levels'],
    ['body.userId', 'users'],
    ['body.revokeApplicationId', 'applications'],
  ];
  const parameters = bind.map(([key, dict]) => `${toml(key)} = { dictionary = ${toml(dict)}, probability = 0.5 }`);
  return `${base}\n${dictionaries.join('\n')}\n[parameters]\n${parameters.join('\n')}\n`;
}
