// The condition builder: value in, value out. It edits a condition model (groups of fact · operator · value
// rules) against a list of facts with Chinese names, and knows nothing of levels, flows or forms. The rules
// editor and a flow's 条件分支 wrap it with FEEL (FeelConditionEditor); the form builder's show-if can wrap
// it with JSON Schema and narrow `operators` to what it can express.
import type { ConditionProblem } from '../../../../server/domain/rules/condition-compile.js';
import type { ConditionGroup, FactDef, OperatorId } from '../../../../server/domain/rules/condition-model.js';
import GroupEditor from './GroupEditor.js';
import './condition-builder.css';

export interface ConditionBuilderProps {
  value: ConditionGroup;
  onChange: (next: ConditionGroup) => void;
  /** what a rule may test, with Chinese labels (see formFacts / levelFacts) */
  facts: readonly FactDef[];
  /** only these operators are offered (default: all that fit the fact) */
  operators?: readonly OperatorId[];
  /** nested 全部/任一 groups may be added (default true) */
  nested?: boolean;
  /** unfinished parts to show where they are (compileCondition's problems) */
  problems?: readonly ConditionProblem[];
  disabled?: boolean;
}

export default function ConditionBuilder({ value, onChange, facts, operators, nested = true, problems = [], disabled }: ConditionBuilderProps) {
  return (
    <div className="zc-cb" data-testid="condition-builder">
      <GroupEditor root={value} at={[]} group={value} facts={facts} onChange={onChange} operators={operators} nested={nested} problems={problems} disabled={disabled} />
    </div>
  );
}
