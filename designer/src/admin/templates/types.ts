// What the template editor gets from /api/admin/templates/* (server/http/plugins/template-preview.ts).
import type { ProblemDetail } from '../../api.js';

/** a server problem; template problems carry the 1-based line and column they concern */
export type TemplateProblem = ProblemDetail & { line?: number; column?: number };

// the field catalogue's shapes are the server's own (domain/documents/context-fields.ts)
export type { FieldGroup, HelperDoc, TemplateField } from '../../../../server/domain/documents/context-fields.js';
import type { FieldGroup, HelperDoc } from '../../../../server/domain/documents/context-fields.js';

export interface TemplateFields {
  groups: FieldGroup[];
  helpers: HelperDoc[];
}

export interface PreviewTargets {
  applications: { id: string; applicantName: string; levelKey: string; levelTitle: string; status: string }[];
  levels: { key: string; title: string }[];
}

/** what the preview runs on: a level's sample, or one application; a notification template on sample facts */
export type PreviewOn = { sampleLevel: string } | { applicationId: string } | { purpose: 'notification' };
