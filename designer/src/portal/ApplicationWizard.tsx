// One application, step by step: 申报表 → 材料 → 诚信承诺 → 提交 → 进度 (with 文书).
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { Alert, App as AntApp, Breadcrumb, Button, Card, Checkbox, Input, List, Result, Select, Space, Spin, Tag, Typography, Upload } from 'antd';
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { api, ApiError, errorText, type ProblemDetail } from '../api.js';
import { useAuth } from '../common/auth.js';
import { DOCUMENTS, label, STATUS_LABELS } from '../common/labels.js';
import { href } from '../common/router.js';
import { useLoad } from '../common/useLoad.js';
import SchemaForm from '../forms/SchemaForm.js';
import { pointerTitle } from '../forms/validator.js';
import type { ApplicantExtras } from '../../../server/http/application-views.js';
import type { Application, LevelDef, MaterialItem, StoredFile } from '../types/api.js';
import { materialId, scrollToPointer } from './focus-target.js';
import ReturnNotice from './ReturnNotice.js';
import { WIZARD_STEPS } from './steps.js';
import WizardSteps from './WizardSteps.js';

/** the application as its owner is shown it: with the correction deadline and the materials submit requires */
type OwnApplication = Application & ApplicantExtras;

const ProgressView = lazy(() => import('./ProgressView.js'));

