// 层级定义: 申报表单 (visual field editor or JSON Schema + UI schema, with a live RJSF preview), 资格规则 (FEEL paths with a
// "用这位申报人试一试" box), and the rest of the definition as JSON. One draft, one check, one publish.
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { Alert, Button, Card, Col, Row, Select, Space, Spin, Tabs, Typography } from 'antd';
import { Component, useEffect, useRef, useState, type ReactNode } from 'react';
import { api, errorText } from '../api.js';
import EligibilityView from '../common/EligibilityView.js';
import { useLoad } from '../common/useLoad.js';
import SchemaForm from '../forms/SchemaForm.js';
import { pointerTitle } from '../forms/validator.js';
import type { CampaignItem, EligibilityResult } from '../types/api.js';
import EditorToolbar from './EditorToolbar.js';
import FormBuilder from './form-builder/FormBuilder.js';
import { isObj, pointerToPath } from './form-builder/schema-tree.js';
import { usePreviewFollow } from './form-builder/usePreviewFollow.js';
import JsonText from './JsonText.js';
import ProblemList from './ProblemList.js';
import RulesEditor from './rules/RulesEditor.js';
import { describePointer } from './rules/rules-model.js';
import { useDefinition } from './useDefinition.js';

type LevelBody = Record<string, unknown> & { form?: RJSFSchema; uiSchema?: UiSchema; rules?: unknown; title?: string; grade?: string };

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

