// 一项指标: its name, total, how it is split, which levels it counts and which 申报路径 do not count, and the
// allocation to each org — all chosen from lists by their Chinese names.
import { Button, Card, Checkbox, Form, Input, InputNumber, Select, Space, Table } from 'antd';
import type { ProblemDetail } from '../../api.js';
import { fieldStatus } from '../problems-at.js';
import type { DefinitionOption } from '../series/useDefinitionList.js';
import { QUOTA_PER, type Allocation, type Quota } from './campaign-model.js';
import { useLevelPaths } from './useLevelPaths.js';

export default function QuotaCard({
  quota,
  index,
  onChange,
  onRemove,
  problems,
  levels,
  orgs,
}: {
  quota: Quota;
  index: number;
  onChange: (q: Quota) => void;
  onRemove: () => void;
  problems: ProblemDetail[] | null;
  levels: DefinitionOption[];
  orgs: { value: string; label: string }[];
}) {
  const at = (field: string) => fieldStatus(problems, `/quotas/${index}/${field}`);
  const paths = useLevelPaths(quota.levels ?? []);
  const allocations = quota.allocations ?? [];
  const setAlloc = (j: number, p: Partial<Allocation>) => onChange({ ...quota, allocations: allocations.map((a, k) => (k === j ? { ...a, ...p } : a)) });
  const total = allocations.reduce((s, a) => s + (a.limit || 0), 0);
  return (
    <Card size="small" title={quota.name || `指标 ${index + 1}`} extra={<Button type="link" danger onClick={onRemove}>删除指标</Button>} style={{ marginBottom: 12 }} data-testid="quota-card">
      <Space wrap align="start" size="middle">
        <Form.Item label="指标名称" required {...at('name')}>
          <Input style={{ width: 420 }} value={quota.name} onChange={(e) => onChange({ ...quota, name: e.target.value })} />
        </Form.Item>
        <Form.Item label="总数" required {...at('limit')}>
          <InputNumber min={0} precision={0} value={quota.limit} onChange={(v) => onChange({ ...quota, limit: v ?? 0 })} />
        </Form.Item>
        <Form.Item label="分配方式" {...at('per')}>
          <Select style={{ width: 160 }} allowClear placeholder="不分配" value={quota.per} options={QUOTA_PER} onChange={(per?: Quota['per']) => onChange({ ...quota, per })} />
        </Form.Item>
        <Form.Item label=" " {...at('sample')}>
          <Checkbox checked={quota.sample ?? false} onChange={(e) => onChange({ ...quota, sample: e.target.checked || undefined })}>
            示例数据（非官方数字）
          </Checkbox>
        </Form.Item>
      </Space>
      <Form.Item label="适用层级" {...fieldStatus(problems, `/quotas/${index}/levels`, true)}>
        <Select mode="multiple" optionFilterProp="label" value={quota.levels ?? []} options={levels} placeholder="选择层级" onChange={(l: string[]) => onChange({ ...quota, levels: l })} />
      </Form.Item>
      <Form.Item label="不占指标的申报路径" {...fieldStatus(problems, `/quotas/${index}/exemptPaths`, true)}>
        <Select
          mode="multiple"
          optionFilterProp="label"
          value={quota.exemptPaths ?? []}
          options={[...paths, ...(quota.exemptPaths ?? []).filter((p) => !paths.some((x) => x.value === p)).map((p) => ({ value: p, label: `（未知路径）${p}` }))]}
          placeholder={quota.levels?.length ? '选择申报路径' : '先选择适用层级'}
          onChange={(p: string[]) => onChange({ ...quota, exemptPaths: p })}
        />
      </Form.Item>
      <Form.Item label={`分配（合计 ${total} / ${quota.limit}）`} {...fieldStatus(problems, `/quotas/${index}/allocations`)}>
        <Table<Allocation>
          size="small"
          rowKey={(_, j) => String(j)}
          dataSource={allocations}
          pagination={false}
          locale={{ emptyText: '未分配' }}
          columns={[
            {
              title: '机构',
              render: (_, a, j) => (
                <Form.Item style={{ margin: 0 }} {...fieldStatus(problems, `/quotas/${index}/allocations/${j}/orgId`)}>
                  {orgs.length ? (
                    <Select showSearch optionFilterProp="label" style={{ width: '100%' }} value={a.orgId || undefined} options={orgs.some((o) => o.value === a.orgId) || !a.orgId ? orgs : [...orgs, { value: a.orgId, label: a.orgId }]} onChange={(orgId: string) => setAlloc(j, { orgId })} />
                  ) : (
                    <Input value={a.orgId} placeholder="机构代码" onChange={(e) => setAlloc(j, { orgId: e.target.value.trim() })} />
                  )}
                </Form.Item>
              ),
            },
            {
              title: '名额',
              width: 120,
              render: (_, a, j) => (
                <Form.Item style={{ margin: 0 }} {...fieldStatus(problems, `/quotas/${index}/allocations/${j}/limit`)}>
                  <InputNumber min={0} precision={0} value={a.limit} onChange={(v) => setAlloc(j, { limit: v ?? 0 })} />
                </Form.Item>
              ),
            },
            { title: '', width: 70, render: (_, __, j) => <Button type="link" danger onClick={() => onChange({ ...quota, allocations: allocations.filter((_, k) => k !== j) })}>删除</Button> },
          ]}
          footer={() => <Button onClick={() => onChange({ ...quota, allocations: [...allocations, { orgId: '', limit: 0 }] })}>+ 添加分配</Button>}
        />
      </Form.Item>
    </Card>
  );
}
