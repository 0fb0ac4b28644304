// What the template editor gets from /api/admin/templates/* (server/http/plugins/template-preview.ts).
import type { ProblemDetail } from '../../api.js';

/** a server problem; template problems carry the 1-based line and column they concern */
export type TemplateProblem = ProblemDetail & { line?: number; column?: number };

export interface TemplateField {
  label: string;
  path: string;
  kind: 'value' | 'date' | 'flag' | 'choices' | 'list';
  insert: string;
  children?: TemplateField[];
}

export interface FieldGroup {
  key: string;
  label: string;
  fields: TemplateField[];
}

export interface HelperDoc {
  name: string;
  label: string;
  example: string;
}

export interface TemplateFields {
  groups: FieldGroup[];
  helpers: HelperDoc[];
}

export interface PreviewTargets {
  applications: { id: string; applicantName: string; levelKey: string; levelTitle: string; status: string }[];
  levels: { key: string; title: string }[];
}

/** what the preview runs on: a level's sample, or one application */
export type PreviewOn = { sampleLevel: string } | { applicationId: string };
