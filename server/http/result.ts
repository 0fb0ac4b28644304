// Unwraps a domain Result at the edge: the value, or the one error shape with a fitting status.
import type { Result } from '../domain/result.js';
import { httpFail } from './errors.js';

const STATUS: Record<string, number> = {
  'application.not_found': 404,
  'task.not_found': 404,
  'level.not_found': 404,
  'campaign.not_found': 404,
  'materials.not_found': 404,
  'incident.not_found': 404,
  'application.conflict': 409,
  'task.conflict': 409,
  'task.not_open': 409,
  'timer.not_found': 409,
  'application.already_submitted': 409,
  'notice.already_used': 409,
  'committee.filing_expired': 409,
  'materials.too_large': 413,
  'materials.bad_type': 415,
  'materials.bad_content': 415,
};

export function unwrap<T>(r: Result<T>): T {
  if (r.ok) return r.value;
  throw httpFail(r.error, STATUS[r.error.code]);
}
