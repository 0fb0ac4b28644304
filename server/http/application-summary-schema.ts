// The JSON Schema of one row of an application list (domain/applications/summary.ts) as it leaves the server,
// with the owner's extras (application-views.ts): what GET /api/applications answers, and what the docs show.
const str = { type: 'string' } as const;
const strings = { type: 'array', items: str } as const;

const openTask = {
  type: 'object',
  required: ['taskId', 'elementId', 'name', 'role', 'orgId', 'createdAt'],
  properties: { taskId: str, elementId: str, name: str, role: str, orgId: str, assignee: str, createdAt: str, dueAt: str },
} as const;

const incident = { type: 'object', properties: { id: str, elementId: str, code: str, reason: str, at: str } } as const;

export const applicationSummarySchema = {
  type: 'object',
  required: ['id', 'version', 'applicantId', 'applicantName', 'campaignId', 'seriesKey', 'levelKey', 'status', 'createdAt', 'updatedAt', 'pinned', 'openTasks'],
  properties: {
    id: str,
    version: { type: 'integer' },
    applicantId: str,
    applicantName: str,
    campaignId: str,
    seriesKey: str,
    levelKey: str,
    status: str,
    createdAt: str,
    updatedAt: str,
    submittedAt: str,
    orgId: str,
    committeeId: str,
    pathId: str,
    grade: str,
    campaignYear: { type: 'integer' },
    channel: str,
    pinned: { type: 'object', additionalProperties: true },
    openTasks: { type: 'array', items: openTask },
    waitingAt: strings,
    workflowStatus: str,
    incidents: { type: 'array', items: incident },
    certificate: { type: 'object', properties: { number: str, issuedAt: str, revokedAt: str } },
    notice: { type: 'object', properties: { issuedAt: str, deadline: str, items: { type: 'integer' }, resubmittedAt: str } },
    // the owner's extras
    correction: { type: 'object', properties: { deadline: str, lastDay: str, workingDaysLeft: { type: 'integer' }, overdue: { type: 'boolean' } } },
    stage: { type: 'object', properties: { current: str, next: str } },
  },
} as const;

export const applicationListSchema = {
  type: 'object',
  required: ['total', 'items'],
  properties: {
    total: { type: 'integer' },
    items: { type: 'array', items: applicationSummarySchema },
    /** the keyset cursor of the next page (`after`), absent on the last */
    next: str,
  },
} as const;
