// Polls for due timers in the background. Tests do not start it: they move the fake clock
// and call runtime.fireDueTimers() themselves.
import type { FastifyBaseLogger } from 'fastify';
import type { WorkflowRuntime } from './workflow/runtime.js';

export function startScheduler(runtime: WorkflowRuntime, intervalMs: number, log: FastifyBaseLogger): () => void {
  if (intervalMs <= 0) return () => {};
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    runtime
      .fireDueTimers()
      .then((r) => {
        if (r.fired > 0) log.info(r, 'timers fired');
      })
      .catch((err: unknown) => log.error({ err }, 'timer scheduler failed'))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
