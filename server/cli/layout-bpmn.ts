// Lays BPMN flows out left to right (server/domain/workflow/layout, elkjs), so flows can be written as
// plain process XML and still open readably in bpmn-js.
//   tsx server/cli/layout-bpmn.ts <in.bpmn> <out.bpmn>   one flow
//   tsx server/cli/layout-bpmn.ts --all                  every workflows/*.bpmn, from workflows/src/<name>.bpmn
//                                                        when there is one, else re-laid out in place
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../config.js';
import { diagramExtent, drawnDiagram } from '../domain/workflow/layout/diagram-geometry.js';
import { layoutBpmnXml } from '../domain/workflow/layout/layout-xml.js';
import { createModdle } from '../domain/workflow/moddle.js';

async function size(xml: string): Promise<string> {
  const { width, height } = diagramExtent(drawnDiagram((await createModdle().fromXML(xml, 'bpmn:Definitions')).rootElement));
  return `${Math.round(width)}×${Math.round(height)}`;
}

async function layoutFile(src: string, out: string): Promise<void> {
  const before = existsSync(out) ? await size(readFileSync(out, 'utf8')) : '—';
  const laid = await layoutBpmnXml(readFileSync(src, 'utf8'));
  if (!laid.ok) {
    console.error(`${src}: ${laid.error.message}`);
    for (const d of laid.error.details) console.error(`  ${d.message}`);
    process.exitCode = 1;
    return;
  }
  writeFileSync(out, laid.value);
  console.log(`wrote ${out}: ${before} → ${await size(laid.value)}`);
}

const args = process.argv.slice(2);
if (args[0] === '--all') {
  const dir = join(REPO_ROOT, 'workflows');
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.bpmn')).sort()) {
    const src = join(dir, 'src', f);
    await layoutFile(existsSync(src) ? src : join(dir, f), join(dir, f));
  }
} else if (args.length === 2) {
  await layoutFile(args[0]!, args[1]!);
} else {
  console.error('用法：tsx server/cli/layout-bpmn.ts <输入.bpmn> <输出.bpmn> 或 tsx server/cli/layout-bpmn.ts --all');
  process.exit(2);
}
