// 备案 tab of a review session (F6, G2): after the results 公示 the office opens the package, uploads the report and
// the commitment letter, has the roster and the 公示 record generated, and submits within a month; the administrator
// approves (核准备案) or returns it with a reason. Server refusals appear at the item they concern.
import { Alert, Button, Descriptions, Input, Modal, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { api } from '../api.js';
import { useAuth } from '../common/auth.js';
import { beijingTime } from '../common/beijing-time.js';
import { useLoad } from '../common/useLoad.js';
import type { FilingView } from '../../../server/runtime/committees/filing-package.js';
import { useRefusalAt } from './refusal-at.js';

export type { FilingView } from '../../../server/runtime/committees/filing-package.js';
type FilingItem = FilingView['items'][number];

export default function FilingPackage({ sessionId, canManage }: { sessionId: string; canManage: boolean }) {
  const admin = useAuth().hasRole('admin');
  const base = `/api/sessions/${encodeURIComponent(sessionId)}/filing`;
  const f = useLoad(() => api.get<{ package: FilingView | null }>(base), [base]);
  const { problems, run: attempt, here } = useRefusalAt();
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');

  const run = (what: () => Promise<FilingView>, done: string) => attempt(what, (p) => f.setData({ package: p }), done);

  if (f.error) return <Alert type="error" showIcon message={f.error} />;
  if (!f.data) return null;
  const pkg = f.data.package;
  const problemAlert = problems && <Alert type="error" showIcon message={problems.all} data-testid="filing-problem" />;
  if (!pkg) {
    return (
      <Space direction="vertical" style={{ width: '100%' }}>
        <Alert type="info" showIcon message="结果公示期满后一个月内，须将评审工作报告、通过人员花名册、承诺书和公示情况及投诉处理记录报送备案。" />
        {problemAlert}
        {canManage && <Button type="primary" onClick={() => void run(() => api.post<FilingView>(base), '已建立备案材料')} data-testid="filing-create">整理备案材料</Button>}
      </Space>
    );
  }
  const editable = canManage && pkg.status === 'assembling';
  const deadlineText = pkg.status === 'assembling' ? (pkg.daysLeft >= 0 ? `（还剩 ${pkg.daysLeft} 天）` : `（已逾期 ${-pkg.daysLeft} 天）`) : '';
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="filing-package">
      {pkg.returned && pkg.status === 'assembling' && <Alert type="warning" showIcon message={`备案材料已退回：${pkg.returned.reason}`} />}
      {pkg.overdue && <Alert type="error" showIcon message={`逾期：备案期限为 ${pkg.deadline}`} data-testid="filing-overdue" />}
      <Descriptions bordered size="small" column={2}>
        <Descriptions.Item label="状态"><Tag color={pkg.status === 'filed' ? 'green' : pkg.overdue ? 'red' : 'blue'} data-testid="filing-status">{pkg.statusLabel}</Tag></Descriptions.Item>
        <Descriptions.Item label="通过人数">{pkg.passedCount} 人</Descriptions.Item>
        <Descriptions.Item label="结果公示结束">{pkg.publicityEndedOn}</Descriptions.Item>
        <Descriptions.Item label="备案期限">{pkg.deadline}{deadlineText}</Descriptions.Item>
        <Descriptions.Item label="核准方式">{pkg.reCheck ? '高级职称评审结果，报自治区人社厅核准备案' : '中级及以下评审结果，提交即备案，不再复核'}</Descriptions.Item>
        <Descriptions.Item label="提交时间">{pkg.submittedAt ? beijingTime(pkg.submittedAt) : '—'}{pkg.filedAt ? `；备案时间 ${beijingTime(pkg.filedAt)}` : ''}</Descriptions.Item>
      </Descriptions>
      {problemAlert}
      <Table
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={pkg.items}
        columns={[
          { title: '材料', dataIndex: 'label', width: 200 },
          {
            title: '文件',
            render: (_: unknown, i: FilingItem) => (
              <>
                {i.name ? <a href={`${base}/files/${i.key}`} data-testid={`filing-file-${i.key}`}>{i.name}</a> : <Typography.Text type="secondary">{i.generated ? '未生成' : '未上传'}</Typography.Text>}
                {here(`/items/${i.key}`)}
              </>
            ),
          },
          {
            title: '',
            width: 140,
            render: (_: unknown, i: FilingItem) =>
              editable && !i.generated && (
                <Upload showUploadList={false} customRequest={({ file }) => void run(() => api.upload<FilingView>(`${base}/files/${i.key}`, file as File), `已上传${i.label}`)}>
                  <Button size="small" data-testid={`filing-upload-${i.key}`}>{i.name ? '重新上传' : '上传'}</Button>
                </Upload>
              ),
          },
        ]}
      />
      <Space>
        {editable && <Button onClick={() => void run(() => api.post<FilingView>(`${base}/generate`), '已生成花名册和公示记录')} data-testid="filing-generate">生成花名册和公示记录</Button>}
        {editable && <Button type="primary" onClick={() => void run(() => api.post<FilingView>(`${base}/submit`), '已提交备案')} data-testid="filing-submit">提交备案</Button>}
        {admin && pkg.status === 'submitted' && (
          <>
            <Button type="primary" onClick={() => void run(() => api.post<FilingView>(`${base}/approve`), '已核准备案')} data-testid="filing-approve">核准备案</Button>
            <Button danger onClick={() => setReturning(true)} data-testid="filing-return">退回</Button>
          </>
        )}
      </Space>
      <Modal title="退回备案材料" open={returning} okText="退回" cancelText="取消" okButtonProps={{ danger: true, disabled: !reason.trim() }} onCancel={() => setReturning(false)} onOk={() => void run(() => api.post<FilingView>(`${base}/return`, { reason }), '已退回').then((ok) => ok && setReturning(false))} destroyOnHidden>
        <Input.TextArea rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="退回原因" data-testid="filing-return-reason" />
      </Modal>
    </Space>
  );
}
