// 申报表单: the visual field editor (or the form's JSON Schema and UI schema), beside a live preview whose
// answers are the sample applicant 试算 uses.
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { Alert, Card, Col, Row, Tabs } from 'antd';
import { Component, useRef, type ReactNode } from 'react';
import type { ProblemDetail } from '../../api.js';
import SchemaForm from '../../forms/SchemaForm.js';
import FormBuilder from '../form-builder/FormBuilder.js';
import { usePreviewFollow } from '../form-builder/usePreviewFollow.js';
import JsonText from '../JsonText.js';

class PreviewBoundary extends Component<{ children: ReactNode; resetKey: string }, { error: string | null }> {
  override state = { error: null as string | null };
  static getDerivedStateFromError(e: Error) {
    return { error: e.message };
  }
  override componentDidUpdate(prev: { resetKey: string }) {
    if (prev.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }
  override render() {
    return this.state.error ? <Alert type="error" showIcon message={`预览失败：${this.state.error}`} /> : this.props.children;
  }
}

export interface FormTabProps {
  form: RJSFSchema | undefined;
  uiSchema: UiSchema | undefined;
  /** the form and/or UI schema changed (each JSON pane changes only its own) */
  patch: (p: { form?: RJSFSchema; uiSchema?: UiSchema }) => void;
  mode: string;
  onMode: (m: string) => void;
  selected: string[] | null;
  onSelect: (path: string[] | null) => void;
  sample: Record<string, unknown>;
  onSample: (s: Record<string, unknown>) => void;
  /** the level's materials, offered by 材料引用 fields */
  materials?: readonly { id: string; name: string }[];
  /** the server's check results: those under /form show at their field */
  problems?: readonly ProblemDetail[] | null;
}

export default function FormTab({ form, uiSchema, patch, mode, onMode, selected, onSelect, sample, onSample, materials, problems }: FormTabProps) {
  const previewBox = useRef<HTMLDivElement>(null);
  usePreviewFollow(previewBox, selected);
  return (
    <Row gutter={16}>
      <Col xs={24} lg={14}>
        <Tabs
          size="small"
          activeKey={mode}
          onChange={onMode}
          items={[
            {
              key: 'visual',
              label: '可视化编辑',
              children: <FormBuilder form={form} uiSchema={uiSchema} onChange={(f, ui) => patch({ form: f as RJSFSchema, uiSchema: ui as UiSchema })} selected={selected} onSelect={onSelect} materials={materials} problems={problems} />,
            },
            {
              key: 'json',
              label: '高级（JSON）',
              children: (
                <>
                  <Card size="small" title="表单结构（JSON Schema draft-07，字段名称用 title 填写中文）">
                    <JsonText value={form} onChange={(v) => patch({ form: v as RJSFSchema })} rows={22} testId="form-schema-json" />
                  </Card>
                  <Card size="small" title="界面提示（UI Schema）" style={{ marginTop: 16 }}>
                    <JsonText value={uiSchema ?? {}} onChange={(v) => patch({ uiSchema: v as UiSchema })} rows={8} testId="ui-schema-json" />
                  </Card>
                </>
              ),
            },
          ]}
        />
      </Col>
      <Col xs={24} lg={10}>
        <Card size="small" title="实时预览（填写的内容可用于“资格规则”页试算）" data-testid="form-preview" style={{ position: 'sticky', top: 8 }}>
          <div ref={previewBox} style={{ maxHeight: 'calc(100vh - 120px)', overflowY: 'auto', overflowX: 'hidden' }}>
            <PreviewBoundary resetKey={JSON.stringify(form) + JSON.stringify(uiSchema)}>
              {form && typeof form === 'object' ? (
                <SchemaForm schema={form} uiSchema={uiSchema} formData={sample} onChange={onSample} />
              ) : (
                <Alert type="warning" message="表单结构应为 JSON 对象" />
              )}
            </PreviewBoundary>
          </div>
        </Card>
      </Col>
    </Row>
  );
}
