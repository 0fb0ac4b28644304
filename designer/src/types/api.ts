// The server's response shapes as the browser uses them (the API contract of the issues).
// Shapes the server already declares are imported as types (erased at build), not copied.
import type { RoleAssignment } from '../../../server/domain/schema-types.gen.js';
import type { OpenTaskRow } from '../../../server/store/port.js';
import type { CommitteeList, Org } from '../../../server/domain/schema-types.gen.js';

export type RoleKey = RoleAssignment['role'];

export interface Me {
  id: string;
  name: string;
  kind: string;
  roles: { role: RoleKey; orgId: string }[];
  csrfToken: string;
}

export interface LevelRef {
  levelKey: string;
  grade: string;
  title: string;
  definition: string;
}
export interface SeriesItem {
  key: string;
  name: string;
  specialties?: { key: string; name: string }[];
  levels: LevelRef[];
}
export interface Phase {
  id: string;
  name: string;
  opens: string;
  closes: string;
}
export interface CampaignItem {
  key: string;
  year: number;
  name: string;
  phases: Phase[];
}
export interface MaterialItem {
  id: string;
  name: string;
  required: boolean;
  accept?: string[];
  maxBytes?: number;
}
export interface LevelDef {
  key: string;
  version: number;
  title: string;
  grade: string;
  seriesKey?: string;
  levelKey?: string;
  form: Record<string, unknown>;
  uiSchema: Record<string, unknown>;
  materials: MaterialItem[];
  paths: { id: string; name: string }[];
}

export interface EligibilityResult {
  eligible: boolean;
  blocked: { id?: string; conditionId?: string; message: string }[];
  paths: { id: string; name: string; passed: boolean; failed: { conditionId: string; message: string }[] }[];
}

/** the impact preview's answer (POST /api/designer/impact), as the server declares it */
export type { ImpactItem, ImpactResult, LevelImpact } from '../../../server/domain/rules/impact-types.js';

export interface StoredFile {
  itemId?: string;
  hash: string;
  name?: string;
  size?: number;
  mime?: string;
}

export interface Application {
  id: string;
  campaignId?: string;
  levelKey?: string;
  status?: string;
  form?: Record<string, unknown>;
  seriesKey?: string;
  pathId?: string;
  materials?: StoredFile[];
  pledge?: { signedAt: string; text?: string } | null;
  notice?: { issuedAt?: string; deadline?: string; items: { code?: string; pointer?: string; message: string }[]; resubmittedAt?: string } | null;
  version: number;
  applicantName?: string;
  createdAt?: string;
  submittedAt?: string;
  [k: string]: unknown;
}

/** an inbox row, plus the decisions the task allows when the detail is loaded */
export type TaskItem = OpenTaskRow & { decisions?: string[] };

export interface DefinitionSummary {
  kind: string;
  key: string;
  latestVersion?: number | null;
  hasDraft?: boolean;
  updatedAt?: string;
  /** workflows: their name and owning department */
  name?: string;
  ownerOrgId?: string;
  ownerName?: string;
}
export interface DefinitionRecord<B = unknown> {
  kind: string;
  key: string;
  version?: number;
  status?: string;
  body: B;
  /** content hash: the base a later save or publish names (a newer one by someone else is a conflict) */
  hash?: string;
  createdAt?: string;
  createdBy?: string;
}
export interface DefinitionDetail<B = unknown> {
  latest: DefinitionRecord<B> | null;
  draft: DefinitionRecord<B> | null;
  /** who saved the draft, by name */
  draftByName?: string;
  versions: { version: number; hash?: string; createdAt: string; createdBy?: string; createdByName?: string }[];
}
/** GET /api/definitions/:kind/:key/diff: what changed, one Chinese line each */
export interface DefinitionDiff {
  from: string;
  to: string;
  lines: { change: 'added' | 'removed' | 'changed' | 'moved'; text: string }[];
}

// ---- orgs, committees and accounts (designer/src/admin/orgs|committees|accounts) ----
export type { Org };
export interface OrgNode extends Org {
  children: OrgNode[];
}
export type Committee = CommitteeList['committees'][number];
export interface StaffAccount {
  id: string;
  login: string;
  name: string;
  kind: 'applicant' | 'staff';
  roles: { role: RoleKey; orgId: string }[];
  orgId?: string;
  phone?: string;
  email?: string;
  lockedUntil?: string;
  disabled?: { at: string; by: string; reason: string };
  createdAt: string;
}
