// 层级定义: one draft, one check, one publish. Every part of a level has a form in Chinese, one tab per file
// under level/ (基本信息, 申报表单, 资格规则 with 试算, 材料清单, 评审流程与评委会, 决定表单, 文书); 高级 edits the
// same body as JSON. The tabs edit the body itself, so what a form cannot show is kept as it is.
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { Alert, Col, Row, Space, Spin, Tabs } from 'antd';
import { useEffect, useState } from 'react';
import { api, ApiError, errorText } from '../api.js';
import { useLoad } from '../common/useLoad.js';
import { pointerTitle } from '../forms/validator.js';
import type { CampaignItem, EligibilityResult } from '../types/api.js';
import EditorToolbar from './EditorToolbar.js';
import { isObj, pointerToPath } from './form-builder/schema-tree.js';
import AdvancedTab from './level/AdvancedTab.js';
import BasicTab from './level/BasicTab.js';
import DecisionsTab from './level/DecisionsTab.js';
import FlowTab from './level/FlowTab.js';
import FormTab from './level/FormTab.js';
import { describeLevelPointer, tabOf, type LevelBody as ModelBody, type LevelTab } from './level/level-model.js';
import './level/level.css';
import MaterialsTab from './level/MaterialsTab.js';
import TemplatesTab from './level/TemplatesTab.js';
import TrialCard from './level/TrialCard.js';
import ImpactPreview from './impact/ImpactPreview.js';
import ProblemList from './ProblemList.js';
import RulesEditor from './rules/RulesEditor.js';
import { describePointer } from './rules/rules-model.js';
import { useDefinition } from './useDefinition.js';

type LevelBody = ModelBody & { form?: RJSFSchema; uiSchema?: UiSchema; rules?: unknown };

