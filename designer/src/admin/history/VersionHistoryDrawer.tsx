// 版本历史: every published version (第 n 版, who by name, when in Beijing time); pick two, or a version and the
// draft, and read what changed as Chinese lines; 查看此版本 shows a version's content read-only.
import { Alert, Button, Drawer, List, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, errorText } from '../../api.js';
import { beijingTime } from '../../common/beijing-time.js';
import type { DefinitionDetail, DefinitionDiff, DefinitionRecord } from '../../types/api.js';

type Ref = number | 'draft';
const refName = (v: Ref) => (v === 'draft' ? '当前草稿' : `第 ${v} 版`);
const CHANGE: Record<DefinitionDiff['lines'][number]['change'], { label: string; color: string }> = {
  added: { label: '新增', color: 'green' },
  removed: { label: '删除', color: 'red' },
  changed: { label: '修改', color: 'orange' },
  moved: { label: '顺序', color: 'blue' },
};

export default function VersionHistoryDrawer<B>({ open, onClose, base, detail }: { open: boolean; onClose: () => void; base: string; detail: DefinitionDetail<B> | undefined }) {
  const versions = [...(detail?.versions ?? [])].sort((a, b) => b.version - a.version);
  const latest = versions[0]?.version;
  const hasDraft = Boolean(detail?.draft);
  const choices: Ref[] = [...(hasDraft ? (['draft'] as Ref[]) : []), ...versions.map((v) => v.version)];
  const [from, setFrom] = useState<Ref | undefined>();
  const [to, setTo] = useState<Ref | undefined>();
  const [diff, setDiff] = useState<DefinitionDiff | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [viewing, setViewing] = useState<{ version: number; json: string } | null>(null);

  const compare = async (a: Ref | undefined, b: Ref | undefined) => {
    if (a === undefined || b === undefined) return;
    setBusy(true);
    try {
      setDiff(await api.get<DefinitionDiff>(`${base}/diff?from=${a}&to=${b}`));
      setError(null);
    } catch (e) {
      setDiff(null);
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  // on opening: the latest version against the draft, else the two latest versions
  useEffect(() => {
    if (!open) return;
    const a: Ref | undefined = hasDraft ? latest : versions[1]?.version;
    const b: Ref | undefined = hasDraft ? 'draft' : latest;
    setFrom(a);
    setTo(b);
    setDiff(null);
    setError(null);
    if (a !== undefined && b !== undefined) void compare(a, b);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, latest, hasDraft]);

  const view = async (version: number) => {
    try {
      const rec = await api.get<DefinitionRecord<B>>(`${base}/versions/${version}`);
      setViewing({ version, json: JSON.stringify(rec.body, null, 2) });
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <Drawer title="版本历史" width={760} open={open} onClose={onClose} destroyOnHidden>
      <Space direction="vertical" style={{ width: '100%' }} size="middle" data-testid="history-drawer">
        <Table
          size="small"
          rowKey="version"
          pagination={false}
          dataSource={versions}
          locale={{ emptyText: '尚未发布' }}
          data-testid="history-versions"
          columns={[
            { title: '版本', dataIndex: 'version', render: (v: number) => <Tag color={v === latest ? 'blue' : undefined}>{refName(v)}</Tag> },
            { title: '发布人', render: (_, r) => r.createdByName ?? r.createdBy ?? '—' },
            { title: '发布时间（北京时间）', dataIndex: 'createdAt', render: (v: string) => beijingTime(v) },
            {
              title: '',
              render: (_, r) => (
                <Button size="small" onClick={() => void view(r.version)} data-testid={`history-view-${r.version}`}>
                  查看此版本
                </Button>
              ),
            },
          ]}
        />
        {hasDraft && (
          <Typography.Text type="secondary" data-testid="history-draft">
            当前草稿：{detail?.draftByName ?? detail?.draft?.createdBy ?? '—'}保存于 {detail?.draft?.createdAt ? beijingTime(detail.draft.createdAt) : '—'}
          </Typography.Text>
        )}
        {choices.length >= 2 ? (
          <Space wrap>
            比较
            <Select data-testid="history-from" value={from} onChange={setFrom} style={{ width: 130 }} options={choices.map((v) => ({ value: v, label: refName(v) }))} />
            与
            <Select data-testid="history-to" value={to} onChange={setTo} style={{ width: 130 }} options={choices.map((v) => ({ value: v, label: refName(v) }))} />
            <Button onClick={() => void compare(from, to)} loading={busy} data-testid="history-compare">
              查看差异
            </Button>
          </Space>
        ) : (
          <Typography.Text type="secondary">至少有两个版本（或一个版本和草稿）时可以比较</Typography.Text>
        )}
        {error && <Alert type="error" showIcon message={error} />}
        {diff && (
          <List
            size="small"
            bordered
            data-testid="history-diff"
            header={
              <Typography.Text strong>
                {refName(diff.from === 'draft' ? 'draft' : Number(diff.from))} → {refName(diff.to === 'draft' ? 'draft' : Number(diff.to))}：{diff.lines.length} 处改动
              </Typography.Text>
            }
            locale={{ emptyText: '两者内容相同' }}
            dataSource={diff.lines}
            renderItem={(l) => (
              <List.Item data-testid="history-diff-line">
                <Space align="start">
                  <Tag color={CHANGE[l.change].color}>{CHANGE[l.change].label}</Tag>
                  <span>{l.text}</span>
                </Space>
              </List.Item>
            )}
          />
        )}
      </Space>
      <Modal open={viewing !== null} title={viewing ? `${refName(viewing.version)}（只读）` : ''} onCancel={() => setViewing(null)} footer={null} width={720} data-testid="history-version-modal">
        <pre style={{ maxHeight: 480, overflow: 'auto', background: '#fafafa', padding: 12, fontSize: 12 }} data-testid="history-version-json">
          {viewing?.json}
        </pre>
      </Modal>
    </Drawer>
  );
}
