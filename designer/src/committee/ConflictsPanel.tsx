// 回避申报 of one expert: an applicant picked by name (this committee's applications) or a unit picked from the org
// tree, with the reason; each entry can be withdrawn.
import { Button, Card, Form, Input, List, Popconfirm, Radio, Select, TreeSelect, App as AntApp } from 'antd';
import { useState } from 'react';
import { api, ApiError, errorText, qs, type ProblemDetail } from '../api.js';
import { fieldStatus } from '../admin/problems-at.js';
import { orgTree, type ExpertRow, type PoolChoices } from './expert-types.js';

interface ConflictForm {
  kind: 'applicant' | 'unit';
  applicationId?: string;
  orgId?: string;
  reason: string;
}

export default function ConflictsPanel({ committeeId, expert, orgs, onChanged }: { committeeId: string; expert: ExpertRow; orgs: PoolChoices['orgs']; onChanged: () => Promise<void> }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<ConflictForm>();
  const kind = Form.useWatch('kind', form);
  const [applicants, setApplicants] = useState<{ value: string; label: string }[]>([]);
  const [problems, setProblems] = useState<ProblemDetail[] | null>(null);
  const base = `/api/committees/${encodeURIComponent(committeeId)}/experts/${encodeURIComponent(expert.id)}/conflicts`;

  const search = async (q: string) => {
    const res = await api.get<{ items: { applicationId: string; label: string }[] }>(`/api/committees/${encodeURIComponent(committeeId)}/conflict-applicants${qs({ q })}`);
    setApplicants(res.items.map((a) => ({ value: a.applicationId, label: a.label })));
  };

  const add = async () => {
    // nothing picked: antd shows it at the fields; the rejection is not an error of the page
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    try {
      await api.post(base, { reason: v.reason, ...(v.kind === 'applicant' ? { applicationId: v.applicationId } : { orgId: v.orgId }) });
      message.success('已登记回避');
      form.resetFields();
      setProblems(null);
      await onChanged();
    } catch (e) {
      message.error(errorText(e));
      setProblems(e instanceof ApiError ? e.details : null);
    }
  };

  const remove = async (index: number) => {
    try {
      await api.del(`${base}/${index}`);
      await onChanged();
    } catch (e) {
      message.error(errorText(e));
    }
  };

  return (
    <Card size="small" title="回避申报" data-testid="expert-conflicts">
      <List
        size="small"
        locale={{ emptyText: '暂无回避申报' }}
        dataSource={expert.conflicts}
        renderItem={(c, i) => (
          <List.Item actions={[<Popconfirm key="del" title="撤销这条回避申报？" okText="撤销" cancelText="取消" onConfirm={() => void remove(i)}><a>撤销</a></Popconfirm>]}>
            {c.applicantName ? `申报人 ${c.applicantName}` : `单位 ${c.unitName ?? ''}`}：{c.reason}
          </List.Item>
        )}
      />
      <Form form={form} layout="inline" initialValues={{ kind: 'unit' }} style={{ marginTop: 8, rowGap: 8 }}>
        <Form.Item name="kind">
          <Radio.Group options={[{ value: 'unit', label: '回避单位' }, { value: 'applicant', label: '回避申报人' }]} />
        </Form.Item>
        {kind === 'applicant' ? (
          <Form.Item name="applicationId" rules={[{ required: true, message: '请选择申报人' }]} {...fieldStatus(problems, '/applicationId')}>
            <Select showSearch filterOption={false} onSearch={(q) => void search(q)} onFocus={() => void search('')} options={applicants} placeholder="输入申报人姓名" style={{ width: 240 }} />
          </Form.Item>
        ) : (
          <Form.Item name="orgId" rules={[{ required: true, message: '请选择单位' }]} {...fieldStatus(problems, '/orgId')}>
            <TreeSelect showSearch treeNodeFilterProp="title" treeData={orgTree(orgs, (k) => k === 'unit')} placeholder="从机构树中选择单位" style={{ width: 280 }} data-testid="conflict-unit" />
          </Form.Item>
        )}
        <Form.Item name="reason" rules={[{ required: true, whitespace: true, message: '请填写回避原因' }]}>
          <Input placeholder="回避原因" maxLength={200} style={{ width: 200 }} data-testid="conflict-reason" />
        </Form.Item>
        <Button onClick={() => void add()} data-testid="conflict-add">登记回避</Button>
      </Form>
    </Card>
  );
}
