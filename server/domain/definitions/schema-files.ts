// The platform's own document schemas, by the definition kind or document they describe.
// One list shared by the type generator, the seeds loader and the publish checks.
export const SCHEMA_FILES = {
  series: 'series.schema.json',
  level: 'level.schema.json',
  campaign: 'campaign.schema.json',
  org: 'org.schema.json',
  committees: 'committees.schema.json',
  calendar: 'calendar.schema.json',
  workflow: 'workflow.schema.json',
  template: 'template.schema.json',
  policy: 'policy.schema.json',
  user: 'user.schema.json',
  application: 'application.schema.json',
  auditEntry: 'audit-entry.schema.json',
} as const;

export type SchemaName = keyof typeof SCHEMA_FILES;
