// The conditions of one path card (or the 不得申报 card): rows in order, add / move / remove. Memoised with
// its rows: typing in one row re-renders that row only, not the thirty others.
import { Button, Empty } from 'antd';
import { memo } from 'react';
import type { FactDef } from '../../../../server/domain/rules/condition-model.js';
import ConditionRow from './ConditionRow.js';
import ModuleConditionRow from './ModuleConditionRow.js';
import { isUseValue, listPointer, type ListEntry, type ListRef, type PointerProblem, type RulesOps } from './rules-model.js';

export interface ConditionListProps {
  /** own conditions, and references to policy modules (shown read-only) */
  list: readonly ListEntry[];
  listRef: ListRef;
  kind: 'path' | 'block';
  facts: readonly FactDef[];
  problems: readonly PointerProblem[] | null;
  focusRow: string | undefined;
  ops: RulesOps;
}

function ConditionList({ list, listRef, kind, facts, problems, focusRow, ops }: ConditionListProps) {
  return (
    <div className="zc-rule-list">
      {list.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={kind === 'block' ? '没有不得申报的情形' : '还没有条件：任何人都符合此路径'} />}
      {list.map((c, j) =>
        isUseValue(c) ? (
          <ModuleConditionRow key={j} entry={c} index={j} count={list.length} listRef={listRef} kind={kind} facts={facts} problems={problems} focused={focusRow === listPointer(listRef, j)} ops={ops} />
        ) : (
        <ConditionRow
          key={j}
          cond={c}
          index={j}
          count={list.length}
          listRef={listRef}
          kind={kind}
          facts={facts}
          problems={problems}
          focused={focusRow === listPointer(listRef, j)}
          ops={ops}
        />
        ),
      )}
      <Button type="dashed" block onClick={() => ops.addCond(listRef)} data-testid="add-condition">
        + {kind === 'block' ? '添加不得申报的情形' : '添加条件'}
      </Button>
    </div>
  );
}

export default memo(ConditionList);
