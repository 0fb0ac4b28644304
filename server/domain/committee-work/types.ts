// The committee office's year as data (40号令 第二十三–二十五条; the notice's F1, F3, F4, D6): experts in a pool
// with the years they served, review sessions with their implementation plan, members and agenda, and reproducible
// draws. Kept as operational records (Store.putRecord: kinds 'expert', 'reviewSession', 'expertDraw'), not as
// versioned definitions: they change every week of the review season and each change is audited.

/** one year on one committee (F4: three consecutive years, then a year off) */
export interface ServiceYear {
  committeeId: string;
  year: number;
}

/** a declared conflict of interest (回避): an applicant by ID number or a unit by org id, with the reason */
export interface DeclaredConflict {
  applicantIdNumber?: string;
  orgId?: string;
  /** as people read them (the ID number and org id are never shown) */
  applicantName?: string;
  unitName?: string;
  reason: string;
  at?: string;
  by?: string;
}

/** 专家库中的一位专家 (record kind 'expert', id `exp-…`; keys `committee:<id>` per pool, `specialty:<key>`, `region:<org id>`) */
export interface Expert {
  name: string;
  /** the account the expert signs in with to vote and score online (role expert on the committee) */
  userId?: string;
  /** committee specialty keys (the committee definition's `specialties`); labels come from the series */
  specialties: string[];
  /** e.g. 正高级工程师 */
  title: string;
  /** 工作单位 as people read it, and its org id when the unit is in the org tree (recusal, external share) */
  unitName: string;
  unitOrgId?: string;
  /** 盟市 org id */
  region?: string;
  phone?: string;
  email?: string;
  /** the committees whose pools this expert is in */
  committees: string[];
  service: ServiceYear[];
  conflicts: DeclaredConflict[];
  /** 停用: kept for history, never drawn */
  inactive?: { at: string; by: string; reason: string };
}

export type SessionStatus = 'planning' | 'planSubmitted' | 'planApproved' | 'inProgress' | 'closed';

/** the implementation plan (F3): filed and approved at least one week before the session */
export interface ImplementationPlan {
  /** file hashes (Store.putFile): 备案表, 承诺书, 花名册, 送审表, 拟聘专家名单 */
  files: Partial<Record<'filingForm' | 'commitmentLetter' | 'roster' | 'reviewForms' | 'proposedExperts', string>>;
  submittedAt?: string;
  submittedBy?: string;
  approvedAt?: string;
  approvedBy?: string;
  returned?: { at: string; by: string; reason: string };
}

export interface SessionMember {
  expertId: string;
  role: 'chair' | 'member' | 'reserve';
  /** appointed once F4 and the external share allow it */
  confirmed: boolean;
  attendance?: 'present' | 'absent';
  /** a reserve that replaced this member, and why */
  replacedBy?: { expertId: string; reason: string };
}

/** a group of candidates reviewed separately with its own pass rate (D6) */
export interface SessionGroup {
  id: string;
  name: string;
  kind: 'regular' | 'grassroots' | 'nonPublic' | 'specialised';
  applicationIds: string[];
}

/** 评审会议 (record kind 'reviewSession', id `ses-…`; keys `committee:<id>`, `year:<campaign year>`, `status:<status>`) */
export interface ReviewSession {
  committeeId: string;
  campaignYear: number;
  name: string;
  /** YYYY-MM-DD, China */
  date: string;
  mode: 'onsite' | 'online';
  place?: string;
  status: SessionStatus;
  plan: ImplementationPlan;
  members: SessionMember[];
  /** the minimum number of present members to start and to count votes */
  quorum: number;
  /** the applications on the agenda */
  agenda: string[];
  groups: SessionGroup[];
  /** the draws made for this session, in order (record kind 'expertDraw') */
  drawIds: string[];
  startedAt?: string;
  closedAt?: string;
}

/** 随机抽取 (record kind 'expertDraw', id `draw-…`; keys `session:<id>`, `committee:<id>`): reproducible from its seed */
export interface ExpertDraw {
  sessionId: string;
  committeeId: string;
  at: string;
  by: string;
  /** the PRNG seed (hex) drawn from crypto; the same seed over the same candidates gives the same result */
  seed: string;
  request: { specialties: string[]; members: number; reserves: number };
  /** who could be drawn, in the order the draw saw them, and who was left out and why (回避, F4, 停用) */
  candidates: string[];
  excluded: { expertId: string; reason: string }[];
  members: string[];
  reserves: string[];
  /** 自主评审: the fewest external members the draw met first, and which candidates counted as external */
  external?: { min: number; candidates: string[] };
  /** members who declined or were absent, each replaced by the next unused reserve (the result above stays as drawn) */
  replacements?: { expertId: string; by: string; reason: string; at: string; actor: string }[];
}
