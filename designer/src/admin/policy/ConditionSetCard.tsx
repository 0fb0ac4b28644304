// A module's 条件集: conditions that level paths reference one by one (each may reword its message there).
// The same rows and condition builder as a path card.
import { Card, Typography } from 'antd';
import { useMemo, useRef } from 'react';
import type { FactDef } from '../../../../server/domain/rules/condition-model.js';
import ConditionList from '../rules/ConditionList.js';
import { listOf, move, newCondition, replace, withList, without, type CondValue, type PointerProblem, type RulesOps, type RulesValue } from '../rules/rules-model.js';
import type { PolicyBody } from './policy-model.js';

export default function ConditionSetCard({ body, onChange, facts, problems }: { body: PolicyBody; onChange: (b: PolicyBody) => void; facts: readonly FactDef[]; problems: readonly PointerProblem[] }) {
  const latest = useRef({ body, onChange });
  latest.current = { body, onChange };
  const ops = useMemo<RulesOps>(() => {
    // the set as the conditions of path 0, so the rows and their pointers are the rules editor's
    const edit = (fn: (r: RulesValue) => RulesValue) => {
      const b = latest.current.body;
      const r = fn({ paths: [{ id: 'set', name: '条件集', conditions: b.conditions ?? [] }] });
      const conds = listOf(r, 0) as CondValue[];
      const { conditions: _c, ...rest } = b;
      latest.current.onChange({ ...rest, ...(conds.length ? { conditions: conds } : {}) });
    };
    const none = () => undefined;
    return {
      setCond: (list, j, c) => edit((r) => withList(r, list, replace(listOf(r, list), j, c))),
      moveCond: (list, j, d) => edit((r) => withList(r, list, move(listOf(r, list), j, d))),
      removeCond: (list, j) => edit((r) => withList(r, list, without(listOf(r, list), j))),
      addCond: (list) => edit((r) => withList(r, list, [...listOf(r, list), newCondition(listOf(r, list))])),
      setPath: none,
      movePath: none,
      removePath: none,
    };
  }, []);
  return (
    <Card size="small" title="条件集（层级的申报路径逐条引用，可改写提示语）" data-testid="condition-set-card">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        在层级的申报路径卡片中用“从政策库引用条件”选用这里的条件；修改后发布新版本，各层级重新发布时采用。
      </Typography.Paragraph>
      <ConditionList list={body.conditions ?? []} listRef={0} kind="path" facts={facts} problems={problems} focusRow={undefined} ops={ops} />
    </Card>
  );
}
