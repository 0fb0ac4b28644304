// The message centre's calls, and one window event so the bell recounts as soon as something is marked read.
import { api, qs } from '../api.js';

export interface NotificationItem {
  id: string;
  event: string;
  applicationId?: string;
  title: string;
  body: string;
  link?: string;
  createdAt: string;
  readAt?: string;
}

export interface NotificationPage {
  total: number;
  unread: number;
  items: NotificationItem[];
}

export const CHANGED = 'zc-notifications-changed';

export const listNotifications = (q: { unreadOnly?: boolean; offset?: number; limit?: number }): Promise<NotificationPage> =>
  api.get<NotificationPage>(`/api/notifications${qs({ unreadOnly: q.unreadOnly ? 'true' : undefined, offset: q.offset, limit: q.limit })}`);

export async function markRead(body: { ids: string[] } | { all: true }): Promise<number> {
  const r = await api.post<{ marked: number }>('/api/notifications/read', body);
  window.dispatchEvent(new Event(CHANGED));
  return r.marked;
}
