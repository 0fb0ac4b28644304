// One task: the applicant's form read-only, the materials, the flow so far, and the decision form
// (同意 / 退回补正 with 一次告知 items / 不同意; for experts only their own ballot).
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { Alert, App as AntApp, Breadcrumb, Button, Card, Col, Descriptions, List, Result, Row, Space, Spin, Tabs, Tag } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { api, ApiError, errorText, type ProblemDetail } from '../api.js';
import { DECISION_LABELS, label, ROLE_LABELS } from '../common/labels.js';
import { href, navigate } from '../common/router.js';
import { useLoad } from '../common/useLoad.js';
import SchemaForm from '../forms/SchemaForm.js';
import { fieldPointers } from '../forms/validator.js';
import type { Application, LevelDef, RoleKey, StoredFile, TaskItem } from '../types/api.js';

const ProgressView = lazy(() => import('../portal/ProgressView.js'));

const DEFAULT_DECISION: RJSFSchema = {
  type: 'object',
  required: ['decision'],
  properties: {
    decision: { type: 'string', title: '审核结论', enum: ['approve', 'return', 'reject'] },
    comment: { type: 'string', title: '审核意见', maxLength: 2000 },
    items: {
      type: 'array',
      title: '需补正事项（一次性告知）',
      items: { type: 'object', required: ['message'], properties: { pointer: { type: 'string', title: '对应栏目' }, message: { type: 'string', title: '补正要求' } } },
    },
  },
};

/** the decision form as the applicant's data makes sense of it: Chinese option names, field pickers, 一次告知 only on return */
function decisionForm(base: RJSFSchema, data: Record<string, unknown>, formSchema: RJSFSchema | undefined, allowed?: string[]): { schema: RJSFSchema; uiSchema: UiSchema } {
  const props = { ...(base.properties ?? {}) } as Record<string, RJSFSchema>;
  // the flow element may allow fewer conclusions than the form knows (zc:DecisionForm decisions)
  if (allowed?.length && props.decision && Array.isArray(props.decision.enum)) {
    props.decision = { ...props.decision, enum: props.decision.enum.filter((v) => allowed.includes(String(v))) };
  }
  const ui: UiSchema = { comment: { 'ui:widget': 'textarea', 'ui:options': { rows: 3 } } };
  for (const key of ['decision', 'vote']) {
    const p = props[key];
    if (p && Array.isArray(p.enum)) ui[key] = { 'ui:widget': 'radio', 'ui:enumNames': p.enum.map((v) => label(DECISION_LABELS, String(v))) };
  }
  if (props.items) {
    if (data.decision !== 'return') delete props.items;
    else {
      const fields = fieldPointers(formSchema);
      const item = (props.items.items ?? {}) as RJSFSchema;
      const pointer = item.properties?.pointer as RJSFSchema | undefined;
      if (pointer && fields.length) {
        props.items = {
          ...props.items,
          items: { ...item, properties: { ...item.properties, pointer: { ...pointer, enum: fields.map((f) => f.pointer) } } },
        };
        ui.items = { items: { pointer: { 'ui:enumNames': fields.map((f) => f.title), 'ui:placeholder': '（可选）选择对应栏目' }, message: { 'ui:widget': 'textarea', 'ui:options': { rows: 2 } } } };
      }
    }
  }
  return { schema: { ...base, properties: props }, uiSchema: ui };
}

function materialsOf(app: Application): { itemId: string; files: StoredFile[] }[] {
  const groups = new Map<string, StoredFile[]>();
  for (const f of app.materials ?? []) groups.set(f.itemId ?? '', [...(groups.get(f.itemId ?? '') ?? []), f]);
  return [...groups.entries()].map(([itemId, files]) => ({ itemId, files }));
}

