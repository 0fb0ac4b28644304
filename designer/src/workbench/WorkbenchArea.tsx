// 审核工作台: the inbox (GET /api/tasks) and one task (GET /api/tasks/:applicationId/:taskId).
import { Alert, Button, Card, Input, Select, Space, Statistic, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { api, qs } from '../api.js';
import { label, ROLE_LABELS } from '../common/labels.js';
import { levelTitle, seriesName } from '../common/level-name.js';
import { href, navigate } from '../common/router.js';
import { useLoad } from '../common/useLoad.js';
import type { RoleKey, SeriesItem, TaskItem } from '../types/api.js';
import TaskDetail from './TaskDetail.js';

const fmt = (v?: string) => v?.slice(0, 16).replace('T', ' ') ?? '';

function Inbox({ query }: { query: URLSearchParams }) {
  const seriesKey = query.get('seriesKey') ?? undefined;
  const levelKey = query.get('levelKey') ?? undefined;
  const elementId = query.get('elementId') ?? undefined;
  const page = Number(query.get('page') ?? '1');
  const pageSize = Number(query.get('pageSize') ?? '20');
  const [name, setName] = useState('');
  const series = useLoad(() => api.get<{ items: SeriesItem[] }>('/api/series'), []);
  const campaigns = useLoad(() => api.get<{ items: { key: string; name: string }[] }>('/api/campaigns'), []);
  const tasks = useLoad(
    () => api.get<{ total: number; items: TaskItem[] }>(`/api/tasks${qs({ seriesKey, levelKey, elementId, offset: (page - 1) * pageSize, limit: pageSize })}`),
    [seriesKey, levelKey, elementId, page, pageSize],
  );
  const setQuery = (patch: Record<string, string | number | undefined>) => {
    const next: Record<string, string | number | undefined> = { seriesKey, levelKey, elementId, page, pageSize, ...patch };
    if (!('page' in patch)) next.page = 1;
    navigate(`/workbench${qs(next)}`);
  };
  const byStep = useMemo(() => {
    const m = new Map<string, { name: string; count: number }>();
    for (const t of tasks.data?.items ?? []) {
      const e = m.get(t.elementId) ?? { name: t.name, count: 0 };
      e.count++;
      m.set(t.elementId, e);
    }
    return [...m.entries()];
  }, [tasks.data]);
  const levels = (series.data?.items ?? []).find((s) => s.key === seriesKey)?.levels ?? [];
  const rows = (tasks.data?.items ?? []).filter((t) => !name || (t.applicantName ?? '').includes(name));

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Space size="large" wrap>
          <Statistic title="待办总数" value={tasks.data?.total ?? 0} />
          {(campaigns.data?.items ?? []).slice(0, 1).map((c) => (
            <Button key={c.key} href={`/api/rosters${qs({ campaignId: c.key, seriesKey, levelKey })}`} target="_blank">
              打印花名册（{c.name}）
            </Button>
          ))}
          {byStep.map(([id, s]) => (
            <a key={id} onClick={() => setQuery({ elementId: elementId === id ? undefined : id })}>
              <Statistic title={`${s.name}${elementId === id ? '（已筛选）' : ''}`} value={s.count} suffix="件（本页）" />
            </a>
          ))}
        </Space>
      </Card>
      <Card
        title="待办事项"
        extra={
          <Space wrap>
            <Select
              allowClear
              placeholder="职称系列"
              style={{ width: 160 }}
              value={seriesKey}
              onChange={(v) => setQuery({ seriesKey: v, levelKey: undefined })}
              options={(series.data?.items ?? []).map((s) => ({ value: s.key, label: s.name }))}
            />
            <Select
              allowClear
              placeholder="层级"
              style={{ width: 140 }}
              value={levelKey}
              onChange={(v) => setQuery({ levelKey: v })}
              options={levels.map((l) => ({ value: l.definition, label: `${l.grade}（${l.title}）` }))}
            />
            <Input.Search allowClear placeholder="申报人姓名（本页）" onSearch={setName} style={{ width: 200 }} />
            {elementId && <Button onClick={() => setQuery({ elementId: undefined })}>清除环节筛选</Button>}
          </Space>
        }
      >
        {tasks.error && <Alert type="error" showIcon message={tasks.error} style={{ marginBottom: 16 }} />}
        <Table<TaskItem>
          rowKey={(t) => `${t.applicationId}/${t.taskId}`}
          loading={tasks.loading}
          dataSource={rows}
          locale={{ emptyText: '暂无待办' }}
          pagination={{
            current: page,
            pageSize,
            total: tasks.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (t) => `共 ${t} 件`,
            onChange: (p, ps) => setQuery({ page: p, pageSize: ps }),
          }}
          columns={[
            { title: '申报人', dataIndex: 'applicantName' },
            { title: '系列 / 层级', render: (_, t) => `${seriesName(series.data?.items, t.seriesKey)} ${levelTitle(series.data?.items, t.levelKey)}` },
            { title: '办理环节', dataIndex: 'name', render: (n: string) => <Tag color="blue">{n}</Tag> },
            { title: '办理角色', dataIndex: 'role', render: (r: string) => label(ROLE_LABELS as Record<RoleKey, string>, r) },
            { title: '到达时间', dataIndex: 'createdAt', render: fmt },
            { title: '办理期限', dataIndex: 'dueAt', render: (d?: string) => (d ? <Tag color="orange">{fmt(d)}</Tag> : '—') },
            { title: '操作', render: (_, t) => <a href={href(`/workbench/${t.applicationId}/${t.taskId}`)}>办理</a> },
          ]}
        />
      </Card>
    </Space>
  );
}

export default function WorkbenchArea({ applicationId, taskId, query }: { applicationId?: string; taskId?: string; query: URLSearchParams }) {
  if (applicationId && taskId) return <TaskDetail applicationId={applicationId} taskId={taskId} />;
  return <Inbox query={query} />;
}
