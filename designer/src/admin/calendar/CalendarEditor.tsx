// 节假日日历: a year's 法定节假日 (放假日) and 调休上班日, picked on a calendar or as date ranges, listed by month;
// the JSON in 高级, in sync both ways. Server check results show at the date they concern.
import { Alert, Card, Col, Form, Input, InputNumber, Row, Space, Spin, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import EditorToolbar from '../EditorToolbar.js';
import JsonText from '../JsonText.js';
import ProblemList from '../ProblemList.js';
import { fieldStatus } from '../problems-at.js';
import { useDefinition } from '../useDefinition.js';
import DateList from './DateList.js';
import { describeCalendarPointer } from './describe-pointer.js';
import YearCalendar from './YearCalendar.js';

export interface CalendarBody {
  year: number;
  daysOff: string[];
  workdays: string[];
  source?: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const freshCalendar = (key: string): CalendarBody => ({ year: /^\d{4}$/.test(key) ? Number(key) : new Date().getFullYear(), daysOff: [], workdays: [] });

export default function CalendarEditor({ defKey }: { defKey: string }) {
  const def = useDefinition<CalendarBody>('calendar', defKey, () => freshCalendar(defKey));
  const [body, setBody] = useState<CalendarBody | null>(null);
  useEffect(() => {
    if (def.body && !body) setBody(def.body);
  }, [def.body, body]);
  if (def.loadError) return <Alert type="error" showIcon message={def.loadError} />;
  if (!body) return <Spin />;
  const patch = (p: Partial<CalendarBody>) => setBody({ ...body, ...p });
  const problems = def.problems;
  const daysOff = Array.isArray(body.daysOff) ? body.daysOff : [];
  const workdays = Array.isArray(body.workdays) ? body.workdays : [];

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <EditorToolbar def={def} title={`节假日日历：${body.year ?? defKey} 年`} getBody={() => body} />
      <ProblemList problems={problems} describe={(p) => describeCalendarPointer(body, p.pointer)} />
      <Tabs
        items={[
          {
            key: 'form',
            label: '日历',
            children: (
              <Form layout="vertical" data-testid="calendar-form">
                <Space wrap size="large">
                  <Form.Item label="年份" {...fieldStatus(problems, '/year')} extra="创建时确定，与标识一致">
                    <InputNumber value={body.year} disabled />
                  </Form.Item>
                  <Form.Item label="依据（如国务院办公厅通知的文号）" {...fieldStatus(problems, '/source')}>
                    <Input style={{ width: 420 }} value={body.source ?? ''} onChange={(e) => patch({ source: e.target.value || undefined })} />
                  </Form.Item>
                </Space>
                <Row gutter={16}>
                  <Col xs={24} xl={12}>
                    <Card size="small" title="法定节假日（放假日）" data-testid="days-off">
                      <DateList field="daysOff" year={body.year} value={daysOff} other={workdays} problems={problems} onChange={(d) => patch({ daysOff: d })} />
                    </Card>
                  </Col>
                  <Col xs={24} xl={12}>
                    <Card size="small" title="调休上班日（周末上班）" data-testid="workdays">
                      <DateList field="workdays" year={body.year} value={workdays} other={daysOff} problems={problems} onChange={(d) => patch({ workdays: d })} />
                    </Card>
                  </Col>
                </Row>
                <Card size="small" title="按月查看（点击日期：工作日 → 放假 → 调休上班 → 工作日）" style={{ marginTop: 16 }}>
                  <Typography.Paragraph type="secondary">周末本来就休息，无需列为放假日；只有调休需要上班的周末才列为调休上班日。</Typography.Paragraph>
                  <YearCalendar year={body.year} daysOff={daysOff} workdays={workdays} onChange={(d, w) => patch({ daysOff: d, workdays: w })} />
                </Card>
              </Form>
            ),
          },
          {
            key: 'advanced',
            label: '高级（JSON）',
            children: (
              <Card size="small">
                <JsonText value={body} onChange={(v) => isObject(v) && setBody(v as unknown as CalendarBody)} rows={32} testId="definition-json" />
              </Card>
            ),
          },
        ]}
      />
    </Space>
  );
}
