// The channels the configuration switches on: e-mail with SMTP_URL, SMS with SMS_WEBHOOK_URL and its secret.
import type { NotificationConfig } from '../../../config.js';
import type { Channels } from './channel.js';
import { createEmailChannel } from './email.js';
import { createSmsWebhookChannel } from './sms-webhook.js';

export function channelsFromConfig(c: NotificationConfig): Channels {
  return {
    ...(c.smtpUrl ? { email: createEmailChannel({ smtpUrl: c.smtpUrl, from: c.mailFrom }) } : {}),
    ...(c.smsWebhookUrl && c.smsWebhookSecret ? { sms: createSmsWebhookChannel({ url: c.smsWebhookUrl, secret: c.smsWebhookSecret }) } : {}),
  };
}
