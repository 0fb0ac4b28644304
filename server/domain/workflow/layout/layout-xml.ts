// BPMN XML in, the same XML with a fresh left-to-right diagram out. Used by the CLI for the seeded
// flows, and by anything that generates BPMN without diagram information (the step designer).

import { fail, ok, type Result } from '../../result.js';
import { createModdle, list } from '../moddle.js';
import { layoutFlowGraph } from './elk-layout.js';
import { flowGraphOf } from './flow-graph.js';
import { writeDiagram } from './write-di.js';

/** Comments before the root element (a flow's description) that a moddle round trip would drop. */
const leadingComments = (xml: string): string[] => xml.slice(0, Math.max(0, xml.search(/<[A-Za-z]/))).match(/<!--[\s\S]*?-->/g) ?? [];

function withComments(xml: string, comments: string[]): string {
  if (comments.length === 0) return xml;
  const decl = /^<\?xml[^>]*\?>\n?/.exec(xml)?.[0] ?? '';
  return `${decl.trimEnd()}${decl ? '\n' : ''}${comments.join('\n')}\n${xml.slice(decl.length)}`;
}

export async function layoutBpmnXml(xml: string): Promise<Result<string>> {
  const moddle = createModdle();
  let parsed;
  try {
    parsed = await moddle.fromXML(xml, 'bpmn:Definitions');
  } catch (e) {
    return fail('bpmn.parse_error', `BPMN 文件无法解析：${e instanceof Error ? e.message : String(e)}`);
  }
  if (parsed.warnings.length > 0) {
    const details = parsed.warnings.map((w) => ({ code: 'bpmn.parse_warning', message: w.message.split('\n')[0] ?? '' }));
    return fail('bpmn.parse_warning', 'BPMN 文件存在无法识别的内容，未布局', details);
  }
  const definitions = parsed.rootElement;
  const processes = list(definitions, 'rootElements').filter((r) => r.$type === 'bpmn:Process');
  const process = processes[0];
  if (!process || processes.length > 1) return fail('bpmn.process_count', '只能布局恰好含一个 bpmn:process 的流程');
  writeDiagram(moddle, definitions, process, await layoutFlowGraph(flowGraphOf(process)));
  const { xml: out } = await moddle.toXML(definitions, { format: true });
  return ok(`${withComments(out, leadingComments(xml))}\n`);
}
