// 决定表单: the forms reviewers, committees and offices fill in at each step of the flow (flows name them),
// each edited with the same visual field editor as the application form. A decision form is stored as a JSON
// Schema only, so the field order is written into the schema (foldOrder); other display hints are not kept.
import { Alert, Button, Card, Col, Empty, Input, List, Popconfirm, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import type { ProblemDetail } from '../../api.js';
import FormBuilder from '../form-builder/FormBuilder.js';
import { problemsAt } from '../problems-at.js';
import { decisionLabel, foldOrder, newDecisionName, token, type LevelBody } from './level-model.js';

export interface DecisionsTabProps {
  body: LevelBody;
  patch: (p: Partial<LevelBody>) => void;
  problems: ProblemDetail[] | null;
  focus: string | null;
}

type Obj = Record<string, unknown>;

export default function DecisionsTab({ body, patch, problems, focus }: DecisionsTabProps) {
  const decisions: Obj = (body.decisions as Obj | undefined) ?? {};
  const names = Object.keys(decisions);
  const focused = focus?.startsWith('/decisions/') ? names.find((n) => focus === `/decisions/${token(n)}` || focus.startsWith(`/decisions/${token(n)}/`)) : undefined;
  const [picked, setPicked] = useState<string | undefined>(undefined);
  const current = picked && names.includes(picked) ? picked : (focused ?? names[0]);
  // display hints of this session (the schema keeps only what the workbench reads)
  const [ui, setUi] = useState<Record<string, Obj>>({});
  const [selected, setSelected] = useState<string[] | null>(null);
  const schema = current ? decisions[current] : undefined;
  const setDecisions = (d: Obj) => patch({ decisions: d as LevelBody['decisions'] });
  const title = (s: unknown) => (typeof s === 'object' && s !== null && typeof (s as Obj).title === 'string' ? ((s as Obj).title as string) : '');

  return (
    <Row gutter={16} data-testid="level-decisions">
      <Col xs={24} lg={7}>
        <Card
          size="small"
          title="决定表单（流程各环节填写）"
          extra={
            <Button
              size="small"
              data-testid="add-decision"
              onClick={() => {
                const name = newDecisionName(decisions);
                setDecisions({ ...decisions, [name]: { type: 'object', title: '新的决定表单', required: [], properties: {} } });
                setPicked(name);
              }}
            >
              添加
            </Button>
          }
        >
          {names.length === 0 ? (
            <Empty description="没有决定表单" />
          ) : (
            <List
              size="small"
              dataSource={names}
              renderItem={(n) => (
                <List.Item
                  onClick={() => {
                    setPicked(n);
                    setSelected(null);
                  }}
                  style={{ cursor: 'pointer', background: n === current ? '#e6f4ff' : undefined, paddingInline: 8 }}
                  data-testid="decision-item"
                  data-pointer={`/decisions/${token(n)}`}
                >
                  <Space direction="vertical" size={0}>
                    <Typography.Text strong={n === current} type={problemsAt(problems, `/decisions/${token(n)}`, true).length ? 'danger' : undefined}>
                      {decisionLabel(n, decisions[n])}
                    </Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={17}>
        {current && (
          <Card
            size="small"
            title={`编辑：${decisionLabel(current, schema)}`}
            extra={
              <Popconfirm
                title="删除这个决定表单？引用它的流程环节将无法提交"
                okText="删除"
                cancelText="取消"
                onConfirm={() => {
                  const { [current]: _drop, ...rest } = decisions;
                  setDecisions(rest);
                  setPicked(undefined);
                }}
              >
                <Button size="small" danger>
                  删除此表单
                </Button>
              </Popconfirm>
            }
          >
            {problemsAt(problems, `/decisions/${token(current)}`, true).map((p, i) => (
              <Alert key={i} type="error" showIcon message={p.message} style={{ marginBottom: 8 }} />
            ))}
            <Space style={{ marginBottom: 8 }}>
              <Typography.Text>表单标题：</Typography.Text>
              <Input
                style={{ width: 360 }}
                data-testid="decision-title"
                value={title(schema)}
                placeholder={decisionLabel(current, schema)}
                onChange={(e) => setDecisions({ ...decisions, [current]: { ...(schema as Obj), title: e.target.value } })}
              />
            </Space>
            <FormBuilder
              key={current}
              form={schema}
              uiSchema={ui[current] ?? {}}
              onChange={(f, u) => {
                setUi({ ...ui, [current]: u });
                setDecisions({ ...decisions, [current]: foldOrder(f, u) });
              }}
              selected={selected}
              onSelect={setSelected}
            />
          </Card>
        )}
      </Col>
    </Row>
  );
}
