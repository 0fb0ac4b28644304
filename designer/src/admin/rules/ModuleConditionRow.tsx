// A condition (or the 不得申报 情形) that comes from a policy module: read-only here, described in Chinese,
// with the module's name, the version the level runs and a link to open the module. Edited in the module.
import { Alert, Button, Space, Tag, Tooltip, Typography } from 'antd';
import { memo, useMemo } from 'react';
import type { FactDef } from '../../../../server/domain/rules/condition-model.js';
import { describeExpr, moduleHref, usePolicyModuleMap, versionText } from './policy-modules.js';
import { listPointer, problemsAt, type CondUseValue, type CondValue, type ListRef, type PointerProblem, type RulesOps, type UseValue } from './rules-model.js';

export interface ModuleConditionRowProps {
  entry: UseValue;
  index: number;
  count: number;
  listRef: ListRef;
  kind: 'path' | 'block';
  facts: readonly FactDef[];
  problems: readonly PointerProblem[] | null;
  focused: boolean;
  ops: RulesOps;
}

function ModuleConditionRow({ entry, index, count, listRef, kind, facts, problems: all, focused, ops }: ModuleConditionRowProps) {
  const modules = usePolicyModuleMap();
  const m = modules.get(entry.use);
  const pointer = listPointer(listRef, index);
  const problems = useMemo(() => problemsAt(all, pointer), [all, pointer]);
  const conds: CondValue[] = useMemo(() => {
    if (!m) return [];
    if (kind === 'block') return m.body.blocks ?? [];
    const u = entry as CondUseValue;
    const c = m.body.conditions?.find((x) => x.id === u.condition);
    return c ? [{ ...c, message: u.message ?? c.message }] : [];
  }, [m, entry, kind]);

  return (
    <div className={`zc-rule-row zc-rule-row-module${focused ? ' zc-rule-row-focused' : ''}${problems.length ? ' zc-rule-row-error' : ''}`} data-testid="module-row" data-pointer={pointer}>
      <div className="zc-rule-row-head">
        <Space size={6} wrap>
          <Typography.Text strong>
            {kind === 'block' ? '情形' : '条件'} {index + 1}
          </Typography.Text>
          <Tag color="purple">政策库</Tag>
          <a href={moduleHref(entry.use)} data-testid="open-module">
            {m?.body.name ?? entry.use}
          </a>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="module-version">
            {versionText(entry, m)}
          </Typography.Text>
        </Space>
        <Space size={0}>
          <Button size="small" type="text" disabled={index === 0} onClick={() => ops.moveCond(listRef, index, -1)} aria-label="上移条件">
            ↑
          </Button>
          <Button size="small" type="text" disabled={index === count - 1} onClick={() => ops.moveCond(listRef, index, 1)} aria-label="下移条件">
            ↓
          </Button>
          <Tooltip title="不再引用（模块本身不变）">
            <Button size="small" type="text" danger onClick={() => ops.removeCond(listRef, index)} aria-label="删除条件" data-testid="row-remove">
              删除
            </Button>
          </Tooltip>
        </Space>
      </div>
      {!m && <Alert type="warning" showIcon title={`政策规则模块「${entry.use}」不存在或尚未发布`} />}
      {conds.map((c, i) => (
        <div key={i} className="zc-module-cond">
          <Typography.Text>{describeExpr(c.expr, facts)}</Typography.Text>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {kind === 'block' ? '成立时告诉申报人' : '不满足时告诉申报人'}：{c.message}
          </Typography.Text>
        </div>
      ))}
      {problems.length > 0 && (
        <ul className="zc-rule-row-problems" data-testid="row-problems">
          {problems.map((p, i) => (
            <li key={i} data-code={p.code}>
              {p.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export default memo(ModuleConditionRow);
