// 抽取记录 for 纪检监察 and the committee's office: every draw of the picked committee (time, who, seed, result), each
// opened to its 回避 list and replacements; 复核 repeats the draw from its stored seed and candidates and says 一致.
import { Alert, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, errorText, qs } from '../api.js';
import { beijingTime } from '../common/beijing-time.js';
import { useLoad } from '../common/useLoad.js';
import { useOfficeCommittee } from './committee-context.js';
import DrawResult from './DrawResult.js';
import type { DrawView, Replay } from './draw-types.js';

export default function DrawsAuditPage() {
  const { committee } = useOfficeCommittee();
  const list = useLoad(() => api.get<{ items: DrawView[] }>(`/api/draws${qs({ committee: committee?.id })}`), [committee?.id]);
  const [replays, setReplays] = useState<Record<string, Replay | { error: string } | 'busy'>>({});

  const check = async (id: string) => {
    setReplays((r) => ({ ...r, [id]: 'busy' }));
    try {
      const res = await api.get<Replay>(`/api/draws/${encodeURIComponent(id)}/replay`);
      setReplays((r) => ({ ...r, [id]: res }));
    } catch (e) {
      setReplays((r) => ({ ...r, [id]: { error: errorText(e) } }));
    }
  };

  const verdict = (id: string) => {
    const r = replays[id];
    if (r === undefined || r === 'busy') return null;
    if ('error' in r) return <Typography.Text type="danger">{r.error}</Typography.Text>;
    return <Tag color={r.consistent ? 'green' : 'red'} data-testid={`replay-${id}`}>{r.verdict}</Tag>;
  };

  return (
    <Card title="专家抽取记录" size="small" data-testid="draws-audit">
      <Typography.Paragraph type="secondary">
        每次抽取记录随机种子与候选专家名单；“复核”用同一种子和名单重新抽取，结果与记录相同即为“一致”。
      </Typography.Paragraph>
      {list.error && <Alert type="error" showIcon message={list.error} />}
      <Table<DrawView>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: '本评委会尚无抽取记录' }}
        expandable={{ expandedRowRender: (d) => <DrawResult draw={d} /> }}
        columns={[
          { title: '抽取时间', dataIndex: 'at', width: 150, render: (v: string) => beijingTime(v) },
          { title: '评审会议', dataIndex: 'sessionName' },
          { title: '经办人', dataIndex: 'byName', width: 180 },
          { title: '随机种子', dataIndex: 'seed', width: 150, render: (v: string) => <Typography.Text code copyable={{ text: v }}>{v.slice(0, 8)}…</Typography.Text> },
          { title: '抽中评委', render: (_, d) => d.members.map((e) => e.name).join('、') },
          { title: '回避', width: 64, render: (_, d) => d.excluded.length },
          {
            title: '复核',
            width: 140,
            render: (_, d) => (
              <Space>
                <Button size="small" loading={replays[d.id] === 'busy'} onClick={() => void check(d.id)} data-testid={`replay-run-${d.id}`}>
                  复核
                </Button>
                {verdict(d.id)}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
