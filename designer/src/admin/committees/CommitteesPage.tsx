// 评委会管理: the committees one at a time. Each save publishes the next version of the committee list through
// the server's checks; an edit of a committee someone changed since it was loaded is refused with who and when.
import { Alert, App as AntApp, Button, Card, Drawer, Form, Input, Popconfirm, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api, ApiError, errorText, type ProblemDetail } from '../../api.js';
import { useLoad } from '../../common/useLoad.js';
import { ExportButton } from '../../common/ExportButton.js';
import type { Committee } from '../../types/api.js';
import { useOrgTree } from '../orgs/org-tree-data.js';
import CommitteeForm, { type CommitteeFormValues, type SeriesChoice } from './CommitteeForm.js';

type Editing = { committee?: Committee; baseVersion: number } | null;

function toForm(c: Committee): CommitteeFormValues {
  return {
    name: c.name,
    seriesKey: c.seriesKey,
    specialties: c.specialties,
    highestGrade: c.highestGrade,
    scopeKind: c.scope.units?.length ? 'units' : c.scope.regions?.length ? 'regions' : 'region',
    regions: c.scope.regions,
    units: c.scope.units,
    validFrom: dayjs(c.filing.validFrom),
    validTo: dayjs(c.filing.validTo),
    number: c.filing.number,
    officeOrgId: c.officeOrgId,
    expertPoolId: c.expertPoolId,
    socialised: c.socialised === true,
    maxConsecutiveYears: c.appointment?.maxConsecutiveYears,
    minExternalPercent: c.appointment?.minExternalShare === undefined ? undefined : Math.round(c.appointment.minExternalShare * 100),
    sessionMembers: c.appointment?.sessionSize?.members,
    sessionReserves: c.appointment?.sessionSize?.reserves,
    scoringSheetName: c.scoringSheet?.name,
    scoringItems: c.scoringSheet?.items,
    scoringDropHighLow: c.scoringSheet?.dropHighLow === true,
  };
}

function fromForm(v: CommitteeFormValues) {
  return {
    name: v.name,
    seriesKey: v.seriesKey,
    ...(v.specialties?.length ? { specialties: v.specialties } : {}),
    highestGrade: v.highestGrade,
    scope: v.scopeKind === 'regions' ? { regions: v.regions ?? [] } : v.scopeKind === 'units' ? { units: v.units ?? [] } : {},
    filing: { validFrom: v.validFrom.format('YYYY-MM-DD'), validTo: v.validTo.format('YYYY-MM-DD'), ...(v.number ? { number: v.number } : {}) },
    officeOrgId: v.officeOrgId,
    ...(v.expertPoolId ? { expertPoolId: v.expertPoolId } : {}),
    ...(v.socialised ? { socialised: true } : {}),
    appointment: {
      ...(v.maxConsecutiveYears ? { maxConsecutiveYears: v.maxConsecutiveYears } : {}),
      ...(v.scopeKind === 'units' && typeof v.minExternalPercent === 'number' ? { minExternalShare: v.minExternalPercent / 100 } : {}),
      ...(v.sessionMembers ? { sessionSize: { members: v.sessionMembers, reserves: v.sessionReserves ?? 0 } } : {}),
    },
    ...(v.scoringSheetName?.trim() && v.scoringItems?.length ? { scoringSheet: { name: v.scoringSheetName.trim(), items: v.scoringItems, ...(v.scoringDropHighLow ? { dropHighLow: true } : {}) } } : {}),
  };
}

