// 政策规则模块: one shared piece of eligibility policy (不得申报情形, 申报路径 such as 破格1, or a 条件集 that
// level paths reference condition by condition), edited with the same cards and condition builder as a
// level's rules, published as versions. A level runs the version it was published with (docs/architecture.md,
// "Policy library"). 高级 edits the same body as JSON.
import { Alert, Card, Form, Input, Space, Spin, Tabs, Typography } from 'antd';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { api } from '../../api.js';
import { useLoad } from '../../common/useLoad.js';
import type { DefinitionDetail, DefinitionSummary } from '../../types/api.js';
import EditorToolbar from '../EditorToolbar.js';
import JsonText from '../JsonText.js';
import ProblemList from '../ProblemList.js';
import { fieldStatus } from '../problems-at.js';
import { useDefinition } from '../useDefinition.js';
import ConditionSetCard from './ConditionSetCard.js';
import { fromRulesView, modulePointerOf, problemsForRulesView, problemsForSet, toRulesView, type PolicyBody } from './policy-model.js';
import RulesEditor from '../rules/RulesEditor.js';
import { levelFacts } from '../../../../server/domain/rules/condition-facts.js';

export interface PolicyEditorProps {
  defKey: string;
  /**
   * SLOT — impact preview (issue 11 item 6, owned by another engineer): given the module as edited now,
   * render what publishing it would change (levels using it, applications gaining / losing eligibility).
   * Shown in its own card under the editor; nothing is rendered when absent.
   */
  impactPreview?: (draft: { key: string; body: PolicyBody }) => ReactNode;
}

const fresh = (key: string) => (): PolicyBody => ({ key, name: '', conditions: [] });

/** the form of a level that uses the module: the fields its conditions may test (modules have no form of their own) */
function useSampleLevel(key: string) {
  return useLoad(async () => {
    const list = await api.get<{ items: DefinitionSummary[] }>('/api/definitions?kind=level');
    for (const s of list.items) {
      if (!s.latestVersion) continue;
      const d = await api.get<DefinitionDetail<{ title?: string; form?: unknown; uiSchema?: unknown; rules?: unknown }>>(`/api/definitions/level/${encodeURIComponent(s.key)}`);
      const body = d.latest?.body;
      if (body && JSON.stringify(body.rules ?? null).includes(`"use":${JSON.stringify(key)}`)) return { key: s.key, title: body.title ?? s.key, form: body.form, uiSchema: body.uiSchema };
    }
    return null;
  }, [key]);
}

export default function PolicyEditor({ defKey, impactPreview }: PolicyEditorProps) {
  const def = useDefinition<PolicyBody>('policy', defKey, fresh(defKey));
  const [body, setBody] = useState<PolicyBody | null>(null);
  const [tab, setTab] = useState('content');
  const [focus, setFocus] = useState<{ pointer: string; nonce: number } | null>(null);
  const sample = useSampleLevel(defKey);
  useEffect(() => {
    if (def.body && !body) setBody(def.body);
  }, [def.body, body]);
  // after a publish the stored body is the one to keep editing
  useEffect(() => {
    if (def.body && def.detail?.latest && !def.detail.draft) setBody(def.body);
  }, [def.detail, def.body]);
  const facts = useMemo(() => levelFacts(sample.data?.form, sample.data?.uiSchema, { inPath: true }), [sample.data]);

  if (def.loading && !body) return <Spin />;
  if (def.loadError) return <Alert type="error" showIcon message={def.loadError} />;
  if (!body) return <Spin />;
  const rulesProblems = problemsForRulesView(def.problems);
  const setProblems = problemsForSet(def.problems);

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <EditorToolbar def={def} title={`政策规则模块：${body.name || defKey}`} getBody={() => body} />
      <ProblemList
        problems={def.problems}
        describe={(p) => (p.pointer !== undefined ? modulePointerOf(body, p.pointer) : undefined)}
        onSelect={(p) => {
          setTab('content');
          if (p.pointer?.startsWith('/blocks') || p.pointer?.startsWith('/paths')) setFocus({ pointer: `/rules${p.pointer}`, nonce: Date.now() });
        }}
      />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'content',
            label: '模块内容',
            children: (
              <Space direction="vertical" style={{ width: '100%' }} size="middle">
                <Card size="small" title="基本信息">
                  <Form layout="vertical">
                    <Form.Item label="模块名称（层级中按此名称引用）" required {...fieldStatus(def.problems, '/name')}>
                      <Input data-testid="policy-name" value={body.name} placeholder="如：破格1：重大贡献" onChange={(e) => setBody({ ...body, name: e.target.value })} />
                    </Form.Item>
                    <Form.Item label="政策依据与说明" {...fieldStatus(def.problems, '/description')}>
                      <Input.TextArea
                        data-testid="policy-description"
                        autoSize={{ minRows: 2, maxRows: 6 }}
                        value={body.description ?? ''}
                        onChange={(e) => setBody({ ...body, ...(e.target.value ? { description: e.target.value } : { description: undefined }) })}
                      />
                    </Form.Item>
                  </Form>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {sample.data ? `条件中可选的申报表字段取自引用本模块的层级「${sample.data.title}」。` : '尚无层级引用本模块：条件中可选平台提供的事实。'}
                  </Typography.Text>
                </Card>
                <Card size="small" title="不得申报情形与申报路径（引用本模块的层级得到这些）" data-testid="policy-rules">
                  <RulesEditor
                    inModule
                    value={toRulesView(body)}
                    onChange={(r) => setBody(fromRulesView(body, r))}
                    form={sample.data?.form}
                    uiSchema={sample.data?.uiSchema}
                    problems={rulesProblems}
                    focus={focus}
                  />
                </Card>
                <ConditionSetCard body={body} onChange={setBody} facts={facts} problems={setProblems} />
              </Space>
            ),
          },
          { key: 'advanced', label: '高级', children: <JsonText value={body} onChange={(v) => setBody(v as PolicyBody)} rows={30} testId="policy-json" /> },
        ]}
      />
      {/* SLOT: impact preview — see PolicyEditorProps.impactPreview */}
      {impactPreview && (
        <Card size="small" title="影响预览" data-testid="policy-impact-slot">
          {impactPreview({ key: defKey, body })}
        </Card>
      )}
    </Space>
  );
}
