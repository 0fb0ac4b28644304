// 评审年度: name, year, phases with dates picked on a calendar, 资历/学历截止日, the levels open this year and the
// quotas — all as forms; the JSON in 高级, in sync both ways. Server check results show at their field.
import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, Select, Space, Spin, Tabs } from 'antd';
import { useEffect, useState } from 'react';
import EditorToolbar from '../EditorToolbar.js';
import JsonText from '../JsonText.js';
import ProblemList from '../ProblemList.js';
import { fieldStatus } from '../problems-at.js';
import { levelOptions, useDefinitionList } from '../series/useDefinitionList.js';
import { useDefinition } from '../useDefinition.js';
import { keyFromName, uniqueKey } from '../wizard/derive-key.js';
import { CUTOFFS, freshCampaign, fromDay, toDay, type CampaignBody, type Quota } from './campaign-model.js';
import { describeCampaignPointer } from './describe-pointer.js';
import PhasesTable from './PhasesTable.js';
import QuotaCard from './QuotaCard.js';
import { useOrgOptions } from './useOrgOptions.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export default function CampaignEditor({ defKey }: { defKey: string }) {
  const def = useDefinition<CampaignBody>('campaign', defKey, () => freshCampaign(defKey));
  const [body, setBody] = useState<CampaignBody | null>(null);
  const levels = useDefinitionList('level');
  const series = useDefinitionList('series');
  const orgs = useOrgOptions();
  useEffect(() => {
    if (def.body && !body) setBody(def.body);
  }, [def.body, body]);
  if (def.loadError) return <Alert type="error" showIcon message={def.loadError} />;
  if (!body) return <Spin />;
  const patch = (p: Partial<CampaignBody>) => setBody({ ...body, ...p });
  const problems = def.problems;
  const phases = Array.isArray(body.phases) ? body.phases : [];
  const cutoffs = isObject(body.cutoffs) ? body.cutoffs : { education: '', tenure: '' };
  const quotas = Array.isArray(body.quotas) ? body.quotas : [];
  const options = levelOptions(levels.items, series.items);
  const setQuota = (i: number, q: Quota) => patch({ quotas: quotas.map((x, j) => (j === i ? q : x)) });
  const addQuota = () => {
    const name = `指标 ${quotas.length + 1}`;
    patch({ quotas: [...quotas, { key: uniqueKey(keyFromName(name, 'quota'), quotas.map((q) => q.key)), name, limit: 0 }] });
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <EditorToolbar def={def} title={`评审年度：${body.name || defKey}`} getBody={() => body} />
      <ProblemList problems={problems} describe={(p) => describeCampaignPointer(body, p.pointer)} />
      <Tabs
        items={[
          {
            key: 'form',
            label: '年度安排',
            children: (
              <Form layout="vertical" data-testid="campaign-form">
                <Card size="small" title="基本信息">
                  <Space wrap align="start" size="large">
                    <Form.Item label="名称" required {...fieldStatus(problems, '/name')}>
                      <Input style={{ width: 320 }} value={body.name} data-testid="campaign-name" onChange={(e) => patch({ name: e.target.value })} />
                    </Form.Item>
                    <Form.Item label="年度" required {...fieldStatus(problems, '/year')}>
                      <InputNumber min={2000} max={2100} precision={0} value={body.year} onChange={(v) => v && patch({ year: v })} />
                    </Form.Item>
                    <Form.Item label="标识" {...fieldStatus(problems, '/key')} extra="创建时确定，不可修改">
                      <Input style={{ width: 120 }} value={body.key} disabled />
                    </Form.Item>
                  </Space>
                </Card>
                <Card size="small" title="工作阶段（北京时间的日期，含首尾两日）" style={{ marginTop: 16 }}>
                  <Form.Item {...fieldStatus(problems, '/phases')} style={{ marginBottom: 0 }}>
                    <PhasesTable value={phases} year={body.year} onChange={(p) => patch({ phases: p })} problems={problems} />
                  </Form.Item>
                </Card>
                <Card size="small" title="截止日期" style={{ marginTop: 16 }}>
                  <Space wrap size="large">
                    {CUTOFFS.map((c) => (
                      <Form.Item key={c.field} label={c.label} required extra={c.help} {...fieldStatus(problems, `/cutoffs/${c.field}`)}>
                        <DatePicker data-testid={`cutoff-${c.field}`} allowClear={false} value={toDay(cutoffs[c.field])} onChange={(d) => patch({ cutoffs: { ...cutoffs, [c.field]: fromDay(d) } })} />
                      </Form.Item>
                    ))}
                  </Space>
                </Card>
                <Card size="small" title="本年度开放的层级" style={{ marginTop: 16 }}>
                  <Form.Item extra="不选则全部已发布的层级都开放申报" {...fieldStatus(problems, '/levels', true)}>
                    <Select
                      mode="multiple"
                      optionFilterProp="label"
                      placeholder="全部层级"
                      value={body.levels ?? []}
                      options={options}
                      onChange={(l: string[]) => patch({ levels: l.length ? l : undefined })}
                    />
                  </Form.Item>
                </Card>
                <Card size="small" title="指标（名额）" style={{ marginTop: 16 }} extra={<Button onClick={addQuota}>+ 添加指标</Button>}>
                  {quotas.length === 0 && <Alert type="info" message="本年度没有设置指标" />}
                  {quotas.map((q, i) => (
                    <QuotaCard key={i} quota={q} index={i} problems={problems} levels={options} orgs={orgs} onChange={(x) => setQuota(i, x)} onRemove={() => patch({ quotas: quotas.filter((_, j) => j !== i) })} />
                  ))}
                </Card>
              </Form>
            ),
          },
          {
            key: 'advanced',
            label: '高级（JSON）',
            children: (
              <Card size="small">
                <JsonText value={body} onChange={(v) => isObject(v) && setBody(v as unknown as CampaignBody)} rows={32} testId="definition-json" />
              </Card>
            ),
          },
        ]}
      />
    </Space>
  );
}
