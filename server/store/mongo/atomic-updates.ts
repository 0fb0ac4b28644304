// Whether the server applies a conditional replace atomically, which decides how guarded writes are guarded
// (guarded-writes.ts). MongoDB does; FerretDB 1.x does not (read, filter, then write by _id: ten concurrent
// `updateOne({_id, version: 1})` can all match) and says who it is in buildInfo (`ferretdbVersion`).
// MONGODB_ATOMIC_UPDATES=true|false overrides the detection (e.g. for another MongoDB-compatible server).
import type { Db } from 'mongodb';

export function atomicUpdatesOverride(env: NodeJS.ProcessEnv = process.env): boolean | undefined {
  const v = env.MONGODB_ATOMIC_UPDATES;
  if (v === undefined || v === '') return undefined;
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw new Error(`MONGODB_ATOMIC_UPDATES 只能是 true 或 false（现为 ${JSON.stringify(v)}）`);
}

export async function detectAtomicUpdates(db: Db): Promise<boolean> {
  const info = await db.admin().command({ buildInfo: 1 });
  return !('ferretdbVersion' in info);
}
