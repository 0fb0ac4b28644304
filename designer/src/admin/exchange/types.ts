// What GET /api/admin/exchange answers (server/http/plugins/exchange.ts).
export type ExchangeState = 'pending' | 'sent' | 'dead';

export interface ExchangeRow {
  id: string;
  endpointName: string;
  eventName: string;
  number: string;
  holder?: string;
  state: ExchangeState;
  stateName: string;
  attempts: number;
  lastError?: string;
  queuedAt: string;
  nextAttemptAt: string;
  sentAt?: string;
  updatedAt: string;
}

export interface ExchangePage {
  endpoints: { id: string; name: string; eventNames: string[] }[];
  total: number;
  items: ExchangeRow[];
}
