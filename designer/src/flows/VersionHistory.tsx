// 版本历史: every published version (who, when); pick two (or the draft) and see what changed — steps added,
// removed and changed, by name — listed and highlighted on both diagrams (bpmn-js markers).
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/diagram-js.css';
import './flow-diff.css';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer.js';
import { Alert, Button, Col, List, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import zcModdle from '../../../workflows/zc-moddle.json' with { type: 'json' };
import { api, errorText } from '../api.js';
import { changeText, type SettingChange } from './diff-labels.js';
import translateModule from './translate.js';

interface ElementDiff {
  id: string;
  name: string;
  type: string;
  typeLabel: string;
  changes?: SettingChange[];
}
interface FlowDiff {
  from: number;
  to: number;
  added: ElementDiff[];
  removed: ElementDiff[];
  changed: ElementDiff[];
}
export interface VersionRow {
  version: number;
  createdAt: string;
  createdBy?: string;
  createdByName?: string;
}

const versionName = (v: number) => (v === 0 ? '当前草稿' : `第 ${v} 版`);

/** a read-only diagram of one version with the diff's elements marked */
function DiffDiagram({ xml, marks, testId }: { xml: string; marks: Record<string, string>; testId: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const viewer = new NavigatedViewer({ container: ref.current, additionalModules: [translateModule], moddleExtensions: { zc: zcModdle } });
    let alive = true;
    void viewer.importXML(xml).then(() => {
      if (!alive) return;
      const canvas = viewer.get<any>('canvas');
      const registry = viewer.get<any>('elementRegistry');
      for (const [id, cls] of Object.entries(marks)) if (registry.get(id)) canvas.addMarker(id, cls);
      canvas.zoom('fit-viewport');
    });
    return () => {
      alive = false;
      viewer.destroy();
    };
  }, [xml, marks]);
  return <div className="zc-diff-canvas" ref={ref} data-testid={testId} />;
}

export default function VersionHistory({ defKey, versions, draftXml }: { defKey: string; versions: VersionRow[]; draftXml?: string }) {
  const sorted = [...versions].sort((a, b) => b.version - a.version);
  const latest = sorted[0]?.version;
  const choices = [...(draftXml ? [0] : []), ...sorted.map((v) => v.version)];
  const [from, setFrom] = useState<number | undefined>(sorted[1]?.version ?? latest);
  const [to, setTo] = useState<number | undefined>(draftXml ? 0 : latest);
  const [result, setResult] = useState<{ diff: FlowDiff; before: string; after: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setFrom(sorted[1]?.version ?? latest);
    setTo(draftXml ? 0 : latest);
    // a new version appears after publishing: compare it with the one before
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [latest]);

  const xmlOf = async (v: number) => (v === 0 ? (draftXml ?? '') : (await api.get<{ body: { xml: string } }>(`/api/definitions/workflow/${encodeURIComponent(defKey)}/versions/${v}`)).body.xml);
  const compare = async () => {
    if (from === undefined || to === undefined) return;
    setBusy(true);
    try {
      const [diff, before, after] = await Promise.all([api.get<FlowDiff>(`/api/workflows/${encodeURIComponent(defKey)}/diff?from=${from}&to=${to}`), xmlOf(from), xmlOf(to)]);
      setResult({ diff, before, after });
      setError(null);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const [marksBefore, marksAfter] = useMemo(() => {
    const before: Record<string, string> = {};
    const after: Record<string, string> = {};
    for (const e of result?.diff.removed ?? []) before[e.id] = 'zc-diff-removed';
    for (const e of result?.diff.added ?? []) after[e.id] = 'zc-diff-added';
    for (const e of result?.diff.changed ?? []) before[e.id] = after[e.id] = 'zc-diff-changed';
    return [before, after];
  }, [result]);
  const rows = result ? [...result.diff.added.map((e) => ({ ...e, kind: '新增' })), ...result.diff.removed.map((e) => ({ ...e, kind: '删除' })), ...result.diff.changed.map((e) => ({ ...e, kind: '修改' }))] : [];
  const kindColor: Record<string, string> = { 新增: 'green', 删除: 'red', 修改: 'orange' };

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="version-history">
      <Table<VersionRow>
        size="small"
        rowKey="version"
        pagination={false}
        dataSource={sorted}
        locale={{ emptyText: '尚未发布' }}
        columns={[
          { title: '版本', dataIndex: 'version', render: (v: number) => <Tag color={v === latest ? 'blue' : undefined}>{versionName(v)}</Tag> },
          { title: '发布人', render: (_, r) => r.createdByName ?? '—' },
          { title: '发布时间', dataIndex: 'createdAt', render: (v: string) => new Date(v).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) },
        ]}
      />
      <Space wrap>
        比较
        <Select data-testid="diff-from" value={from} onChange={setFrom} style={{ width: 120 }} options={choices.map((v) => ({ value: v, label: versionName(v) }))} />
        与
        <Select data-testid="diff-to" value={to} onChange={setTo} style={{ width: 120 }} options={choices.map((v) => ({ value: v, label: versionName(v) }))} />
        <Button onClick={() => void compare()} loading={busy} disabled={from === undefined || to === undefined} data-testid="diff-compare">
          查看差异
        </Button>
      </Space>
      {error && <Alert type="error" showIcon message={error} />}
      {result && (
        <>
          <Typography.Text data-testid="diff-summary">
            {versionName(result.diff.from)} → {versionName(result.diff.to)}：新增 {result.diff.added.length} 个、删除 {result.diff.removed.length} 个、修改 {result.diff.changed.length} 个元素
          </Typography.Text>
          <List
            size="small"
            bordered
            data-testid="diff-list"
            dataSource={rows}
            locale={{ emptyText: '两个版本没有差异' }}
            renderItem={(r) => (
              <List.Item>
                <div>
                  <Tag color={kindColor[r.kind]}>{r.kind}</Tag>
                  <Typography.Text strong>{r.name}</Typography.Text>
                  <Typography.Text type="secondary">（{r.typeLabel}）</Typography.Text>
                  {r.changes?.map((c) => (
                    <div key={c.field} style={{ marginLeft: 16, fontSize: 13 }}>
                      {changeText(c)}
                    </div>
                  ))}
                </div>
              </List.Item>
            )}
          />
          <Row gutter={12}>
            <Col span={12}>
              <Typography.Text type="secondary">{versionName(result.diff.from)}（红色：删除，橙色：修改）</Typography.Text>
              <DiffDiagram xml={result.before} marks={marksBefore} testId="diff-before" />
            </Col>
            <Col span={12}>
              <Typography.Text type="secondary">{versionName(result.diff.to)}（绿色：新增，橙色：修改）</Typography.Text>
              <DiffDiagram xml={result.after} marks={marksAfter} testId="diff-after" />
            </Col>
          </Row>
        </>
      )}
    </Space>
  );
}
