// 消息中心: one's notifications, newest first; unread ones marked; a click marks it read and opens what it is
// about; 全部标为已读.
import { Alert, Badge, Button, Card, List, Segmented, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { errorText } from '../api.js';
import { beijingTime } from '../common/beijing-time.js';
import { navigate } from '../common/router.js';
import { listNotifications, markRead, type NotificationItem, type NotificationPage } from './notifications-api.js';

const PAGE_SIZE = 20;

export default function MessagesPage() {
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [page, setPage] = useState(1);
  const [data, setData] = useState<NotificationPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setData(await listNotifications({ unreadOnly, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }));
      setError(null);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setLoading(false);
    }
  }, [unreadOnly, page]);

  useEffect(() => {
    void load();
  }, [load]);

  const open = async (n: NotificationItem) => {
    try {
      if (!n.readAt) await markRead({ ids: [n.id] });
    } catch (e) {
      setError(errorText(e));
    }
    if (n.link) navigate(n.link);
    else void load();
  };

  const readAll = async () => {
    try {
      await markRead({ all: true });
      await load();
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <Card
      title="消息中心"
      extra={
        <Button onClick={() => void readAll()} disabled={!data || data.unread === 0}>
          全部标为已读
        </Button>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Segmented
            options={[
              { label: '全部', value: 'all' },
              { label: `未读${data ? `（${data.unread}）` : ''}`, value: 'unread' },
            ]}
            value={unreadOnly ? 'unread' : 'all'}
            onChange={(v) => {
              setUnreadOnly(v === 'unread');
              setPage(1);
            }}
          />
        </Space>
        {error ? <Alert type="error" showIcon message={error} /> : null}
        <List
          loading={loading}
          dataSource={data?.items ?? []}
          locale={{ emptyText: unreadOnly ? '没有未读消息' : '暂无消息' }}
          pagination={data && data.total > PAGE_SIZE ? { current: page, pageSize: PAGE_SIZE, total: data.total, onChange: setPage, showSizeChanger: false } : false}
          renderItem={(n) => (
            <List.Item
              key={n.id}
              data-testid="message-item"
              data-unread={n.readAt ? 'false' : 'true'}
              onClick={() => void open(n)}
              style={{ cursor: 'pointer', background: n.readAt ? undefined : '#f0f7ff', paddingInline: 12 }}
            >
              <List.Item.Meta
                title={
                  <Space wrap size={6}>
                    {n.readAt ? null : <Badge status="processing" text="未读" />}
                    <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
                  </Space>
                }
                description={
                  <>
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>
                      {n.body}
                    </Typography.Paragraph>
                    <Typography.Text type="secondary">{beijingTime(n.createdAt)}</Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      </Space>
    </Card>
  );
}
