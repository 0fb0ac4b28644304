// 任务操作 on an open task: buttons only for what the step allows (转办, 委派, 加签, 抄送, 退回到指定环节), each in a
// small dialog where people are picked by name and earlier steps by name (never an id), with an opinion; the
// answers a delegated task or a co-review needs (退回委派人, 答复加签). 撤回 of one's last decision sits in 已办
// (WithdrawDecision below). Results and refusals in Chinese, each problem at its field.
import { Alert, App as AntApp, Button, Form, Input, List, Modal, Popconfirm, Select, Space } from 'antd';
import { useState } from 'react';
import { api, ApiError, errorText, type ProblemDetail } from '../api.js';
import { navigate } from '../common/router.js';
import { useLoad } from '../common/useLoad.js';

/** what GET /api/tasks/:app/:task tells about operations (server/runtime/tasks/task-view.ts) */
export interface TaskOpsInfo {
  name?: string;
  operations?: string[];
  delegatedByName?: string;
  cosign?: boolean;
  cosignPending?: boolean;
  opinions?: { kind: 'delegate' | 'cosign'; name: string; opinion: string; at: string }[];
}

type Dialog = 'transfer' | 'delegate' | 'cosign' | 'copy' | 'returnTo' | 'answerDelegation' | 'answerCosign';

interface DialogDef {
  title: string;
  button: string;
  /** whom or where: a colleague, people to copy to, an earlier step; none for the answers */
  pick?: { label: string; source: 'colleagues' | 'copy-candidates' | 'return-targets'; multiple?: boolean; field: string; missing: string };
  text: { label: string; field: string; required: boolean; placeholder: string };
  path: string;
  /** the task is no longer this person's afterwards: back to the list */
  leaves: boolean;
}

const DIALOGS: Record<Dialog, DialogDef> = {
  transfer: { title: '转办', button: '转办', pick: { label: '转办给', source: 'colleagues', field: 'toUserId', missing: '请选择转办给哪位同事' }, text: { label: '转办说明', field: 'opinion', required: false, placeholder: '（可选）告诉同事需要注意什么' }, path: 'transfer', leaves: true },
  delegate: { title: '委派', button: '委派', pick: { label: '委派给', source: 'colleagues', field: 'toUserId', missing: '请选择委派给哪位同事' }, text: { label: '委派说明', field: 'note', required: false, placeholder: '（可选）请同事办理什么' }, path: 'delegate', leaves: true },
  cosign: { title: '加签', button: '加签', pick: { label: '加签人', source: 'colleagues', field: 'userId', missing: '请选择加签人' }, text: { label: '加签说明', field: 'note', required: false, placeholder: '（可选）请加签人审核什么' }, path: 'cosign', leaves: false },
  copy: { title: '抄送', button: '抄送', pick: { label: '抄送给', source: 'copy-candidates', multiple: true, field: 'userIds', missing: '请选择抄送给谁' }, text: { label: '抄送说明', field: 'note', required: false, placeholder: '（可选）' }, path: 'copy', leaves: false },
  returnTo: { title: '退回到指定环节', button: '退回到指定环节', pick: { label: '退回到', source: 'return-targets', field: 'elementId', missing: '请选择退回到哪个环节' }, text: { label: '退回意见', field: 'opinion', required: true, placeholder: '说明退回的原因' }, path: 'return-to', leaves: true },
  answerDelegation: { title: '退回委派人', button: '办理完毕，退回委派人', text: { label: '处理意见', field: 'opinion', required: true, placeholder: '写明核实或办理的情况' }, path: 'delegate/return', leaves: true },
  answerCosign: { title: '答复加签', button: '答复加签', text: { label: '加签意见', field: 'opinion', required: true, placeholder: '写明您的审核意见' }, path: 'cosign/answer', leaves: true },
};

/** the operations with a button on an open task, in the order clerks know them; 撤回 and 催办 live elsewhere */
const ORDER: Dialog[] = ['transfer', 'delegate', 'cosign', 'copy', 'returnTo'];

interface Option {
  value: string;
  label: string;
}

