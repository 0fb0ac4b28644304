import { createHash } from 'node:crypto';
import { canonicalJson } from '../canonical-json.js';

/** Content hash of a definition body: equal bodies hash equal whatever their key order. */
export const definitionHash = (body: unknown): string => createHash('sha256').update(canonicalJson(body)).digest('hex');
