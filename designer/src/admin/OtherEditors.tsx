// 文书模板 (Handlebars source) and the kinds still edited as JSON (评委会).
import { Alert, Card, Col, Input, Row, Space, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { KIND_LABELS } from '../common/labels.js';
import EditorToolbar from './EditorToolbar.js';
import JsonText from './JsonText.js';
import ProblemList from './ProblemList.js';
import { useDefinition } from './useDefinition.js';

// 系列, 评审年度 and 日历 have form-based editors (series/, campaign/, calendar/); what remains here is JSON
const FRESH: Record<string, (key: string) => unknown> = {
  committees: () => ({ committees: [] }),
};

export function JsonDefinitionEditor({ kind, defKey }: { kind: string; defKey: string }) {
  const def = useDefinition<unknown>(kind, defKey, () => (FRESH[kind] ?? (() => ({})))(defKey));
  const [body, setBody] = useState<unknown>(undefined);
  useEffect(() => {
    if (def.body !== undefined && body === undefined) setBody(def.body);
  }, [def.body, body]);
  if (def.loadError) return <Alert type="error" showIcon message={def.loadError} />;
  if (body === undefined) return <Spin />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <EditorToolbar def={def} title={`${KIND_LABELS[kind] ?? kind}：${defKey}`} getBody={() => body} />
      <ProblemList problems={def.problems} />
      <Card size="small">
        <JsonText value={body} onChange={setBody} rows={32} testId="definition-json" />
      </Card>
    </Space>
  );
}

interface TemplateBody {
  name: string;
  source: string;
}

export function TemplateEditor({ defKey }: { defKey: string }) {
  const def = useDefinition<TemplateBody>('template', defKey, () => ({ name: defKey, source: '<h1>{{title}}</h1>\n' }));
  const [body, setBody] = useState<TemplateBody | null>(null);
  useEffect(() => {
    if (def.body && !body) setBody(def.body);
  }, [def.body, body]);
  if (def.loadError) return <Alert type="error" showIcon message={def.loadError} />;
  if (!body) return <Spin />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <EditorToolbar def={def} title={`文书模板：${body.name || defKey}`} getBody={() => body} />
      <ProblemList problems={def.problems} />
      <Row gutter={16}>
        <Col span={24}>
          <Card size="small" title="模板名称">
            <Input value={body.name} onChange={(e) => setBody({ ...body, name: e.target.value })} />
          </Card>
        </Col>
        <Col span={24} style={{ marginTop: 16 }}>
          <Card size="small" title="Handlebars 源文本（输出 HTML，服务器端渲染并自动转义）">
            <Input.TextArea className="zc-json" rows={28} value={body.source} spellCheck={false} onChange={(e) => setBody({ ...body, source: e.target.value })} />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
