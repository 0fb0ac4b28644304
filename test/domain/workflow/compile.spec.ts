import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileWorkflow } from '../../../server/domain/workflow/compile.js';
import { createModelCache } from '../../../server/domain/workflow/cache.js';
import type { Problem } from '../../../server/domain/result.js';
import { ACTIONS, fixture } from './harness.js';

async function problems(name: string): Promise<Problem[]> {
  const r = await compileWorkflow(fixture(name), { actions: ACTIONS });
  expect(r.ok).toBe(false);
  if (r.ok) return [];
  expect(r.error.code).toBe('bpmn.invalid');
  for (const p of r.error.details) expect(p.message).toMatch(/[\u4e00-\u9fff]/); // Chinese for people
  return r.error.details;
}

const codes = (ps: Problem[]) => ps.map((p) => `${p.code}@${p.elementId ?? ''}`);

describe('compile: refuses what the engine cannot run, naming the element', () => {
  it('unsupported elements: subProcess and complexGateway', async () => {
    const ps = await problems('unsupported.bpmn');
    expect(codes(ps)).toEqual(expect.arrayContaining(['bpmn.unsupported_element@Sub', 'bpmn.unsupported_element@Complex']));
    expect(ps.find((p) => p.elementId === 'Sub')?.message).toContain('Sub');
  });

  it('exclusive gateway branch without condition that is not the default', async () => {
    expect(codes(await problems('missing-condition.bpmn'))).toEqual(['bpmn.missing_condition@fB']);
  });

  it('unreachable element and dead end', async () => {
    const c = codes(await problems('unreachable.bpmn'));
    expect(c).toContain('bpmn.unreachable@Orphan');
    expect(c).toContain('bpmn.dead_end@Stuck');
    expect(c).not.toContain('bpmn.unreachable@Review');
  });

  it('user task without role or scope', async () => {
    expect(codes(await problems('missing-assignment.bpmn'))).toEqual(['bpmn.missing_assignment@NoExt', 'bpmn.missing_scope@NoScope']);
  });

  it('FEEL syntax error', async () => {
    const ps = await problems('feel-syntax.bpmn');
    expect(codes(ps)).toEqual(['feel.syntax@fA']);
  });

  it('unknown action name', async () => {
    const ps = await problems('unknown-action.bpmn');
    expect(codes(ps)).toEqual(['bpmn.unknown_action@Launch']);
    expect(ps[0]!.message).toContain('rocket.launch');
  });

  it('bad working-day duration', async () => {
    expect(codes(await problems('bad-timer.bpmn'))).toEqual(['timer.bad_duration@Wait']);
  });

  it('any <!DOCTYPE is refused before parsing', async () => {
    expect(codes(await problems('doctype.bpmn'))).toEqual(['bpmn.doctype@']);
  });

  it('parser warnings are errors (unknown zc: element)', async () => {
    const ps = await problems('parser-warning.bpmn');
    expect(ps[0]!.code).toBe('bpmn.parse_warning');
    expect(ps[0]!.message).toContain('zc:Mystery');
  });

  it('not XML at all', async () => {
    const r = await compileWorkflow('hello', { actions: ACTIONS });
    expect(!r.ok && r.error.details[0]!.code).toMatch(/bpmn\.(parse_error|parse_warning|process_count)/);
  });

  it('lists every problem at once', async () => {
    const xml = fixture('unknown-action.bpmn').replace('<bpmn:endEvent id="End" />', '<bpmn:endEvent id="End" /><bpmn:task id="Plain" />');
    const r = await compileWorkflow(xml, { actions: [] });
    expect(!r.ok && codes(r.error.details)).toEqual(
      expect.arrayContaining(['bpmn.unsupported_element@Plain', 'bpmn.unreachable@Plain', 'bpmn.unknown_action@Launch']),
    );
  });

  it('the sample review flow compiles to a JSON-serialisable model', async () => {
    const xml = readFileSync(join(import.meta.dirname, 'sample-review.bpmn'), 'utf8');
    const r = await compileWorkflow(xml, { actions: ACTIONS });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(JSON.parse(JSON.stringify(r.value))).toEqual(r.value);
    expect(r.value.elements['Vote']).toMatchObject({ kind: 'userTask', voting: { decisionVariable: 'voteResult' } });
    expect(r.value.elements['Complaint']).toMatchObject({ kind: 'boundaryMessage', attachedTo: 'ResultPublicity', message: 'complaint' });
    expect(xml).toContain('bpmndi:BPMNShape id="Vote_di"');
  });

  it('caches one compiled model per key and version', async () => {
    const cache = createModelCache();
    const xml = fixture('single-task.bpmn');
    const [a, b] = await Promise.all([cache.get('flow', 1, xml, { actions: ACTIONS }), cache.get('flow', 1, xml, { actions: ACTIONS })]);
    expect(a).toBe(b);
    await cache.get('flow', 2, xml, { actions: ACTIONS });
    expect(cache.size()).toBe(2);
    await cache.get('bad', 1, fixture('unknown-action.bpmn'), { actions: ACTIONS });
    expect(cache.size()).toBe(2); // failures are not kept
  });

  it('fetches the BPMN of a version only once, however often it is asked for', async () => {
    const cache = createModelCache();
    let loads = 0;
    const load = async () => {
      loads += 1;
      return { ok: true as const, value: fixture('single-task.bpmn') };
    };
    await Promise.all([cache.get('flow', 1, load, { actions: ACTIONS }), cache.get('flow', 1, load, { actions: ACTIONS })]);
    await cache.get('flow', 1, load, { actions: ACTIONS });
    expect(loads).toBe(1);
    const missing = await cache.get('gone', 1, async () => ({ ok: false as const, error: { code: 'workflow.not_found', message: '不存在', details: [] } }), { actions: ACTIONS });
    expect(missing).toMatchObject({ ok: false, error: { code: 'workflow.not_found' } });
    expect(cache.size()).toBe(1);
  });
});
