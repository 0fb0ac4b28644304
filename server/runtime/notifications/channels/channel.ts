// What a delivery channel is given and answers. A channel sends one message; the dispatcher decides about retries.
import type { NotificationChannel } from '../../../domain/notifications/types.js';

export interface OutgoingMessage {
  /** the delivery id: the same message sent again after a crash carries the same id */
  deliveryId: string;
  /** an e-mail address or a mobile number */
  to: string;
  recipientName: string;
  title: string;
  body: string;
}

/** `error` is a Chinese sentence an administrator reads in the delivery list */
export type SendResult = { ok: true } | { ok: false; error: string };

export interface Channel {
  send(m: OutgoingMessage): Promise<SendResult>;
  close?(): void;
}

/** the configured channels; one missing is off */
export type Channels = Partial<Record<NotificationChannel, Channel>>;
