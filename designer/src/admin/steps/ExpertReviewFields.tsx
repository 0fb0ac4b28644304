// 专家评审: how the committee reviews (meeting, online, or entrusted to another committee whose result is
// recorded), the rule a vote passes by, and an optional scoring before the vote with its pass condition
// built with the condition builder over the scores.
import { Form, Input, Select, Switch } from 'antd';
import { ConditionBuilder, blankRule, compileCondition } from '../../common/condition-builder/index.js';
import { SCORE_FACTS } from '../../../../server/domain/workflow/steps/flow-facts.js';
import { SESSION_LABELS, VOTE_RULES } from '../../../../server/domain/workflow/steps/labels.js';
import type { ExpertReviewStep } from '../../../../server/domain/workflow/steps/types.js';

const DEFAULT_PASS = { kind: 'group' as const, op: 'and' as const, children: SCORE_FACTS.map((f) => ({ kind: 'rule' as const, fact: f.id, op: 'gte' as const, value: 60 })) };

export default function ExpertReviewFields({ step, onChange }: { step: ExpertReviewStep; onChange: (s: ExpertReviewStep) => void }) {
  const pass = step.scoring?.pass;
  const shown = pass && pass.children.length === 0 ? { ...pass, children: [blankRule()] } : pass;
  const compiled = shown ? compileCondition(shown) : undefined;
  return (
    <>
      <Form.Item label="评审方式">
        <Select data-testid="step-session" value={step.session} options={Object.entries(SESSION_LABELS).map(([value, label]) => ({ value, label }))} onChange={(session: ExpertReviewStep['session']) => onChange({ ...step, session })} />
      </Form.Item>
      {step.session !== 'entrusted' && (
        <Form.Item label="通过规则" tooltip="评委会专家无记名表决">
          <Select data-testid="step-rule" value={step.rule} options={Object.entries(VOTE_RULES).map(([value, r]) => ({ value, label: r.label }))} onChange={(rule: ExpertReviewStep['rule']) => onChange({ ...step, rule })} />
        </Form.Item>
      )}
      <Form.Item label="表决前评分" tooltip="讲课说课、面试答辩等由评委会办事机构录入评分，达标方可表决">
        <Switch
          checked={step.scoring !== undefined}
          checkedChildren="有"
          unCheckedChildren="无"
          onChange={(on) => {
            const { scoring: _, ...rest } = step;
            onChange(on ? { ...rest, scoring: { name: '讲课说课、面试答辩、量化评审、民主测评', pass: DEFAULT_PASS } } : rest);
          }}
        />
      </Form.Item>
      {step.scoring && shown && (
        <>
          <Form.Item label="评分环节名称">
            <Input value={step.scoring.name} onChange={(e) => onChange({ ...step, scoring: { ...step.scoring!, name: e.target.value } })} />
          </Form.Item>
          <Form.Item label="达标条件">
            <ConditionBuilder value={shown} onChange={(g) => onChange({ ...step, scoring: { ...step.scoring!, pass: g } })} facts={SCORE_FACTS} problems={compiled && !compiled.ok ? compiled.error : []} />
          </Form.Item>
        </>
      )}
    </>
  );
}
