// One task, on one screen: the application laid out like the printed 评审表 (read-only, compact), its materials
// previewed inline, and beside them the decision form (同意 / 退回补正 with 一次告知 items / 不同意; for experts
// only their own ballot; 审批意见 marked required where the step says so), the eligibility of the chosen path
// and the steps so far.
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { Alert, App as AntApp, Breadcrumb, Button, Card, Col, Descriptions, Drawer, Result, Row, Space, Spin, Tag, Typography } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { api, ApiError, errorText, type ProblemDetail } from '../api.js';
import { DECISION_LABELS, label, ROLE_LABELS } from '../common/labels.js';
import { levelTitle, seriesName } from '../common/level-name.js';
import { href, navigate } from '../common/router.js';
import { useLoad } from '../common/useLoad.js';
import SchemaForm from '../forms/SchemaForm.js';
import { fieldPointers } from '../forms/validator.js';
import StepTimeline, { type TimelineStep } from '../portal/StepTimeline.js';
import type { Application, RoleKey, SeriesItem, TaskItem } from '../types/api.js';
import type { ReviewView } from '../../../server/runtime/applications/review-view.js';
import DueTag, { type TaskDue } from './DueTag.js';
import MaterialsPreview from './MaterialsPreview.js';
import ReviewSheet from './ReviewSheet.js';
import TaskOperations, { type TaskOpsInfo } from './TaskOperations.js';

const ProgressView = lazy(() => import('../portal/ProgressView.js'));

/** the key of the decision form's opinion field (审核意见) */
const OPINION = 'comment';

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
function decisionForm(base: RJSFSchema, data: Record<string, unknown>, formSchema: RJSFSchema | undefined, allowed?: string[], opinionRequired = false): { schema: RJSFSchema; uiSchema: UiSchema } {
  const props = { ...(base.properties ?? {}) } as Record<string, RJSFSchema>;
  // 审批意见必填: the step says so; the form marks the field (the server refuses an empty one all the same)
  const required = [...(base.required ?? []), ...(opinionRequired && props[OPINION] && !(base.required ?? []).includes(OPINION) ? [OPINION] : [])];
  if (opinionRequired && props[OPINION]) props[OPINION] = { ...props[OPINION], minLength: 1 };
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
  return { schema: { ...base, required, properties: props }, uiSchema: ui };
}


type DetailTask = TaskItem & { opinionRequired?: boolean; due?: TaskDue };

