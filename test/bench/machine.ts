// The machine's size and load: every figure of `npm run bench` depends on them, so every run prints them.
import { availableParallelism, loadavg } from 'node:os';

export function printMachine(log: (l: string) => void, at: 'start' | 'end'): void {
  if (at === 'start') log(`machine.cores: ${availableParallelism()} count`);
  const [l1, l5] = loadavg();
  log(`machine.load1: ${l1!.toFixed(2)} load`);
  if (at === 'end') log(`machine.load5: ${l5!.toFixed(2)} load`);
}