const freshLevel = (key: string): LevelBody => {
  const [seriesKey = '', levelKey = ''] = key.split('.');
  return {
    seriesKey,
    levelKey,
    title: '',
    grade: '' as LevelBody['grade'],
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
  const [tab, setTab] = useState<string>('form');
  const [formMode, setFormMode] = useState('visual');
  const [selectedField, setSelectedField] = useState<string[] | null>(null);
  const [rulesFocus, setRulesFocus] = useState<{ pointer: string; nonce: number } | null>(null);
  // a problem's pointer in the other tabs: the tab shows it and brings it into view
  const [focus, setFocus] = useState<{ pointer: string; nonce: number } | null>(null);
  // the template whose source 高级 shows
  const [template, setTemplate] = useState<string | null>(null);
  const campaigns = useLoad(() => api.get<{ items: CampaignItem[] }>('/api/campaigns'), []);

  useEffect(() => {
    if (def.body && !body) setBody(def.body);
  }, [def.body, body]);
  // after a publish the stored version is what the editor holds, with the policy modules' versions pinned
  const published = def.detail?.latest?.version;
  const hasDraft = Boolean(def.detail?.draft);
  useEffect(() => {
    if (published && !hasDraft && def.body) setBody(def.body);
    // only a new version (or the draft going away) replaces the body being edited
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [published, hasDraft]);
  // a new level starts with who it is
  useEffect(() => {
    if (def.isNew) setTab('basic');
  }, [def.isNew]);
  useEffect(() => {
    if (!focus) return;
    // after the tab has rendered: the nearest element that names the pointer or a parent of it
    const t = window.setTimeout(() => {
      const parts = focus.pointer.split('/');
      for (let n = parts.length; n > 1; n--) {
        const el = document.querySelector(`[data-pointer="${CSS.escape(parts.slice(0, n).join('/'))}"]`);
        if (el) {
          el.scrollIntoView({ block: 'center', behavior: 'smooth' });
          return;
        }
      }
    }, 50);
    return () => window.clearTimeout(t);
  }, [focus]);

  if (def.loading && !body) return <Spin />;
  if (def.loadError) return <Alert type="error" showIcon message={def.loadError} />;
  if (!body) return <Spin />;
  const patch = (p: Partial<LevelBody>) => setBody((b) => (b ? { ...b, ...p } : b));
  const { form, uiSchema, rules } = body;
  const cid = campaignId ?? campaigns.data?.items[0]?.key;

  const tryIt = async () => {
    setTrialBusy(true);
    setTrialError(null);
    try {
      // the whole body being edited, even of a level never published; nothing is stored
      setTrial(await api.post<EligibilityResult>('/api/designer/try-level', { key: defKey, campaignId: cid, body, form: sample }));
    } catch (e) {
      setTrial(null);
      setTrialError(errorText(e));
      // rules that do not compile: each problem shown at its condition, as 校验 shows them
      if (e instanceof ApiError && e.details.some((d) => d.pointer)) def.setProblems(e.details);
    } finally {
      setTrialBusy(false);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <EditorToolbar def={def} title={`层级定义：${body.title ? `${body.title}${body.grade ? `（${body.grade}）` : ''}` : defKey}`} getBody={() => body} />
      <ProblemList
        problems={def.problems}
        onSelect={(p) => {
          const where = tabOf(p.pointer);
          // a problem in the rules shows its path card or condition row
          if (where === 'rules') {
            setTab('rules');
            setRulesFocus({ pointer: p.pointer!, nonce: Date.now() });
            return;
          }
          // a problem in the form selects its field in the visual editor
          if (where === 'form') {
            const path = p.pointer?.startsWith('/form/') && isObj(form) ? pointerToPath({ form, ui: isObj(uiSchema) ? uiSchema : {} }, p.pointer.slice(5)) : null;
            setTab('form');
            if (!path) return;
            setFormMode('visual');
            setSelectedField(path);
            return;
          }
          setTab(where);
          if (p.pointer !== undefined) setFocus({ pointer: p.pointer, nonce: Date.now() });
        }}
        describe={(p) =>
          p.pointer?.startsWith('/rules')
            ? (describePointer(rules, p.pointer) ?? p.pointer)
            : p.pointer !== undefined
              ? p.pointer.startsWith('/form/')
                ? `${p.pointer}（${pointerTitle(form, p.pointer.slice(5))}）`
                : (describeLevelPointer(body, p.pointer) ?? p.pointer)
              : undefined
        } />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'basic', label: '基本信息', children: <BasicTab body={body} patch={patch} problems={def.problems} /> },
          {
            key: 'form',
            label: '申报表单',
            children: (
              <FormTab
                form={form}
                uiSchema={uiSchema}
                patch={patch}
                mode={formMode}
                onMode={setFormMode}
                selected={selectedField}
                onSelect={setSelectedField}
                sample={sample}
                onSample={setSample}
                materials={Array.isArray(body.materials) ? (body.materials as { id: string; name: string }[]).map((m) => ({ id: m.id, name: m.name })) : []}
                problems={def.problems}
              />
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
                  <TrialCard
                    campaigns={campaigns.data?.items ?? []}
                    campaignId={cid}
                    onCampaign={setCampaignId}
                    sample={sample}
                    onSample={setSample}
                    onTry={() => void tryIt()}
                    busy={trialBusy}
                    result={trial}
                    error={trialError}
                  />
                </Col>
                <Col span={24} style={{ marginTop: 16 }}>
                  <ImpactPreview kind="level" defKey={defKey} getBody={() => body} onLocate={(pointer) => setRulesFocus({ pointer, nonce: Date.now() })} />
                </Col>
              </Row>
            ),
          },
          { key: 'materials', label: '材料清单', children: <MaterialsTab body={body} patch={patch} problems={def.problems} focus={tab === 'materials' ? (focus?.pointer ?? null) : null} /> },
          { key: 'flow', label: '评审流程与评委会', children: <FlowTab body={body} patch={patch} problems={def.problems} /> },
          { key: 'decisions', label: '决定表单', children: <DecisionsTab body={body} patch={patch} problems={def.problems} focus={focus?.pointer ?? null} /> },
          {
            key: 'templates',
            label: '文书',
            children: (
              <TemplatesTab
                body={body}
                patch={patch}
                levelKey={defKey}
                problems={def.problems}
                onSource={(name) => {
                  setTemplate(name);
                  setTab('advanced');
                }}
              />
            ),
          },
          { key: 'advanced', label: '高级', children: <AdvancedTab body={body} setBody={setBody} template={template} /> },
        ] satisfies { key: LevelTab; label: string; children: React.ReactNode }[]}
      />
    </Space>
  );
}
