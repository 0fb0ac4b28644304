// Prints the portal's first-load figures as `name: value unit` lines, and the machine's load beside them.
import { availableParallelism, loadavg } from 'node:os';
import { measurePortalFirstLoad, type FirstLoad } from './portal-first-load.js';

const kb = (bytes: number): string => (bytes / 1024).toFixed(1);

function print(prefix: string, l: FirstLoad): void {
  console.log(`${prefix}_js_gzip_kb: ${kb(l.jsGzipBytes)} KB`);
  console.log(`${prefix}_js_br_kb: ${kb(l.jsTransferredBytes)} KB`);
  console.log(`${prefix}_js_raw_kb: ${kb(l.jsRawBytes)} KB`);
  console.log(`${prefix}_requests: ${l.requests} requests`);
}

export async function printPortalFirstLoad(): Promise<void> {
  const load = await measurePortalFirstLoad();
  print('portal.first_load', load.applicant);
  print('portal.first_load_anonymous', load.anonymous);
  const [one, five] = loadavg();
  console.log(`machine.load_1m: ${(one ?? 0).toFixed(2)} runnable`);
  console.log(`machine.load_5m: ${(five ?? 0).toFixed(2)} runnable`);
  console.log(`machine.cores: ${availableParallelism()} cores`);
}
