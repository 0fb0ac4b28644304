// A reference to a policy module in the paths: the module's paths as one read-only card, each path with its
// conditions in Chinese, the version the level runs, and a link to open (and edit) the module.
import { Alert, Button, Card, Space, Tag, Typography } from 'antd';
import { memo } from 'react';
import type { FactDef } from '../../../../server/domain/rules/condition-model.js';
import { describeExpr, moduleHref, usePolicyModuleMap, versionText } from './policy-modules.js';
import { pathOwnProblems, type PointerProblem, type RulesOps, type UseValue } from './rules-model.js';

export interface ModulePathCardProps {
  entry: UseValue;
  index: number;
  count: number;
  facts: readonly FactDef[];
  problems: readonly PointerProblem[] | null;
  focusRow: string | undefined;
  ops: RulesOps;
}

function ModulePathCard({ entry, index, count, facts, problems, focusRow, ops }: ModulePathCardProps) {
  const m = usePolicyModuleMap().get(entry.use);
  const own = pathOwnProblems(problems, index);
  return (
    <Card
      size="small"
      className={`zc-path-card zc-module-card${focusRow === `/rules/paths/${index}` ? ' zc-rule-row-focused' : ''}`}
      data-testid="module-path-card"
      data-pointer={`/rules/paths/${index}`}
      title={
        <Space size={6} wrap>
          <Tag color="purple">政策库 · 路径 {index + 1}</Tag>
          <a href={moduleHref(entry.use)} data-testid="open-module">
            {m?.body.name ?? entry.use}
          </a>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }} data-testid="module-version">
            {versionText(entry, m)}
          </Typography.Text>
        </Space>
      }
      extra={
        <Space size={0}>
          <Button size="small" type="text" disabled={index === 0} onClick={() => ops.movePath(index, -1)} aria-label="上移路径">
            ↑
          </Button>
          <Button size="small" type="text" disabled={index === count - 1} onClick={() => ops.movePath(index, 1)} aria-label="下移路径">
            ↓
          </Button>
          <Button size="small" type="text" danger onClick={() => ops.removePath(index)} data-testid="path-remove">
            不再引用
          </Button>
        </Space>
      }
    >
      {!m && <Alert type="warning" showIcon title={`政策规则模块「${entry.use}」不存在或尚未发布`} />}
      {own.length > 0 && (
        <ul className="zc-rule-row-problems" data-testid="path-problems">
          {own.map((p, i) => (
            <li key={i}>{p.message}</li>
          ))}
        </ul>
      )}
      {(m?.body.paths ?? []).map((p) => (
        <div key={p.id} className="zc-module-path">
          <Space size={6} wrap>
            <Typography.Text strong>{p.name}</Typography.Text>
            {p.quotaExempt && <Tag>不占岗位指标</Tag>}
            {p.onceOnly && <Tag>每人限用一次</Tag>}
            <Typography.Text type="secondary">以下条件须全部满足</Typography.Text>
          </Space>
          <ol className="zc-module-conds">
            {p.conditions.map((c) => (
              <li key={c.id}>
                {describeExpr(c.expr, facts)}
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  不满足时告诉申报人：{c.message}
                </Typography.Text>
              </li>
            ))}
          </ol>
        </div>
      ))}
    </Card>
  );
}

export default memo(ModulePathCard);
