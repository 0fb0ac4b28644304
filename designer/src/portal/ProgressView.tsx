// 进度: the application's flow with what is done and what is open, and its history.
import { Alert, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { api } from '../api.js';
import { DECISION_LABELS, label } from '../common/labels.js';
import { useLoad } from '../common/useLoad.js';
import FlowViewer from '../flows/FlowViewer.js';

interface HistoryEntry {
  at?: string;
  elementId?: string;
  kind?: string;
  decision?: string;
  comment?: string;
}

const KIND_TEXT: Record<string, string> = { enter: '到达', leave: '完成', complete: '办理', timeout: '超时', message: '收到消息' };

/** element id → name, read from the diagram itself */
function elementNames(xml: string): Map<string, string> {
  const names = new Map<string, string>();
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  for (const el of Array.from(doc.getElementsByTagName('*'))) {
    const id = el.getAttribute('id');
    const name = el.getAttribute('name');
    if (id && name) names.set(id, name);
  }
  return names;
}

export default function ProgressView({ applicationId }: { applicationId: string }) {
  const wf = useLoad(() => api.get<{ xml: string | null; active: string[]; finished: string[]; history?: HistoryEntry[] }>(`/api/applications/${applicationId}/workflow`), [applicationId]);
  if (wf.loading) return <Spin />;
  if (wf.error || !wf.data) return <Alert type="info" showIcon message={wf.error ?? '暂无流程信息'} />;
  if (!wf.data.xml) return <Alert type="info" showIcon message="申报提交后即可在此查看审核流程" />;
  const history = (wf.data.history ?? []).filter((h) => h.kind !== 'leave' || !!h.decision);
  const names = elementNames(wf.data.xml);
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
                  {(h.at ?? '').slice(0, 16).replace('T', ' ')} {KIND_TEXT[h.kind ?? ''] ?? h.kind ?? ''}「{names.get(h.elementId ?? '') ?? h.elementId}」
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