const freshLevel = (key: string): LevelBody => {
  const [seriesKey = '', levelKey = ''] = key.split('.');
  return {
    seriesKey,
    levelKey,
    title: '',
    grade: '',
    form: { $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', title: '申报表', required: ['name'], properties: { name: { type: 'string', title: '姓名' } } },
    uiSchema: {},
    rules: { blocks: [], paths: [{ id: 'regular', name: '正常申报', conditions: [] }] },
    materials: [],
    workflow: { key: 'unit-review' },
  };
};

export default function LevelEditor({ defKey }: { defKey: string }) {
  const def = useDefinition<LevelBody>('level', defKey, () => freshLevel(defKey));
  const [body, setBody] = useState<LevelBody | null>(null);
  const [sample, setSample] = useState<Record<string, unknown>>({});
  const [campaignId, setCampaignId] = useState<string>();
  const [trial, setTrial] = useState<EligibilityResult | null>(null);
  const [trialError, setTrialError] = useState<string | null>(null);
  const [trialBusy, setTrialBusy] = useState(false);
  const [tab, setTab] = useState('form');
  const [formMode, setFormMode] = useState('visual');
  const [selectedField, setSelectedField] = useState<string[] | null>(null);
  const [rulesFocus, setRulesFocus] = useState<{ pointer: string; nonce: number } | null>(null);
  const previewBox = useRef<HTMLDivElement>(null);
  usePreviewFollow(previewBox, selectedField);
  const campaigns = useLoad(() => api.get<{ items: CampaignItem[] }>('/api/campaigns'), []);

  useEffect(() => {
    if (def.body && !body) setBody(def.body);
  }, [def.body, body]);

  if (def.loading && !body) return <Spin />;
  if (def.loadError) return <Alert type="error" showIcon message={def.loadError} />;
  if (!body) return <Spin />;
  const patch = (p: Partial<LevelBody>) => setBody({ ...body, ...p });
  const { form, uiSchema, rules, ...rest } = body;
  const cid = campaignId ?? campaigns.data?.items[0]?.key;

  const tryIt = async () => {
    setTrialBusy(true);
    setTrialError(null);
    try {
      setTrial(await api.post<EligibilityResult>('/api/eligibility', { levelKey: defKey, campaignId: cid, form: sample, rules: body.rules }));
    } catch (e) {
      setTrial(null);
      setTrialError(errorText(e));
    } finally {
      setTrialBusy(false);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <EditorToolbar def={def} title={`层级定义：${body.grade ?? ''}${body.title ? `（${body.title}）` : ''} ${defKey}`} getBody={() => body} />
      <ProblemList
        problems={def.problems}
        onSelect={(p) => {
          // a problem in the rules shows its path card or condition row
          if (p.pointer?.startsWith('/rules')) {
            setTab('rules');
            setRulesFocus({ pointer: p.pointer, nonce: Date.now() });
            return;
          }
          // a problem in the form selects its field in the visual editor
          const path = p.pointer?.startsWith('/form/') && isObj(form) ? pointerToPath({ form, ui: isObj(uiSchema) ? uiSchema : {} }, p.pointer.slice(5)) : null;
          if (!path) return;
          setTab('form');
          setFormMode('visual');
          setSelectedField(path);
        }}
        describe={(p) =>
          p.pointer?.startsWith('/rules')
            ? (describePointer(rules, p.pointer) ?? p.pointer)
            : p.pointer !== undefined
              ? `${p.pointer}${p.pointer.startsWith('/form/') ? `（${pointerTitle(form, p.pointer.slice(5))}）` : ''}`
              : undefined
        } />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'form',
            label: '申报表单',
            children: (
              <Row gutter={16}>
                <Col xs={24} lg={14}>
                  <Tabs
                    size="small"
                    activeKey={formMode}
                    onChange={setFormMode}
                    items={[
                      {
                        key: 'visual',
                        label: '可视化编辑',
                        children: (
                          <FormBuilder
                            form={form}
                            uiSchema={uiSchema}
                            onChange={(f, ui) => patch({ form: f as RJSFSchema, uiSchema: ui as UiSchema })}
                            selected={selectedField}
                            onSelect={setSelectedField}
                          />
                        ),
                      },
                      {
                        key: 'json',
                        label: 'JSON',
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
                  <Card
                    size="small"
                    title="实时预览（填写的内容可用于“资格规则”页试算）"
                    data-testid="form-preview"
                    style={{ position: 'sticky', top: 8 }}
                  >
                    <div ref={previewBox} style={{ maxHeight: 'calc(100vh - 120px)', overflowY: 'auto', overflowX: 'hidden' }}>
                      <PreviewBoundary resetKey={JSON.stringify(form) + JSON.stringify(uiSchema)}>
                        {form && typeof form === 'object' ? (
                          <SchemaForm schema={form} uiSchema={uiSchema} formData={sample} onChange={setSample} />
                        ) : (
                          <Alert type="warning" message="表单结构应为 JSON 对象" />
                        )}
                      </PreviewBoundary>
                    </div>
                  </Card>
                </Col>
              </Row>
            ),
          },
          {
            key: 'rules',
            label: '资格规则',
            children: (
              <Row gutter={16}>
                <Col xs={24} lg={14}>
                  <RulesEditor value={rules} onChange={(v) => patch({ rules: v })} form={form} uiSchema={uiSchema} problems={def.problems} focus={rulesFocus} />
                </Col>
                <Col xs={24} lg={10}>
                  <Card
                    size="small"
                    title="用这位申报人试一试"
                    extra={
                      <Space>
                        <Select style={{ width: 180 }} value={cid} onChange={setCampaignId} options={(campaigns.data?.items ?? []).map((c) => ({ value: c.key, label: c.name }))} />
                        <Button type="primary" onClick={tryIt} loading={trialBusy} data-testid="try-rules">
                          试算
                        </Button>
                      </Space>
                    }
                  >
                    <Typography.Paragraph type="secondary">
                      申报人数据取自“申报表单”页的预览（可直接在下方修改）。试算使用编辑器中当前的规则（无需先保存或发布），FEEL 语法错误会逐条指出。
                    </Typography.Paragraph>
                    <JsonText value={sample} onChange={(v) => setSample((v ?? {}) as Record<string, unknown>)} rows={12} testId="trial-data" />
                    <div style={{ marginTop: 12 }}>
                      {trialError && <Alert type="error" showIcon message={trialError} />}
                      {trial && <EligibilityView result={trial} />}
                    </div>
                  </Card>
                </Col>
              </Row>
            ),
          },
          {
            key: 'rest',
            label: '材料清单、流程与其他',
            children: (
              <Card size="small" title="其余字段（材料清单 materials、流程 workflow、评委会 committee、决定表单 decisions 等）">
                <JsonText value={rest} onChange={(v) => setBody({ ...(v as LevelBody), form, uiSchema, rules })} rows={30} />
              </Card>
            ),
          },
        ]}
      />
    </Space>
  );
}
