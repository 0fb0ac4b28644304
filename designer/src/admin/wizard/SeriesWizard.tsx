// 新建系列（向导）: 1 the series' name and starting point, 2 its levels (each empty or a copy of a level), 3 review
// and create — the series and every level saved as drafts (nothing published), then the series editor opens.
import { Alert, Button, Card, Descriptions, List, Space, Steps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorText } from '../../api.js';
import { navigate } from '../../common/router.js';
import { levelDefinitionKey } from '../series/series-model.js';
import { levelOptions, useDefinitionList } from '../series/useDefinitionList.js';
import LevelsStep from './LevelsStep.js';
import SeriesStep from './SeriesStep.js';
import { createDrafts, emptyWizard, levelStepProblems, loadSeries, seriesStepProblems, type WizardState } from './wizard-model.js';

export default function SeriesWizard() {
  const [step, setStep] = useState(0);
  const [state, setState] = useState<WizardState>(emptyWizard);
  const [tried, setTried] = useState<number[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const series = useDefinitionList('series');
  const levels = useDefinitionList('level');
  const options = levelOptions(levels.items, series.items);
  const optionLabel = new Map(options.map((o) => [o.value, o.label]));
  const patch = (p: Partial<WizardState>) => setState((s) => ({ ...s, ...p }));

  const problems = [seriesStepProblems(state, series.items.map((s) => s.key)), levelStepProblems(state, levels.items.map((l) => l.key))];
  const shown = (i: number) => (tried.includes(i) ? problems[i]! : {});
  const next = () => {
    setTried((t) => [...t, step]);
    if (Object.keys(problems[step] ?? {}).length === 0) setStep(step + 1);
  };

  const copySeries = async (key: string) => {
    patch({ copySeries: key });
    try {
      const s = await loadSeries(key);
      patch({
        specialties: s.specialties ?? [],
        code: s.code,
        examOnlyBelow: s.examOnlyBelow,
        levels: s.levels.map((l) => ({ title: l.title, grade: l.grade, levelKey: l.levelKey, keyTouched: true, ...(l.definition ? { copyFrom: l.definition } : {}) })),
      });
    } catch (e) {
      setError(errorText(e));
    }
  };

  const create = async () => {
    setError(null);
    try {
      const key = await createDrafts(state, setBusy);
      navigate(`/designer/series/${encodeURIComponent(key)}`);
    } catch (e) {
      setError(`创建未完成：${errorText(e)}（已保存的草稿可在列表中找到）`);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card title="新建系列（向导）" data-testid="series-wizard">
      <Steps current={step} style={{ marginBottom: 24 }} items={[{ title: '系列名称' }, { title: '层级' }, { title: '确认并创建' }]} />
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      {step === 0 && <SeriesStep state={state} onChange={patch} onCopySeries={(k) => void copySeries(k)} series={series.items} problems={shown(0)} />}
      {step === 1 && <LevelsStep state={state} onChange={(l) => patch({ levels: l })} levels={options} problems={shown(1)} />}
      {step === 2 && (
        <Space direction="vertical" style={{ width: '100%' }} data-testid="wizard-review">
          <Descriptions bordered size="small" column={1}>
            <Descriptions.Item label="系列名称">{state.name}</Descriptions.Item>
            <Descriptions.Item label="系列标识">{state.key}</Descriptions.Item>
            <Descriptions.Item label="起点">{state.start === 'copy' ? `复制「${series.items.find((s) => s.key === state.copySeries)?.name ?? state.copySeries}」` : '空白系列'}</Descriptions.Item>
            <Descriptions.Item label="专业">{state.specialties.length ? state.specialties.map((s) => s.name).join('、') : '（无，可在系列编辑器中添加）'}</Descriptions.Item>
          </Descriptions>
          <List
            header={<Typography.Text strong>将保存为草稿的层级定义（{state.levels.length} 个）</Typography.Text>}
            bordered
            dataSource={state.levels}
            renderItem={(l) => (
              <List.Item>
                <Space>
                  <Tag color="blue">{l.grade}</Tag>
                  <Typography.Text strong>{l.title}</Typography.Text>
                  <Typography.Text type="secondary">{levelDefinitionKey(state.key, l.levelKey)}</Typography.Text>
                  {l.copyFrom ? <Tag>复制自 {optionLabel.get(l.copyFrom) ?? l.copyFrom}：表单、规则、材料、流程、评委会、文书</Tag> : <Tag>空白</Tag>}
                </Space>
              </List.Item>
            )}
          />
          <Alert type="info" showIcon message="向导只保存草稿，不会发布。创建后在系列编辑器和各层级编辑器中完善、校验并发布。" />
        </Space>
      )}
      <Space style={{ marginTop: 24 }}>
        {step > 0 && (
          <Button onClick={() => setStep(step - 1)} disabled={!!busy}>
            上一步
          </Button>
        )}
        {step < 2 && (
          <Button type="primary" onClick={next} data-testid="wizard-next">
            下一步
          </Button>
        )}
        {step === 2 && (
          <Button type="primary" onClick={() => void create()} loading={!!busy} data-testid="wizard-create">
            创建草稿并打开系列
          </Button>
        )}
        {busy && <Typography.Text type="secondary">{busy}</Typography.Text>}
      </Space>
    </Card>
  );
}
