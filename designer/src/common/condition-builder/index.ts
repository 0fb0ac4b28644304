// The condition builder, for the rules editor, a flow's 条件分支 and the form builder's show-if:
//   <ConditionBuilder value={model} onChange={setModel} facts={facts} operators={…} />   model in, model out
//   <FeelConditionEditor value={feel} onChange={setFeel} facts={facts} />                FEEL in, FEEL out
// facts: levelFacts(form, uiSchema) (a level's fields and the platform's facts) or any FactDef[] of one's own.
export { default as ConditionBuilder, type ConditionBuilderProps } from './ConditionBuilder.js';
export { default as FeelConditionEditor, type FeelConditionEditorProps } from './FeelConditionEditor.js';
export { appendTo, blankRule, moveAt, newGroup, nodeAt, removeAt, updateAt, withChoice, withFact, type At } from './model-edit.js';
export { compileCondition, type ConditionProblem } from '../../../../server/domain/rules/condition-compile.js';
export { parseCondition } from '../../../../server/domain/rules/condition-parse.js';
export { describeCondition, describeRule } from '../../../../server/domain/rules/condition-describe.js';
export { formFacts, levelFacts, factFor } from '../../../../server/domain/rules/condition-facts.js';
export { operatorChoices, OPERATORS } from '../../../../server/domain/rules/condition-operators.js';
export type { ConditionGroup, ConditionNode, ConditionRule, FactDef, FactType, OperatorId } from '../../../../server/domain/rules/condition-model.js';
