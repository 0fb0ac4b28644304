// The bell in the header: the unread count, polled once a minute (and recounted when the message centre marks
// something read); a click opens 消息中心.
import { Badge } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { href } from '../common/router.js';
import { CHANGED, listNotifications } from './notifications-api.js';

const POLL_MS = 60_000;

function BellIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" fill="currentColor" aria-hidden="true">
      <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
    </svg>
  );
}

export default function NotificationBell() {
  const [unread, setUnread] = useState(0);
  const count = useCallback(() => {
    listNotifications({ unreadOnly: true, limit: 1 })
      .then((p) => setUnread(p.unread))
      .catch(() => undefined); // a missed count is retried at the next poll
  }, []);
  useEffect(() => {
    count();
    const timer = window.setInterval(count, POLL_MS);
    window.addEventListener(CHANGED, count);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener(CHANGED, count);
    };
  }, [count]);
  const label = unread > 0 ? `消息中心，${unread} 条未读` : '消息中心';
  return (
    <a href={href('/messages')} className="zc-bell" aria-label={label} title={label} data-testid="notification-bell">
      <Badge count={unread} size="small" overflowCount={99}>
        <span style={{ color: '#fff', display: 'inline-flex', padding: 4 }}>
          <BellIcon />
        </span>
      </Badge>
    </a>
  );
}