function OperationDialog({ kind, applicationId, taskId, onClose }: { kind: Dialog; applicationId: string; taskId: string; onClose: (done: string | null) => void }) {
  const def = DIALOGS[kind];
  const [pick, setPick] = useState<string | string[] | undefined>(undefined);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ message: string; details: ProblemDetail[] } | null>(null);
  const options = useLoad(async (): Promise<Option[]> => {
    if (!def.pick) return [];
    const res = await api.get<{ items: { id?: string; name: string; orgName?: string; elementId?: string }[] }>(`/api/tasks/${applicationId}/${taskId}/${def.pick.source}`);
    return res.items.map((i) => ({ value: i.elementId ?? i.id ?? '', label: i.orgName ? `${i.name}（${i.orgName}）` : i.name }));
  }, [kind, applicationId, taskId]);
  const at = (field: string): string | undefined => problem?.details.filter((d) => d.pointer === `/${field}` || d.pointer?.startsWith(`/${field}/`)).map((d) => d.message).join('；') || undefined;
  const submit = async () => {
    setProblem(null);
    const missing: ProblemDetail[] = [];
    if (def.pick && (pick === undefined || (Array.isArray(pick) && pick.length === 0))) missing.push({ code: 'required', message: def.pick.missing, pointer: `/${def.pick.field}` });
    if (def.text.required && text.trim() === '') missing.push({ code: 'required', message: `请填写${def.text.label}`, pointer: `/${def.text.field}` });
    if (missing.length > 0) return setProblem({ message: '请补全后再提交', details: missing });
    setBusy(true);
    try {
      const body: Record<string, unknown> = { ...(def.pick ? { [def.pick.field]: pick } : {}), ...(text.trim() !== '' ? { [def.text.field]: text.trim() } : {}) };
      const res = await api.post<{ message: string }>(`/api/tasks/${applicationId}/${taskId}/${def.path}`, body);
      onClose(res.message);
    } catch (e) {
      setProblem(e instanceof ApiError ? { message: e.message, details: e.details } : { message: errorText(e), details: [] });
    } finally {
      setBusy(false);
    }
  };
  const unplaced = problem?.details.filter((d) => !d.pointer) ?? [];
  return (
    <Modal open title={def.title} okText="确定" cancelText="取消" onOk={() => void submit()} confirmLoading={busy} onCancel={() => onClose(null)} destroyOnHidden data-testid={`op-dialog-${kind}`}>
      {problem && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={problem.message} description={unplaced.length > 0 && unplaced.some((d) => d.message !== problem.message) ? unplaced.map((d) => d.message).join('；') : undefined} />}
      <Form layout="vertical">
        {def.pick && (
          <Form.Item label={def.pick.label} required validateStatus={at(def.pick.field) ? 'error' : ''} help={at(def.pick.field)}>
            <Select
              data-testid="op-pick"
              mode={def.pick.multiple ? 'multiple' : undefined}
              value={pick}
              onChange={(v) => {
                setPick(v);
                setProblem(null);
              }}
              loading={options.loading}
              options={options.data ?? []}
              showSearch
              optionFilterProp="label"
              placeholder={options.data?.length === 0 ? (def.pick.source === 'return-targets' ? '没有可退回的环节' : '没有可选择的人员') : '请选择'}
              notFoundContent={options.error ?? '无'}
            />
          </Form.Item>
        )}
        <Form.Item label={def.text.label} required={def.text.required} validateStatus={at(def.text.field) ? 'error' : ''} help={at(def.text.field)}>
          <Input.TextArea data-testid="op-text" rows={3} maxLength={2000} value={text} onChange={(e) => {
              setText(e.target.value);
              setProblem(null);
            }} placeholder={def.text.placeholder} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function TaskOperations({ applicationId, taskId, task, onChanged }: { applicationId: string; taskId: string; task: TaskOpsInfo; onChanged?: () => void }) {
  const { message } = AntApp.useApp();
  const [open, setOpen] = useState<Dialog | null>(null);
  const allowed = new Set(task.operations ?? []);
  const buttons = ORDER.filter((k) => allowed.has(k));
  const answers: Dialog[] = [...(task.delegatedByName ? (['answerDelegation'] as const) : []), ...(task.cosign ? (['answerCosign'] as const) : [])];
  const closed = (kind: Dialog) => (done: string | null) => {
    setOpen(null);
    if (done === null) return;
    message.success(done);
    if (DIALOGS[kind].leaves) navigate('/workbench');
    else onChanged?.();
  };
  return (
    <Space direction="vertical" size="small" style={{ width: '100%' }} data-testid="task-operations">
      {task.delegatedByName && <Alert type="info" showIcon message={`此任务由${task.delegatedByName}委派给您：办理后请填写意见，退回委派人完成`} />}
      {task.cosign && <Alert type="info" showIcon message="您被加签审核此申报：请填写意见答复，无需作出结论" />}
      {task.cosignPending && <Alert type="warning" showIcon message="已加签，待加签人答复后才能提交审核意见" />}
      {(task.opinions ?? []).length > 0 && (
        <List
          size="small"
          header="委派、加签意见"
          dataSource={task.opinions}
          renderItem={(o) => (
            <List.Item>
              {o.kind === 'delegate' ? '委派' : '加签'} · {o.name}：{o.opinion}
            </List.Item>
          )}
        />
      )}
      {(buttons.length > 0 || answers.length > 0) && (
        <Space wrap>
          {answers.map((k) => (
            <Button key={k} type="primary" onClick={() => setOpen(k)} data-testid={`op-${k}`}>
              {DIALOGS[k].button}
            </Button>
          ))}
          {buttons.map((k) => (
            <Button key={k} onClick={() => setOpen(k)} data-testid={`op-${k}`}>
              {DIALOGS[k].button}
            </Button>
          ))}
        </Space>
      )}
      {open && <OperationDialog kind={open} applicationId={applicationId} taskId={taskId} onClose={closed(open)} />}
    </Space>
  );
}

/** 撤回: one's last decision on an application (that task's, when named), while the next step has not acted (shown only then) */
export function WithdrawDecision({ applicationId, taskId, onDone }: { applicationId: string; taskId?: string; onDone?: () => void }) {
  const { message } = AntApp.useApp();
  const state = useLoad(() => api.get<{ withdrawable: boolean; taskId?: string; taskName?: string }>(`/api/applications/${applicationId}/withdrawable`), [applicationId]);
  const [busy, setBusy] = useState(false);
  if (!state.data?.withdrawable || (taskId !== undefined && state.data.taskId !== taskId)) return null;
  const withdraw = async () => {
    setBusy(true);
    try {
      const res = await api.post<{ message: string }>(`/api/applications/${applicationId}/withdraw-decision`, {});
      message.success(res.message);
      onDone?.();
      await state.reload();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : errorText(e));
      await state.reload();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Popconfirm title={`撤回“${state.data.taskName ?? ''}”的办理结果？`} description="撤回后任务回到您的待办，下一环节的任务随之取消。" okText="撤回" cancelText="取消" onConfirm={() => void withdraw()}>
      <Button size="small" danger loading={busy} data-testid="withdraw-decision">
        撤回
      </Button>
    </Popconfirm>
  );
}
