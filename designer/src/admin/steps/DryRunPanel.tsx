// 试运行: pick a sample applicant and a start date; the server walks the steps being edited on the holiday
// calendar (every review 同意, votes passing, no complaints) and answers each step's earliest dates and the
// branches taken. Nothing is stored, so it may be run on unsaved steps.
import { Alert, Button, DatePicker, Drawer, Form, Select, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import type { DryRun } from '../../../../server/domain/workflow/dry-run.js';
import { SAMPLE_APPLICANTS } from '../../../../server/domain/workflow/dry-run-profiles.js';
import type { StepFlow } from '../../../../server/domain/workflow/steps/types.js';
import { api, errorText } from '../../api.js';

export interface DryRunPanelProps {
  defKey: string;
  name: string;
  flow: StepFlow;
}

const span = (start: string, end: string) => (start === end ? start : `${start} → ${end}`);

export default function DryRunPanel({ defKey, name, flow }: DryRunPanelProps) {
  const [open, setOpen] = useState(false);
  const [sample, setSample] = useState(SAMPLE_APPLICANTS[0]!.id);
  const [start, setStart] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<DryRun | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await api.post<DryRun>('/api/workflow-steps/dry-run', { key: defKey, name, steps: flow, sample, start }));
    } catch (e) {
      setResult(null);
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="dry-run-open">
        试运行
      </Button>
      <Drawer title="试运行（按节假日日历推算各步骤最早日期，不保存）" open={open} onClose={() => setOpen(false)} size={520} className="zc-dry-run-drawer">
        <Form layout="vertical">
          <Form.Item label="样例申报人">
            <Select value={sample} onChange={setSample} options={SAMPLE_APPLICANTS.map((s) => ({ value: s.id, label: s.label }))} data-testid="dry-run-sample" />
          </Form.Item>
          <Form.Item label="开始日期（提交申报之日）">
            <DatePicker onChange={(_, text) => setStart(typeof text === 'string' ? text : '')} placeholder="选择开始日期" style={{ width: '100%' }} data-testid="dry-run-start" />
          </Form.Item>
          <Button type="primary" onClick={run} loading={busy} disabled={!start} data-testid="dry-run-go">
            开始试运行
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          假定每个审核都“同意”、专家表决通过、公示期间无投诉；办理类步骤按当天办结计。
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} data-testid="dry-run-error" />}
        {result && (
          <div data-testid="dry-run-result">
            <Timeline
              items={[
                ...result.steps.map((s) => ({
                  key: s.id,
                  color: s.branch ? 'purple' : 'blue',
                  content: (
                    <div data-testid="dry-run-step">
                      <Space size={4} wrap>
                        <Typography.Text strong>{s.name}</Typography.Text>
                        <Tag>{s.typeLabel}</Tag>
                      </Space>
                      <div className="zc-dry-run-date">{span(s.start, s.end)}</div>
                      {s.branch && (
                        <div data-testid="dry-run-branch">
                          走分支“{s.branch.name}”<Typography.Text type="secondary">（{s.branch.condition}）</Typography.Text>
                        </div>
                      )}
                    </div>
                  ),
                })),
                { key: 'end', color: 'green', content: <Typography.Text strong data-testid="dry-run-end">{`${result.end.name}：最早 ${result.end.date}`}</Typography.Text> },
              ]}
            />
          </div>
        )}
      </Drawer>
    </>
  );
}
