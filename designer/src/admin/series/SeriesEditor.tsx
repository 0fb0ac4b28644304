// 职称系列: name, code, 以考代评, specialties and levels as forms; the JSON in 高级, in sync both ways. Server check
// results show at their field (and all of them in the list on top).
import { Alert, Card, Form, Input, Select, Space, Spin, Tabs } from 'antd';
import { useEffect, useState } from 'react';
import EditorToolbar from '../EditorToolbar.js';
import JsonText from '../JsonText.js';
import ProblemList from '../ProblemList.js';
import { fieldStatus } from '../problems-at.js';
import { useDefinition } from '../useDefinition.js';
import LevelsTable from './LevelsTable.js';
import { freshSeries, gradeOptions, type SeriesBody } from './series-model.js';
import SpecialtiesTable from './SpecialtiesTable.js';
import { levelOptions, useDefinitionList } from './useDefinitionList.js';
import { describeSeriesPointer } from './describe-pointer.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export default function SeriesEditor({ defKey }: { defKey: string }) {
  const def = useDefinition<SeriesBody>('series', defKey, () => freshSeries(defKey));
  const [body, setBody] = useState<SeriesBody | null>(null);
  const [tab, setTab] = useState('form');
  const levels = useDefinitionList('level');
  const series = useDefinitionList('series');
  useEffect(() => {
    if (def.body && !body) setBody(def.body);
  }, [def.body, body]);
  if (def.loadError) return <Alert type="error" showIcon message={def.loadError} />;
  if (!body) return <Spin />;
  const patch = (p: Partial<SeriesBody>) => setBody({ ...body, ...p });
  const problems = def.problems;
  // the 高级 JSON may hold anything: the form shows what it can read
  const specialties = Array.isArray(body.specialties) ? body.specialties : [];
  const levelList = Array.isArray(body.levels) ? body.levels : [];

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <EditorToolbar def={def} title={`职称系列：${body.name || defKey}`} getBody={() => body} />
      <ProblemList problems={problems} describe={(p) => describeSeriesPointer(body, p.pointer)} onSelect={() => setTab('form')} />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'form',
            label: '系列设置',
            children: (
              <Form layout="vertical" data-testid="series-form">
                <Card size="small" title="基本信息">
                  <Space wrap align="start" size="large">
                    <Form.Item label="系列名称" required {...fieldStatus(problems, '/name')}>
                      <Input style={{ width: 280 }} value={body.name} data-testid="series-name" onChange={(e) => patch({ name: e.target.value })} />
                    </Form.Item>
                    <Form.Item label="系列标识" {...fieldStatus(problems, '/key')} extra="创建时确定，不可修改">
                      <Input style={{ width: 180 }} value={body.key} disabled />
                    </Form.Item>
                    <Form.Item label="系列代码（GB/T 8561，可不填）" {...fieldStatus(problems, '/code')}>
                      <Input style={{ width: 160 }} value={body.code ?? ''} onChange={(e) => patch({ code: e.target.value || undefined })} />
                    </Form.Item>
                    <Form.Item label="以考代评：此级别以下只考不评" {...fieldStatus(problems, '/examOnlyBelow')}>
                      <Select style={{ width: 200 }} allowClear placeholder="不适用" value={body.examOnlyBelow} options={gradeOptions} onChange={(examOnlyBelow?: string) => patch({ examOnlyBelow })} />
                    </Form.Item>
                  </Space>
                </Card>
                <Card size="small" title="专业" style={{ marginTop: 16 }}>
                  <Form.Item {...fieldStatus(problems, '/specialties')} style={{ marginBottom: 0 }}>
                    <SpecialtiesTable value={specialties} onChange={(s) => patch({ specialties: s })} problems={problems} />
                  </Form.Item>
                </Card>
                <Card size="small" title="层级" style={{ marginTop: 16 }}>
                  <Form.Item {...fieldStatus(problems, '/levels')} style={{ marginBottom: 0 }}>
                    <LevelsTable
                      seriesKey={body.key || defKey}
                      value={levelList}
                      onChange={(l) => patch({ levels: l })}
                      problems={problems}
                      definitions={levelOptions(levels.items, series.items)}
                      onCreated={() => void levels.reload()}
                    />
                  </Form.Item>
                </Card>
              </Form>
            ),
          },
          {
            key: 'advanced',
            label: '高级（JSON）',
            children: (
              <Card size="small" data-testid="series-advanced">
                <JsonText value={body} onChange={(v) => isObject(v) && setBody(v as unknown as SeriesBody)} rows={32} testId="definition-json" />
              </Card>
            ),
          },
        ]}
      />
    </Space>
  );
}
