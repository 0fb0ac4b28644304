// `tsx server/cli/layout-bpmn.ts workflows/src/x.bpmn workflows/x.bpmn`: adds diagram layout with
// bpmn-auto-layout, so flows can be written as plain process XML and still open in bpmn-js.
import { readFileSync, writeFileSync } from 'node:fs';
import { layoutProcess } from 'bpmn-auto-layout';

const [src, out] = process.argv.slice(2);
if (!src || !out) {
  console.error('用法：tsx server/cli/layout-bpmn.ts <无布局的.bpmn> <输出.bpmn>');
  process.exit(2);
}
writeFileSync(out, await layoutProcess(readFileSync(src, 'utf8')));
console.log(`wrote ${out}`);
