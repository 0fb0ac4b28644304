// `npm run bench -- --fill N --data-dir DIR`: fills DIR up to N applications and prints the fill's figures.
import { fillStore } from './fill-store.js';

export async function printFill(o: { n: number; dataDir: string; concurrency?: number }, log: (l: string) => void = console.log): Promise<void> {
  const r = await fillStore({ ...o, log: (l) => log(`# ${l}`) });
  log(`fill.applications: ${r.applications} count`);
  log(`fill.added: ${r.added} count`);
  log(`fill.refused: ${r.refused} count`);
  log(`fill.task_completions: ${r.completions} count`);
  log(`fill.timers_fired: ${r.timersFired} count`);
  log(`fill.seconds: ${r.seconds.toFixed(1)} s`);
  log(`fill.probe_seconds: ${r.probeSeconds.toFixed(1)} s`);
  log(`fill.applications_per_s: ${(r.added / r.seconds).toFixed(1)} /s`);
  log(`fill.store_mb: ${r.storeMb.toFixed(1)} MB`);
}