export default function TaskDetail({ applicationId, taskId }: { applicationId: string; taskId: string }) {
  const { message } = AntApp.useApp();
  const detail = useLoad(
    () => api.get<{ task: DetailTask; application: Application; decisionSchema?: RJSFSchema | null; form?: RJSFSchema; uiSchema?: UiSchema }>(`/api/tasks/${applicationId}/${taskId}`),
    [applicationId, taskId],
  );
  const view = useLoad(() => api.get<ReviewView>(`/api/tasks/${applicationId}/${taskId}/view`), [applicationId, taskId]);
  const series = useLoad(() => api.get<{ items: SeriesItem[] }>('/api/series'), []);
  const progress = useLoad(() => api.get<{ timeline?: TimelineStep[] }>(`/api/applications/${applicationId}/workflow`), [applicationId]);
  const [decision, setDecision] = useState<Record<string, unknown>>({});
  const [problems, setProblems] = useState<ProblemDetail[]>([]);
  const [busy, setBusy] = useState(false);
  const [diagram, setDiagram] = useState(false);
  const formSchema = detail.data?.form;
  const opinionRequired = detail.data?.task.opinionRequired === true;
  const dec = useMemo(
    () => decisionForm(detail.data?.decisionSchema ?? DEFAULT_DECISION, decision, formSchema, detail.data?.task.decisions, opinionRequired),
    [detail.data, decision, formSchema, opinionRequired],
  );

  if (detail.loading) return <Spin />;
  if (detail.error || !detail.data) return <Result status="warning" title="无法打开此待办" subTitle={detail.error} extra={<a href={href('/workbench')}>返回待办</a>} />;
  const { task, application } = detail.data;
  const isVote = task.role === 'expert' || 'vote' in (dec.schema.properties ?? {});
  const hasOpinionField = OPINION in (dec.schema.properties ?? {});
  // a delegated task or a co-review is answered (TaskOperations), never decided: no decision form to mislead
  const ops = task as TaskOpsInfo;
  const answerOnly = Boolean(ops.delegatedByName || ops.cosign);

  const complete = async () => {
    setProblems([]);
    const opinion = decision[OPINION];
    if (opinionRequired && hasOpinionField && (typeof opinion !== 'string' || opinion.trim() === '')) {
      setProblems([{ code: 'task.opinion_required', message: '此环节须填写审核意见', pointer: `/${OPINION}` }]);
      return;
    }
    setBusy(true);
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
  const elig = view.data?.eligibility;

  return (
    <Space direction="vertical" size="small" style={{ width: '100%' }} data-testid="task-detail">
      <Breadcrumb items={[{ title: <a href={href('/workbench')}>审核工作台</a> }, { title: `${task.name} · ${application.applicantName ?? task.applicantName ?? ''}` }]} />
      <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 4 }}>
        <Descriptions.Item label="申报人">{application.applicantName ?? task.applicantName}</Descriptions.Item>
        <Descriptions.Item label="申报职称">{`${seriesName(series.data?.items, application.seriesKey)} · ${levelTitle(series.data?.items, application.levelKey)}`}</Descriptions.Item>
        <Descriptions.Item label="办理环节">
          <Tag color="blue">{task.name}</Tag>
          {ROLE_LABELS[task.role as RoleKey] ?? ''}
        </Descriptions.Item>
        <Descriptions.Item label="办理期限">
          <DueTag due={task.due} />
        </Descriptions.Item>
      </Descriptions>
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={16}>
          <Card size="small" styles={{ body: { padding: 12 } }}>
            {view.error && <Alert type="error" showIcon message={view.error} />}
            {view.data ? <ReviewSheet title={view.data.title} sections={view.data.sections} /> : !view.error && <Spin />}
          </Card>
          <Card size="small" title="申报材料" style={{ marginTop: 12 }}>
            <MaterialsPreview applicationId={applicationId} materials={view.data?.materials ?? []} />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title={isVote ? '我的投票（仅本人可见）' : '审核意见'} data-testid="decision-card">
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
            {!answerOnly && <SchemaForm schema={dec.schema} uiSchema={dec.uiSchema} formData={decision} onChange={setDecision} problems={problems} />}
            {/* the action area: the decision, then the task operations (转办、委派、加签、抄送…) */}
            {!answerOnly && (
              <Space wrap className="zc-task-actions" data-testid="task-actions">
                <Button type="primary" onClick={() => void complete()} loading={busy} disabled={(!decision.decision && !decision.vote) || ops.cosignPending === true} data-testid="complete-task">
                  {isVote ? '提交选票' : '提交审核意见'}
                </Button>
                {ops.cosignPending && <Typography.Text type="secondary">加签人答复后才能提交</Typography.Text>}
              </Space>
            )}
            {!isVote && <TaskOperations applicationId={applicationId} taskId={taskId} task={task} onChanged={() => void detail.reload()} />}
          </Card>
          {elig && (
            <Card size="small" title="资格核验" style={{ marginTop: 12 }} data-testid="eligibility-check">
              <Space direction="vertical" size={4} style={{ width: '100%' }}>
                <span>
                  申报路径：<Typography.Text strong>{elig.pathName}</Typography.Text>{' '}
                  {elig.passed ? <Tag color="success">符合条件</Tag> : <Tag color="error">有未满足的条件</Tag>}
                </span>
                {[...elig.blocked, ...elig.failed].map((m, i) => (
                  <Typography.Text key={i} type="danger">
                    · {m}
                  </Typography.Text>
                ))}
              </Space>
            </Card>
          )}
          <Card size="small" title="办理进度" style={{ marginTop: 12 }} extra={<a onClick={() => setDiagram(true)}>查看流程图</a>}>
            {progress.data ? <StepTimeline steps={progress.data.timeline ?? []} /> : <Spin />}
          </Card>
        </Col>
      </Row>
      <Drawer title="审核流程图" width={1000} open={diagram} onClose={() => setDiagram(false)} destroyOnHidden>
        {diagram && (
          <Suspense fallback={<Spin />}>
            <ProgressView applicationId={applicationId} />
          </Suspense>
        )}
      </Drawer>
    </Space>
  );
}
