// 进度: the application's flow with what is done and what is open, and its history.
import { Alert, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { api } from '../api.js';
import { DECISION_LABELS, label } from '../common/labels.js';
import { useLoad } from '../common/useLoad.js';
import FlowViewer from '../flows/FlowViewer.js';

interface HistoryEntry {
  at?: string;
  time?: string;
  createdAt?: string;
  elementId?: string;
  name?: string;
  event?: string;
  type?: string;
  decision?: string;
  comment?: string;
  by?: string;
  actorName?: string;
}

export default function ProgressView({ applicationId }: { applicationId: string }) {
  const wf = useLoad(() => api.get<{ xml: string | null; active: string[]; finished: string[]; history?: HistoryEntry[] }>(`/api/applications/${applicationId}/workflow`), [applicationId]);
  if (wf.loading) return <Spin />;
  if (wf.error || !wf.data) return <Alert type="info" showIcon message={wf.error ?? '暂无流程信息'} />;
  if (!wf.data.xml) return <Alert type="info" showIcon message="申报提交后即可在此查看审核流程" />;
  const history = wf.data.history ?? [];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        <Tag color="green">已办结环节</Tag>
        <Tag color="gold">当前环节</Tag>
      </Space>
      <FlowViewer xml={wf.data.xml} active={wf.data.active} finished={wf.data.finished} />
      {history.length > 0 && (
        <>
          <Typography.Title level={5}>办理记录</Typography.Title>
          <Timeline
            items={history.map((h) => ({
              children: (
                <span>
                  {(h.at ?? h.time ?? h.createdAt ?? '').slice(0, 16).replace('T', ' ')} {h.name ?? h.elementId ?? h.event ?? h.type}
                  {h.decision ? `：${label(DECISION_LABELS, h.decision)}` : ''}
                  {h.comment ? `（${h.comment}）` : ''}
                </span>
              ),
            }))}
          />
        </>
      )}
    </Space>
  );
}
