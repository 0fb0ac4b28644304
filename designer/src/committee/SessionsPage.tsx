// 评审会议 of the picked committee (名称, 日期, 方式, 状态 in words, 议程件数) and 新建; administrators also see every
// implementation plan waiting for their approval (F3), whichever committee it is from.
import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Radio, Table, Tabs, Tag, App as AntApp } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiError, api, errorText } from '../api.js';
import { useAuth } from '../common/auth.js';
import { href, navigate } from '../common/router.js';
import { useLoad } from '../common/useLoad.js';
import { useOfficeCommittee } from './committee-context.js';
import type { SessionView } from './session-types.js';

const STATUS_COLOURS: Record<SessionView['status'], string> = { planning: 'default', planSubmitted: 'gold', planApproved: 'blue', inProgress: 'green', closed: 'default' };

function SessionTable({ items, showCommittee }: { items: SessionView[]; showCommittee?: boolean }) {
  return (
    <Table<SessionView>
      rowKey="id"
      size="small"
      dataSource={items}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: '暂无评审会议' }}
      columns={[
        { title: '名称', dataIndex: 'name', render: (v: string, r) => <a href={href(`/committee/sessions/${r.id}`)}>{v}</a> },
        ...(showCommittee ? [{ title: '评委会', dataIndex: 'committeeName' }] : []),
        { title: '日期', dataIndex: 'date', width: 120 },
        { title: '方式', dataIndex: 'modeLabel', width: 100 },
        { title: '状态', dataIndex: 'statusLabel', width: 150, render: (v: string, r) => <Tag color={STATUS_COLOURS[r.status]}>{v}</Tag> },
        { title: '议程件数', dataIndex: 'agenda', width: 100, render: (a: string[]) => a.length },
      ]}
    />
  );
}

interface NewSession {
  name: string;
  date: Dayjs;
  mode: 'onsite' | 'online';
  place?: string;
  quorum: number;
}

export default function SessionsPage() {
  const { committee } = useOfficeCommittee();
  const { hasRole } = useAuth();
  const { message } = AntApp.useApp();
  const admin = hasRole('admin');
  const all = useLoad(() => api.get<{ items: SessionView[] }>('/api/sessions'), []);
  const awaiting = useLoad(() => (admin ? api.get<{ items: SessionView[] }>('/api/sessions?awaitingApproval=true') : Promise.resolve({ items: [] })), [admin]);
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<NewSession>();
  const mine = (all.data?.items ?? []).filter((s) => s.committeeId === committee?.id);

  const create = async () => {
    // an incomplete form: antd shows each problem at its field; the rejection is not an error of the page
    const v = await form.validateFields().catch(() => undefined);
    if (!v || !committee) return;
    try {
      const date = v.date.format('YYYY-MM-DD');
      const s = await api.post<SessionView>('/api/sessions', { committeeId: committee.id, campaignYear: Number(date.slice(0, 4)), name: v.name, date, mode: v.mode, ...(v.place ? { place: v.place } : {}), quorum: v.quorum });
      message.success('已新建评审会议');
      setCreating(false);
      navigate(`/committee/sessions/${s.id}`);
    } catch (e) {
      // a server check belongs to its field (评审地点 …)
      if (e instanceof ApiError && e.details.some((d) => d.pointer)) {
        form.setFields(e.details.filter((d) => d.pointer).map((d) => ({ name: d.pointer!.slice(1) as keyof NewSession, errors: [d.message] })));
      } else message.error(errorText(e));
    }
  };

  const list = (
    <Card
      size="small"
      title={`${committee?.name ?? ''} · 评审会议`}
      extra={committee?.canManage && <Button type="primary" onClick={() => (form.resetFields(), setCreating(true))} data-testid="session-new">新建评审会议</Button>}
    >
      {all.error && <Alert type="error" showIcon message={all.error} />}
      <SessionTable items={mine} />
    </Card>
  );

  return (
    <div data-testid="sessions-page">
      {admin ? (
        <Tabs
          items={[
            { key: 'list', label: '评审会议', children: list },
            {
              key: 'awaiting',
              label: `待批准的实施方案（${awaiting.data?.items.length ?? 0}）`,
              children: (
                <Card size="small" title="待批准的实施方案">
                  <SessionTable items={awaiting.data?.items ?? []} showCommittee />
                </Card>
              ),
            },
          ]}
        />
      ) : (
        list
      )}
      <Modal title="新建评审会议" open={creating} onOk={() => void create()} onCancel={() => setCreating(false)} okText="新建" cancelText="取消" destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ mode: 'onsite', quorum: committee?.appointment.sessionSize?.members ?? 5 }}>
          <Form.Item name="name" label="会议名称" rules={[{ required: true, whitespace: true, message: '请填写会议名称' }]}>
            <Input maxLength={100} placeholder="如：2022年度第一次评审会议" />
          </Form.Item>
          <Form.Item name="date" label="会议日期" rules={[{ required: true, message: '请选择会议日期' }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="mode" label="评审方式">
            <Radio.Group options={[{ value: 'onsite', label: '现场评审' }, { value: 'online', label: '网上评审' }]} />
          </Form.Item>
          <Form.Item name="place" label="评审地点">
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="quorum" label="法定出席人数" rules={[{ required: true, message: '请填写法定出席人数' }]}>
            <InputNumber min={1} max={99} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