export default function CommitteesPage() {
  const { message } = AntApp.useApp();
  const list = useLoad(() => api.get<{ version: number; items: Committee[] }>('/api/admin/committees'), []);
  const series = useLoad(() => api.get<{ items: SeriesChoice[] }>('/api/series'), []);
  const orgs = useOrgTree();
  const [editing, setEditing] = useState<Editing>(null);
  const [problems, setProblems] = useState<ProblemDetail[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [filter, setFilter] = useState('');
  const [form] = Form.useForm<CommitteeFormValues>();
  const orgName = (id: string) => orgs.byId.get(id)?.name ?? id;
  const seriesName = (key: string) => series.data?.items.find((s) => s.key === key)?.name ?? key;

  const open = (committee?: Committee) => {
    setProblems(null);
    setError(null);
    form.resetFields();
    if (committee) form.setFieldsValue(toForm(committee));
    setEditing({ ...(committee ? { committee } : {}), baseVersion: list.data?.version ?? 0 });
  };

  const save = async () => {
    if (!editing) return;
    const v = await form.validateFields();
    setSaving(true);
    try {
      if (editing.committee) await api.put(`/api/admin/committees/${encodeURIComponent(editing.committee.id)}`, { ...fromForm(v), baseVersion: editing.baseVersion });
      else await api.post('/api/admin/committees', fromForm(v));
      message.success('已保存，评委会名单已发布新版本');
      setEditing(null);
      await list.reload();
    } catch (e) {
      setError(errorText(e));
      setProblems(e instanceof ApiError ? e.details : null);
    } finally {
      setSaving(false);
    }
  };

  const setActive = async (c: Committee, active: boolean) => {
    try {
      await api.post(`/api/admin/committees/${encodeURIComponent(c.id)}/${active ? 'reactivate' : 'deactivate'}`, {});
      message.success(active ? '已重新启用' : '已停用');
      await list.reload();
    } catch (e) {
      message.error(errorText(e));
    }
  };

  return (
    <Card title="评委会管理" data-testid="committees-page" extra={<Space><ExportButton href="/api/admin/committees.xlsx" /><Button type="primary" onClick={() => open()} data-testid="committee-new">新建评委会</Button></Space>}>
      {list.error && <Alert type="error" showIcon message={list.error} />}
      <Input.Search placeholder="按名称查找评委会" allowClear onChange={(e) => setFilter(e.target.value.trim())} style={{ width: 320, marginBottom: 12 }} />
      <Table<Committee>
        rowKey="id"
        loading={list.loading}
        dataSource={(list.data?.items ?? []).filter((c) => !filter || c.name.includes(filter))}
        pagination={{ pageSize: 15, hideOnSinglePage: true }}
        columns={[
          { title: '评委会', dataIndex: 'name', render: (n: string, c) => <a onClick={() => open(c)}>{n}</a> },
          { title: '系列', dataIndex: 'seriesKey', render: seriesName },
          { title: '评审权限', dataIndex: 'highestGrade' },
          { title: '评审范围', render: (_, c) => (c.scope.units?.length ? c.scope.units.map(orgName).join('、') : c.scope.regions?.length ? c.scope.regions.map(orgName).join('、') : '全区') },
          { title: '核准备案', render: (_, c) => `${c.filing.validFrom} 至 ${c.filing.validTo}` },
          { title: '办事机构', dataIndex: 'officeOrgId', render: orgName },
          { title: '专家聘任', render: (_, c) => `连续不超过 ${c.appointment?.maxConsecutiveYears ?? 3} 年${c.appointment?.minExternalShare !== undefined ? `；外单位不少于 ${Math.round(c.appointment.minExternalShare * 100)}%` : ''}` },
          { title: '状态', render: (_, c) => (c.deactivated ? <Tag>已停用</Tag> : <Tag color="green">有效</Tag>) },
          {
            title: '操作',
            render: (_, c) => (
              <Space>
                <a onClick={() => open(c)}>编辑</a>
                {c.deactivated ? (
                  <a onClick={() => void setActive(c, true)}>重新启用</a>
                ) : (
                  <Popconfirm title={`停用「${c.name}」？`} description="停用后保留历史，不再受理新的申报。" okText="停用" cancelText="取消" onConfirm={() => void setActive(c, false)}>
                    <a>停用</a>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Drawer
        width={720}
        open={editing !== null}
        title={editing?.committee ? `编辑「${editing.committee.name}」` : '新建评委会'}
        forceRender
        onClose={() => setEditing(null)}
        extra={<Button type="primary" loading={saving} onClick={() => void save()} data-testid="committee-save">保存并发布</Button>}
      >
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="committee-error" />}
        <CommitteeForm form={form} tree={orgs.tree} series={series.data?.items ?? []} problems={problems} />
      </Drawer>
    </Card>
  );
}
