// 待办: the tasks waiting for this person, with 办理期限 and overdue marks, server-side filters and sort,
// checkboxes for 批量同意, and the list as Excel.
import { Alert, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { api, qs } from '../api.js';
import { ExportButton } from '../common/ExportButton.js';
import { levelTitle, seriesName } from '../common/level-name.js';
import { beijingTime } from '../common/beijing-time.js';
import { href } from '../common/router.js';
import { useLoad } from '../common/useLoad.js';
import type { CampaignItem, SeriesItem, TaskItem } from '../types/api.js';
import BatchApprove, { BatchResult } from './BatchApprove.js';
import DueTag, { type TaskDue } from './DueTag.js';
import ListFilters from './ListFilters.js';
import { goTo, listUrl, type ListQuery } from './list-query.js';
import { stepOptions } from './step-names.js';

type Row = TaskItem & { due?: TaskDue };
const key = (t: { applicationId: string; taskId: string }) => `${t.applicationId}/${t.taskId}`;

export default function TodoList({ q, series, campaigns, onChanged }: { q: ListQuery; series: SeriesItem[]; campaigns: CampaignItem[]; onChanged: () => void }) {
  const { campaignId, seriesKey, levelKey, elementId, applicantName, overdue, sort } = q.filters;
  const filters = { campaignId, seriesKey, levelKey, elementId, applicantName, overdue, sort };
  const tasks = useLoad(() => api.get<{ total: number; items: Row[] }>(listUrl('/api/tasks', { ...q, filters })), [JSON.stringify(filters), q.page, q.pageSize]);
  const [selected, setSelected] = useState<string[]>([]);
  const [result, setResult] = useState<Parameters<typeof BatchResult>[0]['result'] | null>(null);
  const rows = tasks.data?.items ?? [];
  const targets = rows.filter((t) => selected.includes(key(t))).map((t) => ({ applicationId: t.applicationId, taskId: t.taskId, applicantName: t.applicantName }));

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <ListFilters q={q} series={series} campaigns={campaigns} steps={stepOptions(rows, elementId)} todo />
      <Space wrap>
        <BatchApprove
          targets={targets}
          onDone={(r) => {
            setResult(r);
            setSelected([]);
            void tasks.reload();
            onChanged();
          }}
        />
        <ExportButton href={`/api/tasks/export.xlsx${qs(filters)}`} label="导出待办" />
      </Space>
      {result && <BatchResult result={result} onClose={() => setResult(null)} />}
      {tasks.error && <Alert type="error" showIcon message={tasks.error} />}
      <Table<Row>
        rowKey={key}
        size="middle"
        loading={tasks.loading}
        dataSource={rows}
        locale={{ emptyText: '暂无待办' }}
        rowSelection={{
          selectedRowKeys: selected,
          onChange: (keys) => setSelected(keys.map(String)),
          // a ballot is the expert's own decision: never in a batch
          getCheckboxProps: (t) => ({ disabled: t.assignee !== undefined, 'aria-label': `选择 ${t.applicantName}` }),
        }}
        pagination={{
          current: q.page,
          pageSize: q.pageSize,
          total: tasks.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (t) => `共 ${t} 件`,
          onChange: (page, pageSize) => goTo(q, { page, pageSize }),
        }}
        columns={[
          { title: '申报人', dataIndex: 'applicantName', render: (n: string, t) => <a href={href(`/workbench/${t.applicationId}/${t.taskId}`)}>{n}</a> },
          { title: '职称系列', render: (_, t) => seriesName(series, t.seriesKey) },
          { title: '申报职称', render: (_, t) => levelTitle(series, t.levelKey) },
          { title: '办理环节', dataIndex: 'name', render: (n: string) => <Tag color="blue">{n}</Tag> },
          { title: '到达时间', dataIndex: 'createdAt', render: (d: string) => beijingTime(d) },
          { title: '办理期限', render: (_, t) => <DueTag due={t.due} /> },
          { title: '操作', render: (_, t) => <a href={href(`/workbench/${t.applicationId}/${t.taskId}`)}>办理</a> },
        ]}
      />
    </Space>
  );
}
