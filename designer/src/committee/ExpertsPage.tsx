// 专家库 of the picked committee: who is in the pool, their years on this committee and whether F4 lets them be
// appointed this year ("2022 年不得聘任：已连续 3 年"); 新增/编辑 in a drawer, 回避申报 there, 停用 with a reason;
// 从 Excel 导入 (columns 姓名, 专业, 职称, 工作单位, 所在盟市, 手机, 邮箱, 担任评委年度).
import { Alert, Button, Card, Input, Modal, Select, Space, Table, Tag, App as AntApp } from 'antd';
import { useState } from 'react';
import { api, errorText, qs } from '../api.js';
import { useLoad } from '../common/useLoad.js';
import { useOfficeCommittee } from './committee-context.js';
import ExpertDrawer from './ExpertDrawer.js';
import { useExpertImport } from './ExpertImport.js';
import type { ExpertRow, PoolChoices } from './expert-types.js';

interface Page {
  total: number;
  page: number;
  pageSize: number;
  year: number;
  items: ExpertRow[];
}

export default function ExpertsPage() {
  const { committee } = useOfficeCommittee();
  const { message } = AntApp.useApp();
  const [q, setQ] = useState('');
  const [specialty, setSpecialty] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [year, setYear] = useState<number | undefined>();
  const [editing, setEditing] = useState<{ expert: ExpertRow | null } | null>(null);
  const [stopping, setStopping] = useState<ExpertRow | null>(null);
  const [reason, setReason] = useState('');
  const id = committee?.id ?? '';
  const base = `/api/committees/${encodeURIComponent(id)}`;
  const list = useLoad(() => api.get<Page>(`${base}/experts${qs({ q, specialty, page, year })}`), [base, q, specialty, page, year]);
  const choices = useLoad(() => api.get<PoolChoices>(`${base}/pool-choices`), [base]);
  const thisYear = list.data?.year ?? new Date().getFullYear();
  const importer = useExpertImport(id, list.reload);

  const reload = async () => {
    await list.reload();
    // the drawer shows the row it was opened with: refresh it after a conflict is declared
    setEditing((e) => (e?.expert ? { expert: e.expert } : e));
  };
  const latest = (e: ExpertRow | null) => (e ? (list.data?.items.find((x) => x.id === e.id) ?? e) : null);

  const deactivate = async () => {
    if (!stopping) return;
    try {
      await api.post(`${base}/experts/${encodeURIComponent(stopping.id)}/deactivate`, { reason });
      message.success(`已停用${stopping.name}`);
      setStopping(null);
      await list.reload();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const reactivate = async (e: ExpertRow) => {
    try {
      await api.post(`${base}/experts/${encodeURIComponent(e.id)}/reactivate`, {});
      await list.reload();
    } catch (err) {
      message.error(errorText(err));
    }
  };

  if (!committee) return null;
  return (
    <Card title="专家库" data-testid="experts-page" extra={<Space>{importer.button}<Button type="primary" onClick={() => setEditing({ expert: null })} data-testid="expert-new">新增专家</Button></Space>}>
      {list.error && <Alert type="error" showIcon message={list.error} style={{ marginBottom: 12 }} />}
      {importer.errors}
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search placeholder="按姓名或单位查找" allowClear onSearch={(v) => (setPage(1), setQ(v.trim()))} style={{ width: 260 }} data-testid="expert-search" />
        <Select allowClear placeholder="全部专业" style={{ width: 180 }} value={specialty} onChange={(v?: string) => (setPage(1), setSpecialty(v))} options={(choices.data?.specialties ?? []).map((s) => ({ value: s.key, label: s.name }))} />
        <Select style={{ width: 140 }} value={thisYear} onChange={(v: number) => setYear(v)} options={Array.from({ length: 6 }, (_, i) => thisYear - 2 + i).map((y) => ({ value: y, label: `${y} 年聘任` }))} />
        {committee.selfReview && committee.appointment.minExternalShare !== undefined && (
          <Tag color="blue">自主评审：外单位专家不少于 {Math.round(committee.appointment.minExternalShare * 100)}%</Tag>
        )}
      </Space>
      <Table<ExpertRow>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={{ current: page, pageSize: list.data?.pageSize ?? 20, total: list.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 人` }}
        columns={[
          { title: '姓名', dataIndex: 'name', render: (n: string, e) => <a onClick={() => setEditing({ expert: e })}>{n}</a> },
          { title: '专业', render: (_, e) => e.specialties.map((s) => s.name).join('、') },
          { title: '职称', dataIndex: 'title' },
          { title: '工作单位', dataIndex: 'unitName' },
          { title: '所在盟市', render: (_, e) => e.regionName ?? '' },
          { title: '近年任职', dataIndex: 'recent' },
          {
            title: '状态',
            render: (_, e) => (
              <Space direction="vertical" size={2}>
                {e.inactive ? <Tag>已停用（{e.inactive.reason}）</Tag> : <Tag color="green">在库</Tag>}
                {!e.inactive && e.appointment && <Tag color="orange" data-testid="expert-f4-tag">{e.appointment}</Tag>}
                {e.conflicts.length > 0 && <Tag color="purple">回避 {e.conflicts.length} 项</Tag>}
              </Space>
            ),
          },
          {
            title: '操作',
            render: (_, e) => (
              <Space>
                <a onClick={() => setEditing({ expert: e })}>编辑</a>
                {e.inactive ? <a onClick={() => void reactivate(e)}>重新启用</a> : <a onClick={() => (setReason(''), setStopping(e))}>停用</a>}
              </Space>
            ),
          },
        ]}
      />
      <ExpertDrawer
        open={editing !== null}
        expert={latest(editing?.expert ?? null)}
        committee={committee}
        choices={choices.data}
        year={thisYear}
        onClose={() => setEditing(null)}
        onSaved={reload}
      />
      <Modal title={`停用专家${stopping ? `「${stopping.name}」` : ''}`} open={stopping !== null} okText="停用" cancelText="取消" okButtonProps={{ disabled: !reason.trim() }} onOk={() => void deactivate()} onCancel={() => setStopping(null)}>
        <p>停用后保留任职记录，不再参加抽取。</p>
        <Input.TextArea placeholder="停用原因" maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="expert-stop-reason" />
      </Modal>
    </Card>
  );
}
