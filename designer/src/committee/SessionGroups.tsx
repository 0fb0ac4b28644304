// 分组 (D6): the session's agenda split into the committee's groups — proposed from the applicants' units — and the
// office moving a candidate (by name) to another group before saving. Read-only for 纪检 and once the session closed.
import { Alert, Button, Card, Select, Space, Table, Tag, App as AntApp } from 'antd';
import { useState } from 'react';
import { api, errorText } from '../api.js';
import { useLoad } from '../common/useLoad.js';

interface GroupItem {
  applicationId: string;
  applicantName: string;
  title: string;
}
export interface SessionGroupView {
  id: string;
  kind: string;
  name: string;
  applicationIds: string[];
  items: GroupItem[];
}
interface GroupsAnswer {
  saved: boolean;
  groups: SessionGroupView[];
}

export default function SessionGroups({ base, editable }: { base: string; editable: boolean }) {
  const { message } = AntApp.useApp();
  const loaded = useLoad(() => api.get<GroupsAnswer>(`${base}/groups`), [base]);
  const [draft, setDraft] = useState<SessionGroupView[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  if (loaded.error) return <Alert type="error" showIcon message={loaded.error} />;
  if (!loaded.data) return null;
  const groups = draft ?? loaded.data.groups;

  const move = (item: GroupItem, to: string) => {
    setDraft(groups.map((g) => {
      const items = g.items.filter((i) => i.applicationId !== item.applicationId);
      const next = g.kind === to ? [...items, item] : items;
      return { ...g, items: next, applicationIds: next.map((i) => i.applicationId) };
    }));
  };
  const save = async () => {
    try {
      const r = await api.put<GroupsAnswer>(`${base}/groups`, { groups: groups.map((g) => ({ kind: g.kind, applicationIds: g.items.map((i) => i.applicationId) })) });
      loaded.setData(r);
      setDraft(null);
      setProblem(null);
      message.success('已保存分组');
    } catch (e) {
      setProblem(errorText(e));
    }
  };
  const propose = async () => {
    try {
      setDraft((await api.get<GroupsAnswer>(`${base}/groups/proposal`)).groups);
    } catch (e) {
      setProblem(errorText(e));
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="session-groups">
      {!loaded.data.saved && !draft && <Alert type="info" showIcon message="尚未保存分组，以下是按申报人所在单位提出的建议（旗县、苏木乡镇单位为基层组，非公有制单位为非公组）" />}
      {draft && <Alert type="warning" showIcon message="分组已调整，尚未保存" />}
      {problem && <Alert type="error" showIcon message={problem} data-testid="groups-problem" />}
      {groups.map((g) => (
        <Card key={g.kind} size="small" title={<Space>{g.name}<Tag>{g.items.length} 人</Tag></Space>} data-testid={`group-${g.kind}`}>
          <Table
            rowKey="applicationId"
            size="small"
            pagination={false}
            dataSource={g.items}
            locale={{ emptyText: '本组没有申报人' }}
            columns={[
              { title: '申报人', dataIndex: 'applicantName' },
              { title: '申报职称', dataIndex: 'title' },
              ...(editable
                ? [{
                    title: '调整到',
                    width: 200,
                    render: (_: unknown, item: GroupItem) => (
                      <Select
                        size="small"
                        style={{ width: 160 }}
                        placeholder="移到其他分组"
                        value={null}
                        onChange={(to: string) => move(item, to)}
                        options={groups.filter((x) => x.kind !== g.kind).map((x) => ({ value: x.kind, label: x.name }))}
                        data-testid={`move-${item.applicantName}`}
                      />
                    ),
                  }]
                : []),
            ]}
          />
        </Card>
      ))}
      {editable && (
        <Space>
          <Button type="primary" onClick={() => void save()} data-testid="groups-save">保存分组</Button>
          <Button onClick={() => void propose()} data-testid="groups-propose">按申报人单位重新建议</Button>
        </Space>
      )}
    </Space>
  );
}
