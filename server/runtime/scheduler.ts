// Polls for due timers in the background. Tests do not start it: they move the fake clock
// and call runtime.fireDueTimers() themselves.
import type { FastifyBaseLogger } from 'fastify';
import type { WorkflowRuntime } from './workflow/runtime.js';
import type { NotifyDeps } from './notifications/compose.js';
import { sweepDeadlines } from './notifications/deadline-sweep.js';

/** the "deadline in one working day" sweep is about days, not seconds: once every ten minutes is plenty */
const SWEEP_EVERY_MS = 10 * 60_000;

export function startScheduler(runtime: WorkflowRuntime, intervalMs: number, log: FastifyBaseLogger, notify?: NotifyDeps): () => void {
  if (intervalMs <= 0) return () => {};
  let running = false;
  let sweptAt = Number.NEGATIVE_INFINITY;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    runtime
      .fireDueTimers()
      .then((r) => {
        if (r.fired > 0) log.info(r, 'timers fired');
        if (!notify) return;
        const now = Date.parse(notify.clock.now());
        if (now - sweptAt < SWEEP_EVERY_MS) return;
        sweptAt = now;
        return sweepDeadlines(notify).then((s) => {
          if (s.added > 0) log.info(s, 'deadline reminders added');
        });
      })
      .catch((err: unknown) => log.error({ err }, 'timer scheduler failed'))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
