// What GET /api/admin/exchange answers (server/http/plugins/exchange.ts): the server's own types, erased from the bundle.
import type { ExchangeSummary } from '../../../../server/runtime/exchange/summary.js';

export type { ExchangeState } from '../../../../server/runtime/exchange/types.js';
export type { ExchangeSummary as ExchangeRow } from '../../../../server/runtime/exchange/summary.js';

export interface ExchangePage {
  endpoints: { id: string; name: string; eventNames: string[] }[];
  total: number;
  items: ExchangeSummary[];
}
