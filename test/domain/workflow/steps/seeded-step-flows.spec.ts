// The seeded review flows are step flows: workflows/steps/<key>.json is the model the designer edits, and
// workflows/<key>.bpmn (laid out) and workflows/src/<key>.bpmn (without diagram) are exactly what it
// compiles to (re-run `tsx server/cli/compile-steps.ts` after editing a steps file). The seeds carry the
// steps in the definition body.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../../server/config.js';
import { compileSteps } from '../../../../server/domain/workflow/steps/compile-steps.js';
import type { StepFlow } from '../../../../server/domain/workflow/steps/types.js';
import { readSeedFiles } from '../../../../server/runtime/seeds/read-seed-files.js';

const WORKFLOWS = join(REPO_ROOT, 'workflows');
const stepFlows = readdirSync(join(WORKFLOWS, 'steps')).filter((f) => f.endsWith('.json')).map((f) => basename(f, '.json')).sort();
/** seeded BPMN that is not (yet) a step flow, and why */
const NOT_STEPS: Record<string, string> = {};

const read = (p: string): string => readFileSync(join(WORKFLOWS, p), 'utf8');
const processName = (xml: string): string => /<bpmn:process[^>]*\bname="([^"]+)"/.exec(xml)![1]!;

describe('seeded flows kept as steps', () => {
  it('every seeded flow is a step flow, except those listed with a reason', () => {
    const seeded = readdirSync(WORKFLOWS).filter((f) => f.endsWith('.bpmn')).map((f) => basename(f, '.bpmn')).sort();
    expect(seeded.filter((k) => !stepFlows.includes(k))).toEqual(Object.keys(NOT_STEPS).sort());
    expect(stepFlows).toEqual(expect.arrayContaining(['unit-review', 'league-review']));
  });

  it.each(stepFlows)('%s: the committed BPMN is what its steps compile to', async (key) => {
    const flow = JSON.parse(read(`steps/${key}.json`)) as StepFlow;
    const laid = read(`${key}.bpmn`);
    const r = await compileSteps(flow, { id: key, name: processName(laid) });
    expect(r.ok ? [] : r.error.details).toEqual([]);
    if (!r.ok) return;
    expect(existsSync(join(WORKFLOWS, 'src', `${key}.bpmn`))).toBe(true);
    expect(r.value.source).toBe(read(`src/${key}.bpmn`));
    expect(r.value.xml).toBe(laid);
  });

  it('the seeds load the steps with the flow', () => {
    const workflows = readSeedFiles(REPO_ROOT).definitions.filter((d) => d.kind === 'workflow');
    const league = workflows.find((d) => d.key === 'league-review')!.body as { steps?: StepFlow; xml: string };
    expect(league.steps?.chain.map((s) => s.id)).toEqual(['unitReview', 'unitPublicity', 'directGw', 'sendGw', 'officeCheck', 'vote', 'resultPublicity', 'filing', 'issueCertificate']);
    expect(league.xml).toBe(read('league-review.bpmn'));
    expect(workflows.filter((d) => !(d.body as { steps?: StepFlow }).steps).map((d) => d.key)).toEqual([]);
  });
});
