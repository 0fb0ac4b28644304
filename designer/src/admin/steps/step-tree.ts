// The step designer's edits as pure functions over the step model (never mutating it): find, insert,
// replace, move and remove a step anywhere in the chain or its branches; fresh steps with Chinese
// defaults and ids no other step has; where a step is as a JSON pointer (problems point there).
import { DEFAULT_CORRECTION_DAYS } from '../../../../server/domain/workflow/steps/defaults.js';
import { CONCLUSION_LABELS, roleLabel, scopeLabel, SESSION_LABELS, STEP_TYPE_LABELS, VOTE_RULES } from '../../../../server/domain/workflow/steps/labels.js';
import type { Step, StepFlow, StepType } from '../../../../server/domain/workflow/steps/types.js';

/** a step's address: [i] in the main chain; [i, b, j] the j-th step of branch b of step i; and so on */
export type StepPath = readonly number[];
/** a chain's address: [] the main chain; [i, b] branch b of step i; … */
export type ChainPath = readonly number[];

type Chain = readonly Step[];

const branchesOf = (s: Step | undefined): readonly { steps: Chain }[] | undefined => (s && (s.type === 'condition' || s.type === 'parallel') ? s.branches : undefined);

export function chainAt(flow: StepFlow, at: ChainPath): Chain | undefined {
  let chain: Chain = flow.chain;
  for (let k = 0; k < at.length; k += 2) {
    const branch = branchesOf(chain[at[k]!])?.[at[k + 1]!];
    if (!branch) return undefined;
    chain = branch.steps;
  }
  return chain;
}

export function stepAt(flow: StepFlow, path: StepPath): Step | undefined {
  return chainAt(flow, path.slice(0, -1))?.[path[path.length - 1]!];
}

/** a copy of the flow with the chain at `at` replaced by what `edit` makes of it */
export function editChain(flow: StepFlow, at: ChainPath, edit: (chain: Step[]) => Step[]): StepFlow {
  const rec = (chain: Chain, rest: ChainPath): Step[] => {
    if (rest.length === 0) return edit([...chain]);
    const [i, b] = [rest[0]!, rest[1]!];
    return chain.map((s, k) => {
      if (k !== i || (s.type !== 'condition' && s.type !== 'parallel')) return s;
      const branches = s.branches.map((br, n) => (n === b ? { ...br, steps: rec(br.steps, rest.slice(2)) } : br));
      return { ...s, branches } as Step;
    });
  };
  return { ...flow, chain: rec(flow.chain, at) };
}

export const insertStep = (flow: StepFlow, at: ChainPath, index: number, step: Step): StepFlow =>
  editChain(flow, at, (c) => [...c.slice(0, index), step, ...c.slice(index)]);

export const replaceStep = (flow: StepFlow, path: StepPath, step: Step): StepFlow =>
  editChain(flow, path.slice(0, -1), (c) => c.map((s, k) => (k === path[path.length - 1] ? step : s)));

export const removeStep = (flow: StepFlow, path: StepPath): StepFlow => editChain(flow, path.slice(0, -1), (c) => c.filter((_, k) => k !== path[path.length - 1]));

export function moveStep(flow: StepFlow, path: StepPath, delta: -1 | 1): StepFlow {
  const i = path[path.length - 1]!;
  return editChain(flow, path.slice(0, -1), (c) => {
    const j = i + delta;
    if (j < 0 || j >= c.length) return c;
    const out = [...c];
    [out[i], out[j]] = [out[j]!, out[i]!];
    return out;
  });
}

/** every step, depth first, with its path */
export function* allSteps(flow: StepFlow): Generator<{ step: Step; path: StepPath }> {
  function* walk(chain: Chain, base: number[]): Generator<{ step: Step; path: StepPath }> {
    for (const [i, step] of chain.entries()) {
      yield { step, path: [...base, i] };
      for (const [b, br] of (branchesOf(step) ?? []).entries()) yield* walk(br.steps, [...base, i, b]);
    }
  }
  yield* walk(flow.chain, []);
}

export function pointerOf(path: StepPath): string {
  let p = '/steps/chain';
  path.forEach((n, k) => (p += k % 2 === 0 ? `/${n}` : `/branches/${n}/steps`));
  return p;
}

/** the step a problem's pointer (/steps/chain/0/branches/1/steps/2/role …) is on */
export function pathOfPointer(pointer: string): StepPath | undefined {
  const m = /^\/steps\/chain\/(\d+)((?:\/branches\/\d+\/steps\/\d+)*)/.exec(pointer);
  if (!m) return undefined;
  const rest = [...m[2]!.matchAll(/\/branches\/(\d+)\/steps\/(\d+)/g)].flatMap((x) => [Number(x[1]), Number(x[2])]);
  return [Number(m[1]), ...rest];
}

