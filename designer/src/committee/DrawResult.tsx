// One draw as the office and 纪检监察 read it: the members as they stand, the unused reserves, who was left out and
// why (回避, 不得连任, 停用, 专业不符), and the replacements with their reasons. `onReplace` adds the 替换 action.
import { Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType as ColumnsType } from 'antd';
import { beijingTime } from '../common/beijing-time.js';
import type { DrawExpert, DrawView } from './draw-types.js';

const REASON_COLORS: Record<string, string> = { 本人单位回避: 'orange', 申报回避: 'orange', 不得连任: 'red', 已停用: 'default', 专业不符: 'blue' };
const reasonTag = (reason: string) => {
  const [kind, rest] = reason.split('：');
  return (
    <Space size={4} wrap>
      <Tag color={REASON_COLORS[kind ?? ''] ?? 'default'}>{kind}</Tag>
      {rest && <Typography.Text type="secondary">{rest}</Typography.Text>}
    </Space>
  );
};

export default function DrawResult({ draw, onReplace }: { draw: DrawView; onReplace?: (e: DrawExpert) => void }) {
  const showContact = draw.current.some((e) => e.phone || e.email);
  const columns: ColumnsType<DrawExpert & { seat: string }> = [
    { title: '', dataIndex: 'seat', width: 64, render: (v: string) => <Tag color={v === '评委' ? 'green' : 'default'}>{v}</Tag> },
    { title: '姓名', dataIndex: 'name' },
    { title: '单位', dataIndex: 'unitName' },
    { title: '职称', dataIndex: 'title' },
    { title: '专业', dataIndex: 'specialties', render: (s: string[]) => s.join('、') },
    ...(showContact ? [{ title: '联系电话', dataIndex: 'phone' }] : []),
    ...(onReplace
      ? [{ title: '操作', key: 'op', width: 80, render: (_: unknown, e: DrawExpert & { seat: string }) => (e.seat === '评委' ? <a onClick={() => onReplace(e)} data-testid={`replace-${e.name}`}>替换</a> : null) }]
      : []),
  ];
  const rows = [...draw.current.map((e) => ({ ...e, seat: '评委' })), ...draw.unusedReserves.map((e) => ({ ...e, seat: '备选' }))];
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="draw-result">
      <Typography.Text type="secondary">
        {beijingTime(draw.at)} 由{draw.byName}抽取 · 符合条件 {draw.candidateCount} 人，抽取评委 {draw.request.members} 人、备选 {draw.request.reserves} 人 · 随机种子 <Typography.Text code copyable>{draw.seed}</Typography.Text>
      </Typography.Text>
      <Table rowKey="expertId" size="small" pagination={false} columns={columns} dataSource={rows} data-testid="draw-members" />
      {draw.replacements.length > 0 && (
        <Table
          rowKey={(r) => `${r.expert.expertId}-${r.at}`}
          size="small"
          pagination={false}
          title={() => '替补记录'}
          columns={[
            { title: '原评委', render: (_, r) => r.expert.name },
            { title: '替补', render: (_, r) => r.by.name },
            { title: '原因', dataIndex: 'reason' },
            { title: '时间', render: (_, r) => `${beijingTime(r.at)} ${r.actorName}` },
          ]}
          dataSource={draw.replacements}
        />
      )}
      <Table
        rowKey="expertId"
        size="small"
        pagination={false}
        title={() => `回避及未列入抽取的专家（${draw.excluded.length} 人）`}
        locale={{ emptyText: '无' }}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 120 },
          { title: '单位', dataIndex: 'unitName', width: 240 },
          { title: '原因', dataIndex: 'reason', render: reasonTag },
        ]}
        dataSource={draw.excluded}
        data-testid="draw-excluded"
      />
    </Space>
  );
}
