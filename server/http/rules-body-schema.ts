// The `rules` a request may carry (the designer's eligibility trial) are checked against the level schema's own
// `rules` (schemas/level.schema.json) before they are compiled: a malformed rules object is a 400 with pointers,
// never an internal error.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../config.js';

const level = JSON.parse(readFileSync(join(REPO_ROOT, 'schemas', 'level.schema.json'), 'utf8')) as { properties: { rules: object } };

export const rulesBodySchema: object = level.properties.rules;
