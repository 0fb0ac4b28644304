// 审核工作台: 待办 / 已办 / 抄送我的 (tab, filters, sort and page in the address), and one task
// (GET /api/tasks/:applicationId/:taskId). 花名册 is its own page (#/rosters).
import { Badge, Button, Card, Tabs } from 'antd';
import { useState } from 'react';
import { api } from '../api.js';
import { useAuth } from '../common/auth.js';
import { href } from '../common/router.js';
import { useLoad } from '../common/useLoad.js';
import type { CampaignItem, SeriesItem } from '../types/api.js';
import CopiesList from './CopiesList.js';
import DoneList from './DoneList.js';
import { goTo, readQuery, type Tab } from './list-query.js';
import TaskDetail from './TaskDetail.js';
import TodoList from './TodoList.js';

/** who may open 花名册: the offices a flow passes through, and administrators */
const ROSTER_ROLES = ['unitReviewer', 'competentReviewer', 'leagueReviewer', 'centreClerk', 'committeeClerk', 'admin'] as const;

function Lists({ query }: { query: URLSearchParams }) {
  const q = readQuery(query);
  const { hasRole } = useAuth();
  const series = useLoad(() => api.get<{ items: SeriesItem[] }>('/api/series'), []);
  const campaigns = useLoad(() => api.get<{ items: CampaignItem[] }>('/api/campaigns'), []);
  const [changed, setChanged] = useState(0);
  const counts = useLoad(
    async () => ({
      todo: (await api.get<{ total: number }>('/api/tasks?limit=1')).total,
      unread: (await api.get<{ total: number }>('/api/tasks/copies?unreadOnly=true&limit=1')).total,
    }),
    [changed, q.tab],
  );
  const props = { q, series: series.data?.items ?? [], campaigns: campaigns.data?.items ?? [], onChanged: () => setChanged((n) => n + 1) };
  return (
    <Card
      title="审核工作台"
      extra={
        hasRole(...ROSTER_ROLES) && (
          <Button href={href('/rosters')} data-testid="roster-link">
            花名册
          </Button>
        )
      }
    >
      <Tabs
        activeKey={q.tab}
        onChange={(tab) => goTo(q, { tab: tab as Tab })}
        items={[
          { key: 'todo', label: <Badge count={counts.data?.todo ?? 0} offset={[12, -2]} size="small" overflowCount={999}>待办</Badge>, children: q.tab === 'todo' && <TodoList {...props} /> },
          { key: 'done', label: '已办', children: q.tab === 'done' && <DoneList {...props} /> },
          { key: 'copies', label: <Badge count={counts.data?.unread ?? 0} offset={[12, -2]} size="small">抄送我的</Badge>, children: q.tab === 'copies' && <CopiesList {...props} /> },
        ]}
      />
    </Card>
  );
}

export default function WorkbenchArea({ applicationId, taskId, query }: { applicationId?: string; taskId?: string; query: URLSearchParams }) {
  if (applicationId && taskId) return <TaskDetail applicationId={applicationId} taskId={taskId} />;
  return <Lists query={query} />;
}
