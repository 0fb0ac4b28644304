// One chain of steps, top to bottom, with a + before, between and after the cards. Branching steps hold
// chains of their own (StepCard shows them as columns), so this renders recursively.
import type { Step, StepType } from '../../../../server/domain/workflow/steps/types.js';
import AddStepButton from './AddStepButton.js';
import StepCard from './StepCard.js';
import type { ChainPath, StepPath } from './step-tree.js';

export interface ChainOps {
  add(at: ChainPath, index: number, type: StepType): void;
  select(path: StepPath): void;
  move(path: StepPath, delta: -1 | 1): void;
  remove(path: StepPath): void;
  /** problems on the step at this path (messages) */
  problemsOf(path: StepPath): string[];
  selected: StepPath | null;
  readOnly: boolean;
}

export default function StepChainView({ chain, at, ops }: { chain: readonly Step[]; at: ChainPath; ops: ChainOps }) {
  return (
    <div className="zc-steps-chain" data-testid="step-chain">
      <AddStepButton where={chain.length === 0 ? '此处' : `“${chain[0]!.name}”之前`} disabled={ops.readOnly} onAdd={(t) => ops.add(at, 0, t)} />
      {chain.map((step, i) => (
        <div key={step.id} className="zc-steps-chain">
          <StepCard step={step} path={[...at, i]} first={i === 0} last={i === chain.length - 1} ops={ops} />
          <AddStepButton where={`“${step.name}”之后`} disabled={ops.readOnly} onAdd={(t) => ops.add(at, i + 1, t)} />
        </div>
      ))}
    </div>
  );
}
