// Every seeded review flow is drawn left to right, readable when a viewer shows it at its natural size:
// wider than tall, at most 1,000 px tall, nothing drawn over anything else, every flow routed.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../server/config.js';
import { diagramExtent, drawnDiagram, overlaps, type DrawnDiagram } from '../../../server/domain/workflow/layout/diagram-geometry.js';
import { layoutFlowGraph } from '../../../server/domain/workflow/layout/elk-layout.js';
import { layoutBpmnXml } from '../../../server/domain/workflow/layout/layout-xml.js';
import { createModdle, list, ref, type ModdleElement } from '../../../server/domain/workflow/moddle.js';
import { fixture } from './harness.js';

const WORKFLOWS = join(REPO_ROOT, 'workflows');
const seeded = readdirSync(WORKFLOWS).filter((f) => f.endsWith('.bpmn')).sort();

async function parse(xml: string): Promise<{ definitions: ModdleElement; warnings: string[] }> {
  const r = await createModdle().fromXML(xml, 'bpmn:Definitions');
  return { definitions: r.rootElement, warnings: r.warnings.map((w) => w.message) };
}

const processOf = (definitions: ModdleElement): ModdleElement => list(definitions, 'rootElements').find((r) => r.$type === 'bpmn:Process')!;

/** what a readable diagram of this process must satisfy, as messages naming what is wrong */
function readabilityProblems(definitions: ModdleElement, d: DrawnDiagram): string[] {
  const out: string[] = [];
  const { width, height } = diagramExtent(d);
  if (!(width > height)) out.push(`not wider than tall: ${width}×${height}`);
  if (height > 1000) out.push(`taller than 1000: ${height}`);
  for (const [a, b] of overlaps(d)) out.push(`overlap: ${a} / ${b}`);
  const elements = list(processOf(definitions), 'flowElements');
  const shapes = new Map(d.shapes.map((s) => [s.elementId, s]));
  const edges = new Map(d.edges.map((e) => [e.elementId, e]));
  for (const el of elements) {
    const id = el.id ?? '';
    if (el.$type === 'bpmn:SequenceFlow') {
      const wp = edges.get(id)?.waypoints ?? [];
      if (wp.length < 2) out.push(`flow without waypoints: ${id}`);
      for (let i = 1; i < wp.length; i++) {
        if (wp[i]!.x !== wp[i - 1]!.x && wp[i]!.y !== wp[i - 1]!.y) out.push(`flow not orthogonal: ${id}`);
      }
    } else if (!shapes.has(id)) {
      out.push(`no shape: ${id}`);
    }
    const hostId = el.$type === 'bpmn:BoundaryEvent' ? ref(el, 'attachedToRef')?.id : undefined;
    const host = hostId ? shapes.get(hostId)?.bounds : undefined;
    const b = shapes.get(id)?.bounds;
    if (host && b) {
      const cx = b.x + b.width / 2;
      const cy = b.y + b.height / 2;
      if (Math.abs(cy - (host.y + host.height)) > 1 || cx < host.x || cx > host.x + host.width) out.push(`boundary event off its task's border: ${id}`);
    }
  }
  return out;
}

describe('seeded review flows are laid out left to right and readable', () => {
  it.each(seeded)('%s', async (file) => {
    const xml = readFileSync(join(WORKFLOWS, file), 'utf8');
    const { definitions, warnings } = await parse(xml);
    expect(warnings).toEqual([]);
    expect(readabilityProblems(definitions, drawnDiagram(definitions))).toEqual([]);

    // the XML round-trips through bpmn-moddle without warnings
    const { xml: again } = await createModdle().toXML(definitions, { format: true });
    expect((await parse(again)).warnings).toEqual([]);
  });

  it.each(seeded)('%s is the current layout of its source (re-run `tsx server/cli/layout-bpmn.ts --all` if not)', async (file) => {
    const src = join(WORKFLOWS, 'src', file);
    expect(existsSync(src)).toBe(true);
    const laid = await layoutBpmnXml(readFileSync(src, 'utf8'));
    expect(laid.ok && laid.value).toBe(readFileSync(join(WORKFLOWS, file), 'utf8'));
  });
});

describe('layout of flows without a diagram (what the step designer will generate)', () => {
  it('a flow with a boundary timer and no diagram gets a readable one', async () => {
    const laid = await layoutBpmnXml(fixture('boundary-timer.bpmn'));
    expect(laid.ok).toBe(true);
    if (!laid.ok) return;
    const { definitions, warnings } = await parse(laid.value);
    expect(warnings).toEqual([]);
    expect(readabilityProblems(definitions, drawnDiagram(definitions))).toEqual([]);
  });

  it('the pure layout places every node, boundary event and edge, flowing left to right', async () => {
    const layout = await layoutFlowGraph({
      nodes: [
        { id: 's', kind: 'event', name: '提交' },
        { id: 'review', kind: 'task', name: '单位审核' },
        { id: 'gw', kind: 'gateway', name: '审核结论' },
        { id: 'fix', kind: 'task', name: '按一次性告知补正' },
        { id: 'gone', kind: 'event', name: '已撤回' },
        { id: 'e', kind: 'event', name: '通过' },
      ],
      boundaries: [{ id: 'deadline', hostId: 'fix', name: '补正期限' }],
      edges: [
        { id: 'f1', sourceId: 's', targetId: 'review' },
        { id: 'f2', sourceId: 'review', targetId: 'gw' },
        { id: 'f3', sourceId: 'gw', targetId: 'e', name: '同意' },
        { id: 'f4', sourceId: 'gw', targetId: 'fix', name: '退回补正' },
        { id: 'f5', sourceId: 'fix', targetId: 'review' },
        { id: 'f6', sourceId: 'deadline', targetId: 'gone' },
      ],
    });
    const at = new Map(layout.shapes.map((s) => [s.id, s.bounds]));
    expect([...at.keys()].sort()).toEqual(['deadline', 'e', 'fix', 'gone', 'gw', 'review', 's']);
    expect(layout.edges.every((e) => e.waypoints.length >= 2)).toBe(true);
    // forward flows point right; the correction's way back is the one flow that returns
    expect(at.get('s')!.x).toBeLessThan(at.get('review')!.x);
    expect(at.get('review')!.x).toBeLessThan(at.get('gw')!.x);
    expect(at.get('gw')!.x).toBeLessThan(at.get('fix')!.x);
    expect(at.get('gw')!.x).toBeLessThan(at.get('e')!.x);
    // the deadline sits on the lower border of its task
    const fix = at.get('fix')!;
    const deadline = at.get('deadline')!;
    expect(deadline.y + deadline.height / 2).toBe(fix.y + fix.height);
  });
});