export default function TaskDetail({ applicationId, taskId }: { applicationId: string; taskId: string }) {
  const { message } = AntApp.useApp();
  const detail = useLoad(
    () =>
      api.get<{ task: TaskItem; application: Application; decisionSchema?: RJSFSchema | null; form?: RJSFSchema; uiSchema?: UiSchema }>(
        `/api/tasks/${applicationId}/${taskId}`,
      ),
    [applicationId, taskId],
  );
  const defKey = detail.data?.application.levelKey ?? detail.data?.task.levelKey ?? '';
  const level = useLoad(async () => (defKey ? api.get<LevelDef>(`/api/levels/${encodeURIComponent(defKey)}`) : undefined), [defKey]);
  const [decision, setDecision] = useState<Record<string, unknown>>({});
  const [problems, setProblems] = useState<ProblemDetail[]>([]);
  const [busy, setBusy] = useState(false);
  // the form of the version the application is pinned to, as the task answer carries it
  const formSchema = (detail.data?.form ?? level.data?.form) as RJSFSchema | undefined;
  const formUi = (detail.data?.uiSchema ?? level.data?.uiSchema) as UiSchema | undefined;
  const dec = useMemo(
    () => decisionForm(detail.data?.decisionSchema ?? DEFAULT_DECISION, decision, formSchema, detail.data?.task.decisions),
    [detail.data, decision, formSchema],
  );

  if (detail.loading) return <Spin />;
  if (detail.error || !detail.data) return <Result status="warning" title="无法打开此待办" subTitle={detail.error} extra={<a href={href('/workbench')}>返回待办</a>} />;
  const { task, application } = detail.data;
  const isVote = task.role === 'expert' || 'vote' in (dec.schema.properties ?? {});
  const materialName = (id: string) => level.data?.materials.find((m) => m.id === id)?.name ?? id;

  const complete = async () => {
    setBusy(true);
    setProblems([]);
    try {
      await api.post(`/api/tasks/${applicationId}/${taskId}/complete`, { payload: decision });
      message.success(isVote ? '投票已提交' : '已办理');
      navigate('/workbench');
    } catch (e) {
      if (e instanceof ApiError) setProblems(e.details.length ? e.details : [{ code: e.code, message: e.message }]);
      else message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <a href={href('/workbench')}>审核工作台</a> }, { title: `${task.name} · ${application.applicantName ?? task.applicantName ?? ''}` }]} />
      <Descriptions bordered size="small" column={3}>
        <Descriptions.Item label="申报人">{application.applicantName ?? task.applicantName}</Descriptions.Item>
        <Descriptions.Item label="申报层级">{level.data ? `${level.data.grade}（${level.data.title}）` : ''}</Descriptions.Item>
        <Descriptions.Item label="办理环节">
          <Tag color="blue">{task.name}</Tag>
          {label(ROLE_LABELS as Record<RoleKey, string>, task.role)}
        </Descriptions.Item>
      </Descriptions>
      <Row gutter={16}>
        <Col xs={24} lg={15}>
          <Card>
            <Tabs
              items={[
                {
                  key: 'form',
                  label: '申报表',
                  children: formSchema ? (
                    <SchemaForm schema={formSchema} uiSchema={formUi} formData={application.form ?? {}} readonly />
                  ) : (
                    <Spin />
                  ),
                },
                {
                  key: 'materials',
                  label: '申报材料',
                  children: (
                    <List
                      locale={{ emptyText: '未上传材料' }}
                      dataSource={materialsOf(application)}
                      renderItem={(g) => (
                        <List.Item>
                          <List.Item.Meta
                            title={materialName(g.itemId)}
                            description={
                              <Space wrap>
                                {g.files.map((f) => (
                                  <a key={f.hash} href={`/api/applications/${applicationId}/files/${f.hash}`} target="_blank" rel="noopener">
                                    {f.name ?? f.hash.slice(0, 12)}
                                  </a>
                                ))}
                              </Space>
                            }
                          />
                        </List.Item>
                      )}
                    />
                  ),
                },
                {
                  key: 'flow',
                  label: '流程进度',
                  children: (
                    <Suspense fallback={<Spin />}>
                      <ProgressView applicationId={applicationId} />
                    </Suspense>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <Card title={isVote ? '我的投票（仅本人可见）' : '审核意见'}>
            {isVote && <Alert type="info" showIcon style={{ marginBottom: 12 }} message="评审投票实行无记名方式，您只能看到并提交自己的选票。" />}
            {problems.length > 0 && (
              <Alert
                type="error"
                showIcon
                style={{ marginBottom: 12 }}
                message="提交未成功"
                description={
                  <ul style={{ margin: 0, paddingLeft: 18 }}>
                    {problems.map((p, i) => (
                      <li key={i}>{p.message}</li>
                    ))}
                  </ul>
                }
              />
            )}
            <SchemaForm schema={dec.schema} uiSchema={dec.uiSchema} formData={decision} onChange={setDecision} problems={problems} />
            <Button type="primary" onClick={complete} loading={busy} disabled={!decision.decision && !decision.vote} data-testid="complete-task">
              {isVote ? '提交选票' : '提交审核意见'}
            </Button>
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
