// 一次评审会议: 基本信息 / 实施方案 (five uploads, 提交报备; administrators 批准 / 退回) / 评审专家 (the draw, 确认聘任,
// 出席) / 议程 (applications picked by applicant and title) / 开始评审. Server refusals appear where they belong.
import { Alert, Button, Card, Descriptions, Input, Modal, Radio, Select, Space, Table, Tabs, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { api } from '../api.js';
import { useAuth } from '../common/auth.js';
import { beijingTime } from '../common/beijing-time.js';
import { href } from '../common/router.js';
import { useLoad } from '../common/useLoad.js';
import { useOfficeCommittee } from './committee-context.js';
import DrawPanel from './DrawPanel.js';
import FilingPackage from './FilingPackage.js';
import SessionGroups from './SessionGroups.js';
import SessionResults from './SessionResults.js';
import ScoringTab from './ScoringTab.js';
import { useRefusalAt } from './refusal-at.js';
import { MEMBER_ROLE_LABELS, type SessionMemberRow, type SessionView } from './session-types.js';

interface Seat {
  applicationId: string;
  applicantName: string;
  seated: boolean;
  reason?: string;
}

export default function SessionDetail({ id }: { id: string }) {
  const { hasRole } = useAuth();
  const { committees } = useOfficeCommittee();
  const base = `/api/sessions/${encodeURIComponent(id)}`;
  const s = useLoad(() => api.get<SessionView>(base), [base]);
  const session = s.data;
  const canManage = !!session && !!committees.find((c) => c.id === session.committeeId)?.canManage;
  const admin = hasRole('admin');
  const { problems, run: attempt, here } = useRefusalAt();
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const [seats, setSeats] = useState<Seat[] | null>(null);
  const [marks, setMarks] = useState<Record<string, 'present' | 'absent'>>({});
  const [agendaPick, setAgendaPick] = useState<string[] | null>(null);
  const candidates = useLoad(() => (canManage ? api.get<{ items: SessionView['agendaItems'] }>(`${base}/agenda-candidates`) : Promise.resolve({ items: [] })), [base, canManage]);

  if (s.error) return <Alert type="error" showIcon message={s.error} />;
  if (!session) return null;

  const run = (what: () => Promise<unknown>, done: string): Promise<boolean> =>
    attempt(what, (r) => {
      if (r && typeof r === 'object' && 'session' in r) {
        const started = r as { session: SessionView; seats: Seat[] };
        s.setData(started.session);
        setSeats(started.seats);
      } else if (r && typeof r === 'object' && 'id' in r) s.setData(r as SessionView);
    }, done);
  const planEditable = canManage && session.status === 'planning';
  const started = session.status === 'inProgress' || session.status === 'closed';

  const basics = (
    <Descriptions bordered size="small" column={2}>
      <Descriptions.Item label="会议名称">{session.name}</Descriptions.Item>
      <Descriptions.Item label="评委会">{session.committeeName}</Descriptions.Item>
      <Descriptions.Item label="会议日期">{session.date}</Descriptions.Item>
      <Descriptions.Item label="评审方式">{session.modeLabel}</Descriptions.Item>
      <Descriptions.Item label="评审地点">{session.place ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="法定出席人数">{session.quorum} 人</Descriptions.Item>
      <Descriptions.Item label="状态"><Tag>{session.statusLabel}</Tag></Descriptions.Item>
      <Descriptions.Item label="实施方案">须于 {session.planDeadline} 前报备并获批准</Descriptions.Item>
    </Descriptions>
  );

  const plan = (
    <Space direction="vertical" style={{ width: '100%' }}>
      {session.plan.returned && session.status === 'planning' && <Alert type="warning" showIcon message={`实施方案已退回：${session.plan.returned.reason}`} />}
      <Alert type="info" showIcon message={`实施方案须在评审会议 7 日前（${session.planDeadline} 前）报备并获批准`} />
      <Table
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={session.planFiles}
        columns={[
          { title: '材料', dataIndex: 'label', width: 160 },
          {
            title: '已上传',
            render: (_: unknown, f: SessionView['planFiles'][number]) => (
              <>
                {f.hash ? <a href={`${base}/plan/files/${f.key}`}>{f.name ?? f.label}</a> : <Typography.Text type="secondary">未上传</Typography.Text>}
                {here(`/plan/files/${f.key}`)}
              </>
            ),
          },
          {
            title: '',
            width: 120,
            render: (_: unknown, f: SessionView['planFiles'][number]) =>
              planEditable && (
                <Upload showUploadList={false} customRequest={({ file }) => void run(() => api.upload(`${base}/plan/files/${f.key}`, file as File), `已上传${f.label}`)}>
                  <Button size="small" data-testid={`plan-upload-${f.key}`}>{f.hash ? '重新上传' : '上传'}</Button>
                </Upload>
              ),
          },
        ]}
      />
      {here('/plan')}
      <Space>
        {planEditable && <Button type="primary" onClick={() => void run(() => api.post(`${base}/plan/submit`), '已提交报备')} data-testid="plan-submit">提交报备</Button>}
        {admin && session.status === 'planSubmitted' && (
          <>
            <Button type="primary" onClick={() => void run(() => api.post(`${base}/plan/approve`), '已批准实施方案')} data-testid="plan-approve">批准</Button>
            <Button danger onClick={() => (setReason(''), setReturning(true))} data-testid="plan-return">退回</Button>
          </>
        )}
        {session.plan.approvedAt && <Tag color="green">已于 {beijingTime(session.plan.approvedAt)} 批准</Tag>}
      </Space>
    </Space>
  );

  const confirmed = session.memberRows.filter((m) => m.confirmed && !m.replacedBy);
  const attendanceOf = (m: SessionMemberRow) => marks[m.expertId] ?? m.attendance;
  const members = (
    <Space direction="vertical" style={{ width: '100%' }}>
      {canManage && !started && <DrawPanel sessionId={session.id} committeeId={session.committeeId} onChanged={() => void s.reload()} />}
      <Table<SessionMemberRow>
        rowKey="expertId"
        size="small"
        pagination={false}
        dataSource={session.memberRows}
        locale={{ emptyText: '尚未抽取评审专家' }}
        columns={[
          { title: '姓名', dataIndex: 'name', render: (v: string, m) => <>{v}{here(`/members/${m.expertId}`)}</> },
          { title: '单位', dataIndex: 'unitName' },
          { title: '职称', dataIndex: 'title' },
          { title: '身份', dataIndex: 'role', render: (r: SessionMemberRow['role']) => MEMBER_ROLE_LABELS[r] },
          { title: '聘任', dataIndex: 'confirmed', render: (c: boolean, m) => (m.replacedBy ? <Tag>已替换</Tag> : c ? <Tag color="green">已确认</Tag> : <Tag>待确认</Tag>) },
          {
            title: '出席',
            render: (_: unknown, m) =>
              m.confirmed && !m.replacedBy ? (
                <Radio.Group
                  size="small"
                  disabled={!canManage || started}
                  value={attendanceOf(m)}
                  onChange={(e) => setMarks((x) => ({ ...x, [m.expertId]: e.target.value as 'present' | 'absent' }))}
                  options={[{ value: 'present', label: '出席' }, { value: 'absent', label: '缺席' }]}
                  data-testid={`attendance-${m.name}`}
                />
              ) : (
                '—'
              ),
          },
        ]}
      />
      {here('/members')}
      {canManage && !started && (
        <Space>
          <Button onClick={() => void run(() => api.post(`${base}/members/confirm`), '已确认聘任')} disabled={session.memberRows.length === 0} data-testid="members-confirm">确认聘任</Button>
          <Button
            type="primary"
            disabled={Object.keys(marks).length === 0}
            onClick={() => void run(() => api.put(`${base}/attendance`, { marks: Object.entries(marks).map(([expertId, attendance]) => ({ expertId, attendance })) }), '已登记出席情况').then((ok) => ok && setMarks({}))}
            data-testid="attendance-save"
          >
            保存出席情况
          </Button>
          <Typography.Text type="secondary">出席 {confirmed.filter((m) => attendanceOf(m) === 'present').length} 人，法定人数 {session.quorum} 人</Typography.Text>
        </Space>
      )}
    </Space>
  );

  const options = [...session.agendaItems, ...(candidates.data?.items ?? []).filter((c) => !session.agenda.includes(c.applicationId))];
  const agenda = (
    <Space direction="vertical" style={{ width: '100%' }}>
      {canManage && !started && (
        <Space.Compact style={{ width: '100%' }}>
          <Select
            mode="multiple"
            style={{ width: '100%' }}
            placeholder="选择列入议程的申报（申报人 · 申报职称）"
            value={agendaPick ?? session.agenda}
            onChange={setAgendaPick}
            optionFilterProp="label"
            options={options.map((a) => ({ value: a.applicationId, label: `${a.applicantName} · ${a.title}` }))}
            data-testid="agenda-select"
          />
          <Button type="primary" onClick={() => void run(() => api.put(`${base}/agenda`, { applicationIds: agendaPick ?? session.agenda }), '已保存议程').then((ok) => ok && setAgendaPick(null))} data-testid="agenda-save">保存议程</Button>
        </Space.Compact>
      )}
      {here('/agenda')}
      <Table
        rowKey="applicationId"
        size="small"
        pagination={false}
        dataSource={session.agendaItems}
        locale={{ emptyText: '议程中还没有申报' }}
        columns={[
          { title: '申报人', dataIndex: 'applicantName' },
          { title: '申报职称', dataIndex: 'title' },
        ]}
      />
    </Space>
  );

  const present = confirmed.filter((m) => m.attendance === 'present').length;
  const startTab = (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Descriptions bordered size="small" column={1}>
        <Descriptions.Item label="实施方案">{session.plan.approvedAt ? '已批准' : '未批准'}</Descriptions.Item>
        <Descriptions.Item label="评审专家">已确认聘任 {confirmed.length} 人，出席 {present} 人，法定人数 {session.quorum} 人</Descriptions.Item>
        <Descriptions.Item label="议程">{session.agenda.length} 件</Descriptions.Item>
      </Descriptions>
      {problems && !Object.keys(problems.at).some((p) => p.startsWith('/plan/files') || p.startsWith('/members/')) && <Alert type="error" showIcon message={problems.all} data-testid="start-problem" />}
      {canManage && !started && <Button type="primary" onClick={() => void run(() => api.post(`${base}/start`), '评审已开始')} data-testid="session-start">开始评审</Button>}
      {started && <Alert type="success" showIcon message={`评审已于 ${session.startedAt ? beijingTime(session.startedAt) : ''} 开始`} data-testid="session-started" />}
      {seats && seats.length > 0 && (
        <Table
          rowKey="applicationId"
          size="small"
          pagination={false}
          dataSource={seats}
          columns={[
            { title: '申报人', dataIndex: 'applicantName' },
            { title: '专家表决', render: (_: unknown, r: Seat) => (r.seated ? `已由出席的 ${present} 位专家表决` : r.reason) },
          ]}
        />
      )}
    </Space>
  );

  return (
    <Card size="small" title={<Space><a href={href('/committee/sessions')}>评审会议</a>/<span>{session.name}</span><Tag>{session.statusLabel}</Tag></Space>} data-testid="session-detail">
      <Tabs
        items={[
          { key: 'basics', label: '基本信息', children: basics },
          { key: 'plan', label: '实施方案', children: plan },
          { key: 'members', label: '评审专家', children: members },
          { key: 'agenda', label: `议程（${session.agenda.length}）`, children: agenda },
          { key: 'groups', label: '分组', children: <SessionGroups base={base} editable={canManage && session.status !== 'closed'} /> },
          { key: 'start', label: '开始评审', children: startTab },
          ...(session.status === 'inProgress' || session.status === 'closed' ? [{ key: 'scoring', label: '评分', children: <ScoringTab sessionId={id} canManage={canManage} /> }] : []),
          { key: 'results', label: '结果', children: <SessionResults base={base} /> },
          { key: 'filing', label: '备案', children: <FilingPackage sessionId={id} canManage={canManage} /> },
        ]}
      />
      <Modal title="退回实施方案" open={returning} okText="退回" cancelText="取消" okButtonProps={{ danger: true, disabled: !reason.trim() }} onCancel={() => setReturning(false)} onOk={() => void run(() => api.post(`${base}/plan/return`, { reason }), '已退回').then((ok) => ok && setReturning(false))} destroyOnHidden>
        <Input.TextArea rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="请填写退回原因" data-testid="plan-return-reason" />
      </Modal>
    </Card>
  );
}
