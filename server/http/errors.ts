// One error shape for every 4xx/5xx: {code, message, details[]}.
// Handlers throw HttpError (or return domain errors through httpFail); everything else
// becomes a 500 without stack traces or paths.
import type { DomainError, Problem } from '../domain/result.js';

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details: Problem[] = [],
  ) {
    super(message);
  }
}

/** status for a domain error code, by its prefix */
const STATUS_BY_CODE: [RegExp, number][] = [
  [/^(auth\.unauthenticated|auth\.session)/, 401],
  [/^(auth\.forbidden|auth\.csrf)/, 403],
  [/not_found$/, 404],
  [/(conflict|duplicate|already)/, 409],
  [/^(auth\.locked|rate_limited)/, 429],
];

export function statusFor(code: string): number {
  for (const [re, status] of STATUS_BY_CODE) if (re.test(code)) return status;
  return 422;
}

export function httpFail(err: DomainError, status = statusFor(err.code)): HttpError {
  return new HttpError(status, err.code, err.message, err.details);
}

export const notFound = (what: string): HttpError => new HttpError(404, 'not_found', `${what}不存在`);

export const errorSchema = {
  $id: 'Error',
  type: 'object',
  required: ['code', 'message', 'details'],
  properties: {
    code: { type: 'string', description: '稳定的机器可读错误码' },
    message: { type: 'string', description: '中文说明' },
    details: {
      type: 'array',
      items: {
        type: 'object',
        required: ['code', 'message'],
        properties: {
          code: { type: 'string' },
          message: { type: 'string' },
          pointer: { type: 'string' },
          elementId: { type: 'string' },
          line: { type: 'integer' },
          column: { type: 'integer' },
          source: { type: 'string' },
        },
      },
    },
  },
} as const;