export const samePath = (a: StepPath | undefined, b: StepPath | undefined): boolean => !!a && !!b && a.length === b.length && a.every((n, i) => n === b[i]);

/** an id no step has yet: the type's name and the first free number */
export function freshId(flow: StepFlow, type: StepType): string {
  const used = new Set([...allSteps(flow)].map((s) => s.step.id));
  for (let n = 1; ; n++) if (!used.has(`${type}${n}`)) return `${type}${n}`;
}

/** a new step of a type, with the defaults a clerk most often wants */
export function newStep(flow: StepFlow, type: StepType): Step {
  const id = freshId(flow, type);
  const name = STEP_TYPE_LABELS[type];
  switch (type) {
    case 'review':
      return { type, id, name: '审核', role: 'competentReviewer', scope: 'competent', conclusions: ['approve', 'return', 'reject'], correctionDays: DEFAULT_CORRECTION_DAYS };
    case 'publicity':
      return { type, id, name: '公示', days: 5 };
    case 'resultPublicity':
      return { type, id, name: '评审结果公示', days: 5, countStartDay: true, complaints: { role: 'committeeClerk', scope: 'committeeOffice' } };
    case 'roster':
      return { type, id, name: '公示花名册', days: 5, countStartDay: true };
    case 'send':
      return { type, id, name: '分类送交', role: 'centreClerk', scope: 'centre', classify: true };
    case 'expertReview':
      return { type, id, name: '评审委员会评审表决', session: 'meeting', rule: 'twoThirds' };
    case 'filing':
      return { type, id, name: '核准备案', role: 'centreClerk', scope: 'centre' };
    case 'certificate':
      return { type, id, name: '制发职称电子证书' };
    case 'notify':
      return { type, id, name: '通知申报人' };
    case 'pass':
      return { type, id, name: '审核通过' };
    case 'condition':
      return {
        type,
        id,
        name: '条件分支',
        branches: [
          { name: '条件成立时', condition: { kind: 'group', op: 'and', children: [] }, steps: [] },
          { name: '其他情况', otherwise: true, steps: [] },
        ],
      };
    case 'parallel':
      return { type, id, name, branches: [{ name: '分支一', steps: [] }, { name: '分支二', steps: [] }] };
  }
}

/** one line under a step's name: who does it and how, in words */
export function summary(step: Step): string {
  switch (step.type) {
    case 'review': {
      const conclusions = step.conclusions.map((c) => (c === 'return' ? `退回补正（${step.correctionDays ?? DEFAULT_CORRECTION_DAYS} 个工作日内补正）` : CONCLUSION_LABELS[c])).join(' / ');
      return [`${scopeLabel(step.scope)} · ${roleLabel(step.role)}`, conclusions, step.dueDays ? `办理期限 ${step.dueDays} 个工作日` : ''].filter(Boolean).join('；');
    }
    case 'send':
    case 'filing':
      return `${scopeLabel(step.scope)} · ${roleLabel(step.role)}`;
    case 'publicity':
    case 'resultPublicity':
      return [`公示 ${step.days} 个工作日${step.countStartDay ? '（含当天）' : ''}`, step.complaints ? `受理投诉：${scopeLabel(step.complaints.scope)}核查` : '不受理投诉'].join('；');
    case 'roster':
      return `公示花名册 ${step.days} 个工作日${step.countStartDay ? '（含当天）' : ''}`;
    case 'expertReview':
      return [SESSION_LABELS[step.session], step.session === 'entrusted' ? '' : VOTE_RULES[step.rule].label, step.scoring ? `先评分：${step.scoring.name}` : ''].filter(Boolean).join('；');
    case 'certificate':
      return '制发电子证书（编号、核验码）';
    case 'notify': {
      // the compiler's default: nobody chosen tells the applicant
      const to = step.to ?? (step.role ? [] : ['applicant']);
      const who = [to.includes('applicant') ? '申报人' : '', to.includes('handlers') ? '此前办理过的各机构' : '', step.role && step.scope ? `${scopeLabel(step.scope)} · ${roleLabel(step.role)}` : ''].filter(Boolean);
      return `通知${who.join('、') || '（未选通知对象）'}，随即继续`;
    }
    case 'pass':
      return '申报审核通过，流程办结';
    case 'condition':
      return `${step.branches.length} 个分支，按顺序判断条件`;
    case 'parallel':
      return `${step.branches.length} 个分支同时办理，全部完成后继续`;
  }
}
