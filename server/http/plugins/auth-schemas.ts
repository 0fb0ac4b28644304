// JSON schemas shared by the account and administration routes.
export const roleSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['role', 'orgId'],
  properties: {
    role: {
      type: 'string',
      enum: ['applicant', 'unitReviewer', 'competentReviewer', 'leagueReviewer', 'centreClerk', 'committeeClerk', 'expert', 'admin', 'flowEditor', 'supervisor'],
    },
    orgId: { type: 'string', minLength: 1, maxLength: 120 },
  },
} as const;

export const publicUserSchema = {
  type: 'object',
  required: ['id', 'login', 'name', 'kind', 'roles', 'createdAt'],
  properties: {
    id: { type: 'string' },
    login: { type: 'string' },
    name: { type: 'string' },
    kind: { type: 'string', enum: ['applicant', 'staff'] },
    roles: { type: 'array', items: roleSchema },
    orgId: { type: 'string' },
    idDocType: { type: 'string', description: '证件类型' },
    idNumber: { type: 'string', description: '证件号码（遮盖）' },
    phone: { type: 'string' },
    email: { type: 'string' },
    lockedUntil: { type: 'string' },
    disabled: {
      type: 'object',
      description: '管理员停用：时间、操作人、原因',
      properties: { at: { type: 'string' }, by: { type: 'string' }, reason: { type: 'string' } },
    },
    createdAt: { type: 'string' },
  },
} as const;

export const auditEntrySchema = {
  type: 'object',
  required: ['seq', 'at', 'actor', 'action', 'target', 'prevHash', 'hash'],
  properties: {
    seq: { type: 'integer' },
    at: { type: 'string' },
    actor: { type: 'string' },
    action: { type: 'string' },
    target: { type: 'object', properties: { type: { type: 'string' }, id: { type: 'string' } } },
    before: {},
    after: {},
    prevHash: { type: 'string' },
    hash: { type: 'string' },
  },
} as const;

const err = { $ref: 'Error#' } as const;
export const errorResponses = { 400: err, 401: err, 403: err, 409: err, 422: err, 429: err } as const;

export const password = { type: 'string', minLength: 1, maxLength: 200 } as const;
