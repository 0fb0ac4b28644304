// Notifications: what a transition tells people. They are written in the same store write as the transition (an
// outbox), shown in the in-app message centre, and delivered by e-mail (SMTP) and SMS (an HTTP webhook to a
// provider) from the store's delivery queue: retried with backoff, never sent twice.

export type NotificationEvent =
  | 'task.assigned'
  | 'application.returned'
  | 'deadline.soon'
  | 'publicity.started'
  | 'publicity.ended'
  | 'application.result'
  | 'certificate.issued'
  | 'task.reminded'
  | 'task.copied'
  /** a 发送通知 step of the flow: its recipients and template are the step's settings */
  | 'flow.notice';

export type NotificationChannel = 'email' | 'sms';

export interface NotificationInput {
  /** deterministic (event, application, occasion, recipient): storing the same id twice keeps the first */
  id: string;
  userId: string;
  event: NotificationEvent;
  applicationId?: string;
  title: string;
  body: string;
  /** an in-app route the message centre links to, e.g. /my or /workbench/<applicationId>/<taskId> */
  link?: string;
  createdAt: string;
  /** channels besides the message centre; each becomes one delivery in the queue */
  channels: NotificationChannel[];
}

export interface NotificationRecord extends NotificationInput {
  readAt?: string;
}

export interface DeliveryRow {
  /** `${notificationId}:${channel}` */
  id: string;
  notificationId: string;
  channel: NotificationChannel;
  status: 'pending' | 'sent' | 'dead';
  attempts: number;
  nextAttemptAt: string;
  lastError?: string;
  sentAt?: string;
}

export type DeliveryOutcome =
  | { status: 'sent'; at: string }
  | { status: 'pending'; error: string; nextAttemptAt: string }
  | { status: 'dead'; error: string; at: string };