function fmtBytes(n?: number): string {
  if (n === undefined) return '';
  return n >= 1048576 ? `${(n / 1048576).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}

const ACCEPT_NAMES: Record<string, string> = { 'application/pdf': 'PDF', 'image/jpeg': 'JPG', 'image/png': 'PNG' };

function filesOf(app: Application, itemId: string): StoredFile[] {
  return (app.materials ?? []).filter((f) => f.itemId === itemId);
}

/** what submit requires for this applicant (the server decides, as submit does), else the level's own flag */
const isRequired = (app: OwnApplication, item: MaterialItem): boolean => app.materialsRequired?.includes(item.id) ?? item.required;

function MaterialRow({ app, item, editable, notes, onChanged }: { app: OwnApplication; item: MaterialItem; editable: boolean; notes: string[]; onChanged: () => Promise<void> }) {
  const { message } = AntApp.useApp();
  const files = filesOf(app, item.id);
  return (
    <List.Item
      id={materialId(item.id)}
      tabIndex={-1}
      className={notes.length ? 'zc-material zc-material-returned' : 'zc-material'}
      actions={
        editable
          ? [
              <Upload
                key="up"
                accept={item.accept?.join(',')}
                showUploadList={false}
                beforeUpload={(file) => {
                  if (item.maxBytes && file.size > item.maxBytes) {
                    message.error(`“${file.name}”超过 ${fmtBytes(item.maxBytes)} 的大小限制`);
                    return Upload.LIST_IGNORE;
                  }
                  if (item.accept?.length && file.type && !item.accept.includes(file.type)) {
                    message.error(`“${file.name}”的文件类型不符合要求`);
                    return Upload.LIST_IGNORE;
                  }
                  return true;
                }}
                customRequest={async ({ file, onSuccess, onError }) => {
                  try {
                    const res = await api.upload(`/api/applications/${app.id}/materials/${encodeURIComponent(item.id)}`, file as File);
                    onSuccess?.(res);
                    message.success(`已上传：${(file as File).name}`);
                    await onChanged();
                  } catch (e) {
                    message.error(errorText(e));
                    onError?.(e as Error);
                  }
                }}
              >
                <Button size="small">上传</Button>
              </Upload>,
            ]
          : []
      }
    >
      <List.Item.Meta
        title={
          <Space wrap size={4}>
            {item.name}
            {isRequired(app, item) ? <Tag color="red">必传</Tag> : <Tag>选传</Tag>}
            {files.length > 0 ? <Tag color="success">已上传 {files.length} 个</Tag> : null}
          </Space>
        }
        description={
          <Space direction="vertical" size={2}>
            {notes.map((n) => (
              <Typography.Text key={n} type="danger" data-testid="material-note">
                退回补正：{n}
              </Typography.Text>
            ))}
            <span>
              格式：{(item.accept ?? []).map((a) => ACCEPT_NAMES[a] ?? a).join('、') || '不限'}
              {item.maxBytes ? `；单个文件不超过 ${fmtBytes(item.maxBytes)}` : ''}
            </span>
            {files.map((f) => (
              <Space key={f.hash} wrap>
                <a href={`/api/applications/${app.id}/files/${f.hash}`} target="_blank" rel="noopener">
                  {f.name ?? f.hash.slice(0, 12)}
                </a>
                <Typography.Text type="secondary">{fmtBytes(f.size)}</Typography.Text>
                {editable && (
                  <a
                    onClick={async () => {
                      try {
                        await api.del(`/api/applications/${app.id}/materials/${encodeURIComponent(item.id)}/${f.hash}`);
                        await onChanged();
                      } catch (e) {
                        message.error(errorText(e));
                      }
                    }}
                  >
                    删除
                  </a>
                )}
              </Space>
            ))}
          </Space>
        }
      />
    </List.Item>
  );
}

export default function ApplicationWizard({ applicationId, initialStep }: { applicationId: string; initialStep: string | null }) {
  const { me } = useAuth();
  const { message } = AntApp.useApp();
  const appLoad = useLoad(() => api.get<OwnApplication>(`/api/applications/${applicationId}`), [applicationId]);
  const app = appLoad.data;
  const defKey = app?.levelKey ?? '';
  const level = useLoad(async () => (defKey ? api.get<LevelDef>(`/api/levels/${encodeURIComponent(defKey)}`) : undefined), [defKey]);
  const [step, setStep] = useState(() => Math.max(1, WIZARD_STEPS.findIndex((s) => s.key === initialStep)));
  const [form, setForm] = useState<Record<string, unknown> | null>(null);
  const [problems, setProblems] = useState<ProblemDetail[]>([]);
  const [submitProblems, setSubmitProblems] = useState<ProblemDetail[] | null>(null);
  const [agree, setAgree] = useState(false);
  const [signature, setSignature] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const idemKey = useRef<string>(crypto.randomUUID());
  const [pathId, setPathId] = useState<string | undefined>();
  // the place a clicked problem or notice item names: scrolled to once its step has rendered
  const [target, setTarget] = useState<{ pointer: string; n: number } | null>(null);
  useEffect(() => {
    if (target) void scrollToPointer(target.pointer);
  }, [target]);

  const formData = form ?? (app?.form as Record<string, unknown> | undefined) ?? {};
  const correcting = app?.status === 'returned';
  const editable = !!app && (app.status === undefined || app.status === 'draft' || correcting);
  const schema = level.data?.form as RJSFSchema | undefined;
  const pledged = !!app?.pledge;
  const missingRequired = useMemo(
    () => (app && level.data ? level.data.materials.filter((m) => isRequired(app, m) && filesOf(app, m.id).length === 0) : []),
    [app, level.data],
  );

  if (appLoad.loading && !app) return <Spin />;
  if (appLoad.error || !app) return <Result status="error" title="无法打开此申报" subTitle={appLoad.error} extra={<a href={href('/my')}>我的申报</a>} />;

  const save = async (): Promise<Application | null> => {
    setBusy('save');
    try {
      const res = await api.put<{ application: OwnApplication; problems: ProblemDetail[] }>(`/api/applications/${app.id}/form`, { form: formData, version: app.version });
      appLoad.setData(res.application);
      setForm(null);
      setProblems(res.problems ?? []);
      message.success(res.problems?.length ? `草稿已保存，还有 ${res.problems.length} 处需要完善` : '草稿已保存');
      return res.application;
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) message.error('申报已在别处修改，请刷新页面后再编辑');
      else message.error(errorText(e));
      if (e instanceof ApiError) setProblems(e.details);
      return null;
    } finally {
      setBusy(null);
    }
  };

  const sign = async () => {
    setBusy('pledge');
    try {
      await api.post(`/api/applications/${app.id}/pledge`, { accepted: true });
      message.success('已签署诚信承诺书');
      await appLoad.reload();
      setStep(4);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  const submit = async () => {
    setBusy('submit');
    setSubmitProblems(null);
    try {
      if (form) await save();
      if (correcting) await api.post(`/api/applications/${app.id}/resubmit`);
      else await api.post(`/api/applications/${app.id}/submit`, pathId ? { pathId } : {}, { 'idempotency-key': idemKey.current });
      message.success('已提交');
      await appLoad.reload();
      setStep(5);
    } catch (e) {
      if (e instanceof ApiError) {
        setSubmitProblems(e.details.length ? e.details : [{ code: e.code, message: e.message }]);
        setProblems(e.details.filter((d) => isFormPointer(d.pointer)));
        if (e.status === 422) idemKey.current = crypto.randomUUID();
      } else message.error(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  // submit problems point into the form, the materials checklist, the pledge or the account
  const isFormPointer = (ptr: string | undefined) => ptr !== undefined && !!schema?.properties?.[ptr.split('/')[1] ?? ''];
  const stepOf = (ptr: string) => (isFormPointer(ptr) ? 1 : ptr.startsWith('/materials') ? 2 : ptr.startsWith('/pledge') ? 3 : 4);
  // a form check names the field only ('层级：必填'): say whose field it is when it sits inside a group
  const problemText = (p: ProblemDetail) => {
    const segs = p.pointer?.split('/') ?? [];
    return p.code.startsWith('schema.') && isFormPointer(p.pointer) && segs.length > 2 ? `${pointerTitle(schema, segs.slice(0, -1).join('/'))} / ${p.message}` : p.message;
  };
  const hasPlace = (ptr: string) => isFormPointer(ptr) || ptr.startsWith('/materials/') || ptr === '/pledge';
  /** opens the step that holds the place and scrolls to it */
  const open = (ptr: string) => {
    setStep(stepOf(ptr));
    setTarget((t) => ({ pointer: ptr, n: (t?.n ?? 0) + 1 }));
  };
  const stepItems = WIZARD_STEPS.map((s, i) => ({ title: s.title, disabled: i === 0 }));
  const returnItems = correcting ? (app.notice?.items ?? []) : [];
  // the fields the notice names: marked in the form with the reviewer's note under them
  const noticeMarks = returnItems.filter((it) => isFormPointer(it.pointer)).map((it) => ({ pointer: it.pointer!, message: `退回补正：${it.message}` }));
  const formMarks = [...noticeMarks.filter((m) => !problems.some((p) => p.pointer === m.pointer && p.message === m.message)), ...problems];
  const firstPath = level.data?.paths[0];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <a href={href('/my')}>我的申报</a> }, { title: level.data ? `${level.data.grade}（${level.data.title}）` : '' }]} />
      <Space>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {app.campaignId} 年度 · {level.data ? `${level.data.grade}（${level.data.title}）` : ''}
        </Typography.Title>
        <Tag color="blue">{label(STATUS_LABELS, app.status ?? 'draft')}</Tag>
      </Space>
      <WizardSteps current={step} onChange={(s) => s > 0 && setStep(s)} items={stepItems} />
      {returnItems.length > 0 && <ReturnNotice items={returnItems} {...(app.correction ? { correction: app.correction } : {})} schema={schema} level={level.data} onOpen={open} />}

      {step === 1 && (
        <Card title="申报表">
          {problems.length > 0 && <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={`有 ${problems.length} 处需要完善，已在对应栏目下标出`} />}
          {noticeMarks.length > 0 && <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={`退回补正的 ${noticeMarks.length} 处栏目已用红框标出，审核意见写在栏目下方`} />}
          {level.loading && <Spin />}
          {level.error && <Alert type="error" showIcon message={level.error} />}
          {schema && (
            <SchemaForm schema={schema} uiSchema={level.data?.uiSchema as UiSchema} formData={formData} onChange={setForm} problems={formMarks} readonly={!editable} />
          )}
          {editable && (
            <Space wrap className="zc-form-actions">
              <Button onClick={() => void save()} loading={busy === 'save'} data-testid="save-draft">
                保存草稿
              </Button>
              <Button type="primary" onClick={() => void save().then((a) => a && setStep(2))} data-testid="save-next">
                保存并下一步
              </Button>
            </Space>
          )}
        </Card>
      )}

      {step === 2 && level.data && (
        <Card title="申报材料（按材料清单逐项上传）">
          <List dataSource={level.data.materials} renderItem={(m) => <MaterialRow key={m.id} app={app} item={m} editable={editable} notes={returnItems.filter((it) => it.pointer === `/materials/${m.id}`).map((it) => it.message)} onChanged={appLoad.reload} />} />
          <Button type="primary" onClick={() => setStep(3)} style={{ marginTop: 16 }} data-testid="materials-next">
            下一步
          </Button>
        </Card>
      )}

      {step === 3 && (
        <Card title="诚信承诺书" id="pledge" tabIndex={-1}>
          <Typography.Paragraph>
            本人郑重承诺：所填报的个人信息、学历、资历、业绩成果及提交的全部申报材料真实、准确、完整，不存在弄虚作假、学术不端等行为。
            如有不实，本人自愿承担相应责任，接受撤销评审结果、记入诚信档案等处理，并同意在规定范围内公示申报材料。
          </Typography.Paragraph>
          {pledged ? (
            <Alert type="success" showIcon message="已签署诚信承诺书" />
          ) : (
            <Space direction="vertical">
              <Checkbox checked={agree} onChange={(e) => setAgree(e.target.checked)} disabled={!editable}>
                我已阅读并同意以上承诺
              </Checkbox>
              <Space wrap>
                <Input placeholder="请输入本人姓名签署" value={signature} onChange={(e) => setSignature(e.target.value)} style={{ width: 220, maxWidth: '100%' }} disabled={!editable} />
                <Button type="primary" disabled={!agree || !signature.trim() || (!!me && signature.trim() !== me.name)} onClick={sign} loading={busy === 'pledge'}>
                  签署
                </Button>
              </Space>
              {me && signature.trim() && signature.trim() !== me.name && <Typography.Text type="danger">签名须与账号姓名“{me.name}”一致</Typography.Text>}
            </Space>
          )}
        </Card>
      )}

      {step === 4 && (
        <Card title={correcting ? '补正后重新提交' : '提交申报'}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <List
              size="small"
              bordered
              dataSource={[
                { label: '申报表', ok: true, text: '提交时由系统按申报表要求逐项检查' },
                { label: '申报材料', ok: missingRequired.length === 0, text: missingRequired.length ? `尚缺：${missingRequired.map((m) => m.name).join('、')}` : '必传材料已齐全' },
                { label: '诚信承诺书', ok: pledged, text: pledged ? '已签署' : '尚未签署' },
              ]}
              renderItem={(r) => (
                <List.Item>
                  <Space wrap>
                    <Tag color={r.ok ? 'success' : 'warning'}>{r.label}</Tag>
                    {r.text}
                  </Space>
                </List.Item>
              )}
            />
            {!correcting && editable && level.data && level.data.paths.length > 1 && (
              <Space direction="vertical" size={4} style={{ width: '100%' }}>
                <span>申报途径：</span>
                <Select
                  allowClear
                  placeholder="由系统按符合条件的途径确定"
                  style={{ width: '100%', maxWidth: 420 }}
                  value={pathId}
                  onChange={setPathId}
                  options={level.data.paths.map((p) => ({ value: p.id, label: p.name }))}
                  data-testid="path-select"
                />
                <Typography.Text type="secondary">
                  {`提交时只检查所选途径的条件${firstPath ? `（未选择时按“${firstPath.name}”检查）` : ''}；各途径的条件可在资格自测中查看。`}
                </Typography.Text>
              </Space>
            )}
            {submitProblems && (
              <Alert
                type="error"
                showIcon
                data-testid="submit-problems"
                message={`提交未成功，共 ${submitProblems.length} 个问题需要处理`}
                description={
                  <ol style={{ margin: 0, paddingLeft: 18 }}>
                    {submitProblems.map((p, i) => (
                      <li key={i}>
                        {p.pointer !== undefined && hasPlace(p.pointer) ? (
                          <a onClick={() => open(p.pointer!)} data-testid="problem-link">
                            {problemText(p)}
                          </a>
                        ) : (
                          problemText(p)
                        )}
                      </li>
                    ))}
                  </ol>
                }
              />
            )}
            {editable ? (
              <Button type="primary" size="large" onClick={submit} loading={busy === 'submit'} data-testid="submit">
                {correcting ? '补正完成，重新提交' : '确认提交'}
              </Button>
            ) : (
              <Alert type="info" showIcon message="申报已提交，可在“审核进度”中查看办理情况" />
            )}
          </Space>
        </Card>
      )}

      {step === 5 && (
        <>
          <Card title="审核进度">
            <Suspense fallback={<Spin />}>
              <ProgressView applicationId={app.id} />
            </Suspense>
          </Card>
          <Card title="文书">
            <Space wrap>
              {DOCUMENTS.map((d) => (
                <Button key={d.name} href={`/api/applications/${app.id}/documents/${d.name}`} target="_blank" rel="noopener">
                  {d.label}
                </Button>
              ))}
            </Space>
          </Card>
        </>
      )}
    </Space>
  );
}
