// 待核准的备案 for the administrator (自治区人社厅): submitted filing packages of senior results, late ones marked 逾期;
// each opens the session's 备案 tab, where it is approved or returned.
import { Alert, Card, Table, Tag } from 'antd';
import { api } from '../api.js';
import { beijingTime } from '../common/beijing-time.js';
import { href } from '../common/router.js';
import { useLoad } from '../common/useLoad.js';
import type { FilingView } from './FilingPackage.js';

export default function FilingsPage() {
  const list = useLoad(() => api.get<{ items: FilingView[] }>('/api/filing-packages?awaiting=true'), []);
  if (list.error) return <Alert type="error" showIcon message={list.error} />;
  return (
    <Card title="待核准的备案" size="small">
      <Table
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: '没有待核准的备案' }}
        data-testid="filings-awaiting"
        columns={[
          { title: '评审会议', render: (_: unknown, f: FilingView) => <a href={href(`/committee/sessions/${encodeURIComponent(f.sessionId)}`)}>{f.sessionName}</a> },
          { title: '评委会', dataIndex: 'committeeName' },
          { title: '通过人数', dataIndex: 'passedCount', width: 90 },
          { title: '备案期限', dataIndex: 'deadline', width: 110 },
          { title: '提交时间', render: (_: unknown, f: FilingView) => (f.submittedAt ? beijingTime(f.submittedAt) : '—'), width: 170 },
          { title: '状态', render: (_: unknown, f: FilingView) => <Tag color={f.late ? 'red' : 'blue'}>{f.statusLabel}</Tag>, width: 160 },
        ]}
      />
    </Card>
  );
}
