// Compiles the seeded flows kept as steps (workflows/steps/<key>.json, the 简易模式 model) to BPMN:
// workflows/src/<key>.bpmn without a diagram and workflows/<key>.bpmn laid out, which the seeds load.
// The flow's name is kept from the BPMN already there.
//   tsx server/cli/compile-steps.ts            every workflows/steps/*.json
//   tsx server/cli/compile-steps.ts <key> …    those flows
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { REPO_ROOT } from '../config.js';
import { compileSteps } from '../domain/workflow/steps/compile-steps.js';
import type { StepFlow } from '../domain/workflow/steps/types.js';

const dir = join(REPO_ROOT, 'workflows');
const processName = (xml: string): string | undefined => /<bpmn:process[^>]*\bname="([^"]+)"/.exec(xml)?.[1]?.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

const keys = process.argv.slice(2).length > 0 ? process.argv.slice(2) : readdirSync(join(dir, 'steps')).filter((f) => f.endsWith('.json')).map((f) => basename(f, '.json')).sort();
for (const key of keys) {
  const flow = JSON.parse(readFileSync(join(dir, 'steps', `${key}.json`), 'utf8')) as StepFlow;
  const out = join(dir, `${key}.bpmn`);
  const name = (existsSync(out) ? processName(readFileSync(out, 'utf8')) : undefined) ?? key;
  const r = await compileSteps(flow, { id: key, name });
  if (!r.ok) {
    console.error(`${key}: ${r.error.message}`);
    for (const d of r.error.details) console.error(`  ${d.pointer ?? ''} ${d.message}`);
    process.exitCode = 1;
    continue;
  }
  writeFileSync(join(dir, 'src', `${key}.bpmn`), r.value.source);
  writeFileSync(out, r.value.xml);
  console.log(`wrote workflows/src/${key}.bpmn and workflows/${key}.bpmn`);
}
