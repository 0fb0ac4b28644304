// The data-exchange outbox (G5, F6): what is pushed to the national and region platforms, one record per
// (endpoint, subject, revision) in the operational records store (kind 'exchange').

export type ExchangeEvent = 'certificate.issued' | 'certificate.revoked' | 'filing.submitted';
export type ExchangeState = 'pending' | 'sent' | 'dead';

export const EXCHANGE_EVENTS: readonly ExchangeEvent[] = ['certificate.issued', 'certificate.revoked', 'filing.submitted'];
export const EXCHANGE_STATES: readonly ExchangeState[] = ['pending', 'sent', 'dead'];

/** a receiving platform, from EXCHANGE_ENDPOINTS */
export interface ExchangeEndpoint {
  id: string;
  /** 全国专业技术人才公共服务平台, 自治区人社一体化平台, 职称管理系统 … */
  name: string;
  url: string;
  /** sent as `Authorization: Bearer …`; read from the environment variable named by tokenEnv in the config */
  token?: string;
  events: ExchangeEvent[];
}

/** what the receiver is sent (and what X-ZC-Signature signs, as the exact body bytes) */
export interface ExchangePayload {
  event: ExchangeEvent;
  number: string;
  revision: number;
  /** the signed certificate document, or the filing summary */
  document: Record<string, unknown>;
  /** the certificate document's own signature and key (empty for a filing) */
  signature: string;
  kid: string;
  revokedAt?: string;
  revokedReason?: string;
}

/** body of a record of kind 'exchange' */
export interface ExchangeItem {
  endpointId: string;
  event: ExchangeEvent;
  /** the certificate number or the filing's id */
  number: string;
  revision: number;
  /** the application the certificate belongs to (not shown to people) */
  applicationId?: string;
  holder?: string;
  payload: ExchangePayload;
  state: ExchangeState;
  attempts: number;
  nextAttemptAt: string;
  /** a dispatcher holds the record until then (several processes never push one record at the same moment) */
  leaseUntil?: string;
  /** the last failure, in Chinese */
  lastError?: string;
  sentAt?: string;
  /** the receiver's id for what it got, when it answers one */
  receiptId?: string;
  queuedAt: string;
}

export const exchangeId = (endpointId: string, number: string, revision: number): string => `xch-${endpointId}-${number}-r${revision}`;

export const exchangeKeys = (i: ExchangeItem): string[] => [`state:${i.state}`, `endpoint:${i.endpointId}`, `event:${i.event}`, `number:${i.number}`];
